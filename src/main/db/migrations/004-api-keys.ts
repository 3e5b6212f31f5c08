import type { Migration } from './types';

// Keys are stored as SHA-256 hashes; the secret is shown once when created.
export const apiKeys: Migration = {
  id: 4,
  name: 'api-keys',
  sql: `
    CREATE TABLE api_keys (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      secret_sha256 TEXT NOT NULL UNIQUE,
      permissions TEXT NOT NULL CHECK (json_valid(permissions)),
      created_at TEXT NOT NULL
    );
  `,
};
