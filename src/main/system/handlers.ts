import { PERMISSIONS } from '../../shared/permissions';
import type { WorkspaceInfo } from '../../shared/contract/system';
import type { HandlerSlice } from '../api/registry';
import type { Workspace } from '../db/workspace';
import { APP_VERSION } from '../app-version';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';

function info(workspace: Workspace): WorkspaceInfo {
  return { name: workspace.name, path: workspace.path, schemaVersion: workspace.schemaVersion, appVersion: APP_VERSION };
}

export const systemHandlers: HandlerSlice<'ping' | 'workspace.info' | 'keys.create' | 'keys.list' | 'keys.revoke'> = {
  ping: (_input, { workspace, principal }) => ({
    ok: true,
    key: {
      name: principal.name,
      permissions: principal.permissions === 'all' ? [...PERMISSIONS] : [...principal.permissions],
    },
    workspace: info(workspace),
  }),
  'workspace.info': (_input, { workspace }) => info(workspace),
  'keys.create': ({ name, permissions, expiresAt }, { workspace }) => createApiKey(workspace.db, name, permissions, expiresAt ?? null),
  'keys.list': (_input, { workspace }) => ({ keys: listApiKeys(workspace.db) }),
  'keys.revoke': ({ id }, { workspace }) => revokeApiKey(workspace.db, id),
};
