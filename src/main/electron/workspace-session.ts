import { resolve } from 'node:path';
import type { WorkspaceInfo } from '../../shared/contract/system';
import type { CoreHost, HostSyncKeys } from '../core/host';
import { WorkspaceError } from '../db/workspace-error';

export interface WorkspaceSessionDeps {
  startCore(options: { workspacePath: string; create: boolean; workerPath?: string; holder?: string; syncKeys?: HostSyncKeys }): Promise<CoreHost>;
  workerPath?: string;
  /** The desktop's sync keys (safeStorage), handed to every core started. */
  syncKeys?: HostSyncKeys;
  /** Called once the new workspace is the open one (menu, title, 'workspace-changed'). */
  onOpened(workspace: WorkspaceInfo): void;
  /** Tells the user why a file could not be opened (an error dialog in the app). */
  reportOpenFailure(message: string, detail: string): Promise<void> | void;
}

export interface WorkspaceSession {
  current(): CoreHost | null;
  /** The open core once any open or switch under way has finished: what calls should use. */
  settled(): Promise<CoreHost | null>;
  /**
   * Open `path` in a new core; on success the previous core is closed, on failure the
   * user is told why and the previous workspace stays open. Resolves to whether it opened.
   */
  open(path: string, options?: { create?: boolean }): Promise<boolean>;
  close(): Promise<void>;
}

export function workspaceSession(deps: WorkspaceSessionDeps): WorkspaceSession {
  let core: CoreHost | null = null;
  // Menu clicks can overlap (Open, then Recent before the first finished): one at a time.
  let queue: Promise<unknown> = Promise.resolve();

  function serialized<T>(job: () => Promise<T>): Promise<T> {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  }

  async function open(path: string, create: boolean): Promise<boolean> {
    const workspacePath = resolve(path);
    if (core && resolve(core.workspace.path) === workspacePath) return true;
    let next: CoreHost;
    try {
      next = await deps.startCore({ workspacePath, create, holder: 'the Closebook desktop app', ...(deps.workerPath ? { workerPath: deps.workerPath } : {}), ...(deps.syncKeys ? { syncKeys: deps.syncKeys } : {}) });
    } catch (error) {
      const { message, detail } = openFailure(workspacePath, error);
      // Not awaited: calls waiting on settled() must not wait for the user to close a dialog.
      void Promise.resolve(deps.reportOpenFailure(message, detail)).catch(() => undefined);
      return false;
    }
    const previous = core;
    core = next;
    if (previous) await previous.close().catch((error) => console.error('[closebook] closing the previous workspace failed:', error));
    deps.onOpened(next.workspace);
    return true;
  }

  return {
    current: () => core,
    settled: () => queue.then(() => core),
    open: (path, options = {}) => serialized(() => open(path, options.create ?? false)),
    close: () =>
      serialized(async () => {
        const closing = core;
        core = null;
        await closing?.close();
      }),
  };
}

/** The dialog's text: the WorkspaceError's own message is written for the user; anything else is shown as is. */
export function openFailure(path: string, error: unknown): { message: string; detail: string } {
  if (error instanceof WorkspaceError) return { message: 'This workspace cannot be opened', detail: error.message };
  return { message: 'This workspace cannot be opened', detail: `${path}: ${(error as Error)?.message ?? String(error)}` };
}
