import type { Result } from '../../shared/errors';
import { PERMISSIONS } from '../../shared/permissions';
import { createAppRegistry } from '../api/handlers';
import type { Registry } from '../api/registry';
import type { Workspace } from '../db/workspace';
import { findApiKey } from '../system/api-keys';
import { APP_VERSION } from '../app-version';
import { createCallQueue } from './call-queue';
import { failInterruptedTasks } from '../tasks/recovery';
import type { CoreHost } from './host';
import type { WirePrincipal } from './protocol';

/**
 * The same surface as the worker-backed core, running on the calling thread. The CLI
 * uses it for one-shot commands; tests use it to drive transports without threads.
 */
export function inProcessCore(workspace: Workspace, registry: Registry = createAppRegistry()): CoreHost {
  // A task a crash left running ends Failed now, never stuck InProgress.
  failInterruptedTasks(workspace.db);
  const enqueue = createCallQueue();
  return {
    workspace: { name: workspace.name, path: workspace.path, schemaVersion: workspace.schemaVersion, appVersion: APP_VERSION },
    call(method, input, principal, onProgress) {
      const flag = { aborted: false };
      const result: Promise<Result<unknown>> = enqueue(() => registry.call(method, input, {
        workspace,
        principal: principal.permissions === 'all' ? { name: principal.name, permissions: 'all' } : { name: principal.name, permissions: new Set(principal.permissions) },
        progress: (event) => onProgress?.(event),
        signal: flag,
      }));
      return { result, cancel: () => (flag.aborted = true) };
    },
    async authenticate(secret) {
      const found = findApiKey(workspace.db, secret);
      if (!found) return null;
      return { name: found.name, permissions: found.permissions === 'all' ? 'all' : [...found.permissions] } satisfies WirePrincipal;
    },
    async close() {
      workspace.close();
    },
  };
}

export const ALL_PERMISSIONS_PRINCIPAL: WirePrincipal = { name: 'local user', permissions: 'all' };
export { PERMISSIONS };
