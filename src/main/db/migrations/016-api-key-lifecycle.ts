import type { Migration } from './types';

// Keys can be revoked (refused from the next call on), can expire, and say when they
// were last used, so an accountant can see which scripts still call the workspace.
export const apiKeyLifecycle: Migration = {
  id: 16,
  name: 'api-key-lifecycle',
  sql: `
    ALTER TABLE api_keys ADD COLUMN expires_at TEXT;
    ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
    ALTER TABLE api_keys ADD COLUMN last_used_at TEXT;
  `,
};
