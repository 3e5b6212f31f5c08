import type { HandlerSlice } from '../api/registry';
import { listConflicts, resolveConflict } from './conflicts';
import { listConnections, saveConnection } from './connections';
import { syncHistory } from './history';
import { runSync } from './run-sync';
import { setSyncKey } from './set-key';
import { testConnection } from './test-connection';

export const syncHandlers: HandlerSlice<'sync.connections' | 'sync.saveConnection' | 'sync.setKey' | 'sync.test' | 'sync.run' | 'sync.history' | 'sync.conflicts' | 'sync.resolve'> = {
  'sync.connections': (input, { workspace }) => ({ connections: listConnections(workspace.db, input.orgId) }),
  'sync.saveConnection': (input, { workspace }) => saveConnection(workspace.db, input),
  'sync.setKey': (input, { workspace }) => setSyncKey(workspace.db, input),
  'sync.test': (input, { workspace }) => testConnection(workspace.db, input.orgId, input.source),
  'sync.run': (input, { workspace, signal, progress }) => runSync(workspace.db, input, { signal, progress }),
  'sync.history': (input, { workspace }) => ({ runs: syncHistory(workspace.db, input.orgId) }),
  'sync.conflicts': (input, { workspace }) => ({ conflicts: listConflicts(workspace.db, input) }),
  'sync.resolve': (input, { workspace }) => resolveConflict(workspace.db, input),
};
