import { parentPort, workerData } from 'node:worker_threads';
import type { Principal } from '../api/context';
import { createAppRegistry } from '../api/handlers';
import { openWorkspace, type Workspace } from '../db/workspace';
import { WorkspaceError } from '../db/workspace-error';
import { findApiKey } from '../system/api-keys';
import { APP_VERSION } from '../app-version';
import { createCallQueue } from './call-queue';
import { failInterruptedTasks } from '../tasks/recovery';
import { hostKeyStore } from '../sync/host-key-store';
import { setSyncKeyStore } from '../sync/key-store';
import type { CoreWorkerData, FromWorker, ToWorker, WirePrincipal } from './protocol';

// The core: one workspace connection and the registry, on a thread of its own so the
// window (or the HTTP server) stays responsive during long jobs.

const port = parentPort!;
const { workspacePath, create, syncKeys } = workerData as CoreWorkerData;
const send = (message: FromWorker) => port.postMessage(message);

// Desktop: the keys the main process decrypted; saving one asks it (see sync/key-store.ts).
const keySaves = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let nextKeySave = 1;
if (syncKeys) {
  setSyncKeyStore(
    hostKeyStore(syncKeys, (orgId, source, key) => {
      const id = nextKeySave++;
      return new Promise<void>((resolve, reject) => {
        keySaves.set(id, { resolve, reject });
        send({ type: 'sync-key-save', id, orgId, source, key });
      });
    }),
  );
}

let workspace: Workspace;
try {
  workspace = openWorkspace(workspacePath, { create });
} catch (error) {
  const code = error instanceof WorkspaceError ? error.code : 'workspace_corrupt';
  send({ type: 'open-failed', code, message: (error as Error).message });
  process.exit(0);
}

// A task a crash left running ends Failed now, never stuck InProgress.
failInterruptedTasks(workspace.db);
const registry = createAppRegistry();
send({
  type: 'ready',
  workspace: { name: workspace.name, path: workspace.path, schemaVersion: workspace.schemaVersion, appVersion: APP_VERSION },
});

function fromWire(p: WirePrincipal): Principal {
  return p.permissions === 'all' ? { name: p.name, permissions: 'all' } : { name: p.name, permissions: new Set(p.permissions) };
}

// One call at a time (see call-queue.ts). Cancel flags live in shared memory, so a queued
// or running call can still be cancelled.
const enqueue = createCallQueue();

port.on('message', (message: ToWorker) => {
  // Not queued: the sync.setKey call waiting for it holds the queue.
  if (message.type === 'sync-key-saved') {
    const waiting = keySaves.get(message.id);
    keySaves.delete(message.id);
    if (message.error === null) waiting?.resolve();
    else waiting?.reject(new Error(message.error));
    return;
  }
  enqueue(() => handle(message)).catch((error) => console.error('[closebook] core call failed', error));
});

async function handle(message: Exclude<ToWorker, { type: 'sync-key-saved' }>): Promise<void> {
  if (message.type === 'close') {
    workspace.close();
    port.close();
    return;
  }
  if (message.type === 'authenticate') {
    const found = findApiKey(workspace.db, message.secret);
    const principal = found && { name: found.name, permissions: found.permissions === 'all' ? 'all' : [...found.permissions] };
    send({ type: 'authenticated', id: message.id, principal: principal as WirePrincipal | null });
    return;
  }
  const flag = new Int32Array(message.cancel);
  const result = await registry.call(message.method, message.input, {
    workspace,
    principal: fromWire(message.principal),
    progress: (event) => send({ type: 'progress', id: message.id, event }),
    signal: {
      get aborted() {
        return Atomics.load(flag, 0) === 1;
      },
    },
  });
  send({ type: 'result', id: message.id, result });
}
