import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/errors';
import type { WorkspaceInfo } from '../../shared/contract/system';
import type { ProgressEvent } from '../api/context';
import { holdWorkspace } from '../db/app-lock';
import { WorkspaceError, type WorkspaceErrorCode } from '../db/workspace-error';
import type { SyncSource } from '../../shared/contract/sync';
import type { SyncKeyEntries } from '../sync/host-key-store';
import type { CoreWorkerData, FromWorker, ToWorker, WirePrincipal } from './protocol';

/** The desktop's key store as the host uses it (src/main/electron/sync-key-store.ts). */
export interface HostSyncKeys {
  /** The decrypted keys, handed to each worker started. */
  entries(): SyncKeyEntries;
  /** Encrypt and keep (null: forget) a key; throws the reason it cannot. */
  set(orgId: string, source: SyncSource, key: string | null): void;
}

export interface CoreCall {
  result: Promise<Result<unknown>>;
  cancel(): void;
}

/** The main side's handle on the core worker. */
export interface CoreHost {
  workspace: WorkspaceInfo;
  call(method: string, input: unknown, principal: WirePrincipal, onProgress?: (event: ProgressEvent) => void): CoreCall;
  authenticate(secret: string): Promise<WirePrincipal | null>;
  close(): Promise<void>;
}

export interface StartCoreOptions {
  workspacePath: string;
  create?: boolean;
  workerPath?: string;
  /** Each worker started (the first and every restart), for logs and tests. */
  onWorker?: (worker: Worker) => void;
  /** A worker that stops more often than this within a minute is not started again (default 5). */
  maxRestartsPerMinute?: number;
  /** The app holding the workspace ("Closebook browser mode"): a second app is refused (see app-lock.ts). */
  holder?: string;
  /** Desktop only: where sync keys are kept; without it the worker reads them from the environment. */
  syncKeys?: HostSyncKeys;
}

/** Where the worker's code is: beside the bundle in the desktop build, else the tsx entry. */
export function defaultWorkerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'core-worker.js');
  return existsSync(bundled) ? bundled : join(here, 'worker-entry.mjs');
}

type Pending = { resolve: (message: FromWorker | null) => void; onProgress?: (e: ProgressEvent) => void };

/**
 * Start the core worker on a workspace. If the worker stops later (a crash, an exit from
 * native code), the calls it was running fail with `core_stopped` and a new worker is
 * started on the same workspace; calls made meanwhile wait for it. No call is left
 * waiting: if the workspace can no longer be opened, they fail with the reason.
 */
export async function startCore(options: StartCoreOptions): Promise<CoreHost> {
  const baseData: CoreWorkerData = { workspacePath: options.workspacePath, create: options.create ?? true };
  const workerPath = options.workerPath ?? defaultWorkerPath();
  let nextId = 1;
  let closing = false;
  const restarts: number[] = [];
  const pending = new Map<number, Pending>();
  /** The running worker, or the start of its replacement. */
  let current: Promise<Worker>;

  /** Keep a key the worker's sync.setKey validated; the reason (never the key) when it cannot. */
  function saveSyncKey(message: Extract<FromWorker, { type: 'sync-key-save' }>): ToWorker {
    try {
      if (!options.syncKeys) return { type: 'sync-key-saved', id: message.id, error: 'this app keeps no keys; they come from environment variables here' };
      options.syncKeys.set(message.orgId, message.source, message.key);
      return { type: 'sync-key-saved', id: message.id, error: null };
    } catch (error) {
      return { type: 'sync-key-saved', id: message.id, error: (error as Error).message };
    }
  }

  function spawn(): Promise<{ worker: Worker; workspace: WorkspaceInfo }> {
    // Read at each start, so a worker started after a crash has the keys saved since.
    const data: CoreWorkerData = options.syncKeys ? { ...baseData, syncKeys: options.syncKeys.entries() } : baseData;
    const worker = new Worker(workerPath, { workerData: data });
    options.onWorker?.(worker);
    return new Promise((resolveStart, rejectStart) => {
      let started = false;
      const failAll = (reason: string) => {
        for (const p of pending.values()) p.resolve({ type: 'result', id: 0, result: stopped(reason) });
        pending.clear();
      };
      worker.on('error', (error) => {
        if (!started) rejectStart(error);
        failAll(error.message);
      });
      worker.on('exit', (code) => {
        // A worker that stops before saying ready or open-failed must not leave the caller waiting.
        if (!started) return rejectStart(new Error(`The workspace core stopped before opening ${options.workspacePath} (exit code ${code})`));
        failAll(`the core stopped (exit code ${code})`);
        if (!closing) restart();
      });
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'open-failed') return rejectStart(new WorkspaceError(message.code as WorkspaceErrorCode, options.workspacePath, message.message));
        if (message.type === 'ready') {
          started = true;
          return resolveStart({ worker, workspace: message.workspace });
        }
        if (message.type === 'sync-key-save') return worker.postMessage(saveSyncKey(message));
        const entry = pending.get(message.id);
        if (!entry) return;
        if (message.type === 'progress') return entry.onProgress?.(message.event);
        pending.delete(message.id);
        entry.resolve(message);
      });
    });
  }

  function restart(): void {
    const now = Date.now();
    while (restarts.length && now - restarts[0] > 60_000) restarts.shift();
    restarts.push(now);
    if (restarts.length > (options.maxRestartsPerMinute ?? 5)) {
      current = Promise.reject(new Error(`the core stopped ${restarts.length} times within a minute and is not started again; restart Closebook`));
    } else {
      current = spawn().then(({ worker }) => worker);
    }
    current.catch(() => {}); // waited on by each call, which answers the failure
  }

  const release = options.holder ? holdWorkspace(resolve(options.workspacePath), options.holder) : () => {};
  let first: Awaited<ReturnType<typeof spawn>>;
  try {
    first = await spawn();
  } catch (error) {
    release();
    throw error;
  }
  current = Promise.resolve(first.worker);

  /** Send a message once a worker is running; the reply, or null when none can come. */
  function send(message: ToWorker & { id: number }, entry: Pending): void {
    pending.set(message.id, entry);
    current.then(
      (worker) => {
        if (pending.has(message.id)) worker.postMessage(message);
      },
      (error: Error) => {
        pending.delete(message.id);
        entry.resolve({ type: 'result', id: message.id, result: stopped(error.message) });
      },
    );
  }

  return {
    workspace: first.workspace,
    call(method, input, principal, onProgress) {
      const id = nextId++;
      const cancelBuffer = new SharedArrayBuffer(4);
      const result = new Promise<Result<unknown>>((resolve) => {
        if (closing) return resolve(stopped('the workspace was closed'));
        send(
          { type: 'call', id, method, input, principal, cancel: cancelBuffer },
          { resolve: (m) => resolve(m?.type === 'result' ? m.result : stopped('no answer')), onProgress },
        );
      });
      return { result, cancel: () => Atomics.store(new Int32Array(cancelBuffer), 0, 1) };
    },
    authenticate(secret) {
      const id = nextId++;
      return new Promise((resolve) => {
        if (closing) return resolve(null);
        // A core that stopped cannot vouch for a key: the caller answers 401.
        send({ type: 'authenticate', id, secret }, { resolve: (m) => resolve(m?.type === 'authenticated' ? m.principal : null) });
      });
    },
    async close() {
      closing = true;
      const worker = await current.catch(() => null);
      if (worker && worker.threadId >= 0) {
        const exited = new Promise<void>((resolveExit) => worker.once('exit', () => resolveExit()));
        worker.postMessage({ type: 'close' } satisfies ToWorker);
        await exited;
      }
      release();
    },
  };
}

function stopped(reason: string): Result<never> {
  return {
    ok: false,
    error: { type: 'internal_error', code: 'core_stopped', message: `The workspace core stopped: ${reason}`, detail: null, timestamp: new Date().toISOString() },
  };
}
