import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/errors';
import type { WorkspaceInfo } from '../../shared/contract/system';
import type { ProgressEvent } from '../api/context';
import { WorkspaceError, type WorkspaceErrorCode } from '../db/workspace-error';
import type { CoreWorkerData, FromWorker, ToWorker, WirePrincipal } from './protocol';

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

/** Where the worker's code is: beside the bundle in the desktop build, else the tsx entry. */
export function defaultWorkerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'core-worker.js');
  return existsSync(bundled) ? bundled : join(here, 'worker-entry.mjs');
}

export function startCore(options: { workspacePath: string; create?: boolean; workerPath?: string }): Promise<CoreHost> {
  const data: CoreWorkerData = { workspacePath: options.workspacePath, create: options.create ?? true };
  const worker = new Worker(options.workerPath ?? defaultWorkerPath(), { workerData: data });
  let nextId = 1;
  const pending = new Map<number, { resolve: (message: FromWorker) => void; onProgress?: (e: ProgressEvent) => void }>();

  return new Promise((resolveStart, rejectStart) => {
    let started = false;
    worker.on('error', (error) => {
      if (!started) rejectStart(error);
      for (const p of pending.values()) p.resolve({ type: 'result', id: 0, result: crashed(error) });
      pending.clear();
    });
    worker.on('exit', (code) => {
      // A worker that stops before saying ready or open-failed must not leave the caller waiting.
      if (!started) rejectStart(new Error(`The workspace core stopped before opening ${options.workspacePath} (exit code ${code})`));
      for (const p of pending.values()) p.resolve({ type: 'result', id: 0, result: crashed(new Error('the core stopped')) });
      pending.clear();
    });
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'open-failed') {
        rejectStart(new WorkspaceError(message.code as WorkspaceErrorCode, options.workspacePath, message.message));
        return;
      }
      if (message.type === 'ready') {
        started = true;
        resolveStart(host(message.workspace));
        return;
      }
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.type === 'progress') {
        entry.onProgress?.(message.event);
        return;
      }
      pending.delete(message.id);
      entry.resolve(message);
    });
  });

  function post(message: ToWorker) {
    worker.postMessage(message);
  }

  function host(workspace: WorkspaceInfo): CoreHost {
    return {
      workspace,
      call(method, input, principal, onProgress) {
        const id = nextId++;
        const cancelBuffer = new SharedArrayBuffer(4);
        const result = new Promise<Result<unknown>>((resolve) => {
          pending.set(id, { resolve: (m) => resolve((m as Extract<FromWorker, { type: 'result' }>).result), onProgress });
        });
        post({ type: 'call', id, method, input, principal, cancel: cancelBuffer });
        return { result, cancel: () => Atomics.store(new Int32Array(cancelBuffer), 0, 1) };
      },
      authenticate(secret) {
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, { resolve: (m) => resolve((m as Extract<FromWorker, { type: 'authenticated' }>).principal) });
          post({ type: 'authenticate', id, secret });
        });
      },
      async close() {
        post({ type: 'close' });
        await new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      },
    };
  }
}

function crashed(error: Error): Result<unknown> {
  return {
    ok: false,
    error: { type: 'internal_error', code: 'core_stopped', message: `The workspace core stopped: ${error.message}`, detail: null, timestamp: new Date().toISOString() },
  };
}
