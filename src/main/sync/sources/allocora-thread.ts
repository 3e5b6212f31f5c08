import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { retryPolicy } from '../http-client';
import { SyncFault } from '../sync-fault';
import { AllocoraRecord, cancelledFault, type AllocoraEntity, type PageSink, type Paging } from './allocora-pages';
import type { PullWatch } from './source-adapter';

// A first sync of seed 001 hands a large entity's paging to a worker thread
// (allocora-worker.ts): fetching, JSON.parse, the checks and the server hashes then run on
// the second core while this thread writes what was read. Small pulls stay on this thread
// (a thread costs its start, about half a second from source).

/** Worker -> this thread. */
export type FromPuller =
  | { type: 'records'; entity: AllocoraEntity; read: number; ids: string[]; hashes: string[]; fields: Array<Record<string, unknown>> }
  | { type: 'entity'; paging: Paging }
  | { type: 'done' }
  | { type: 'fault'; message: string; status: number | null }
  | { type: 'error'; message: string };

/** This thread -> worker: how many record messages are stored (a cancel or a fault ends the worker). */
export interface ToPuller {
  stored: number;
}

/** Records of one entity read on this thread before the rest goes to the worker (null: never). */
let handOverAfter: number | null = process.env.CLOSEBOOK_SYNC_PULL_THREAD === '0' ? null : 5000;

/** Tests and benches: hand over after this many records of an entity, or never (null). Returns the previous setting. */
export function setThreadHandOver(records: number | null): number | null {
  const previous = handOverAfter;
  handOverAfter = records;
  return previous;
}

/** The worker's code: bundled beside the main bundle (or a chunk of it) in a desktop build, else the tsx entry beside this file. */
function workerPath(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'sync-pull-worker.js'), join(here, '..', 'sync-pull-worker.js'), join(here, 'allocora-worker-entry.mjs')];
  return candidates.find((path) => existsSync(path)) ?? null;
}

let path: string | null | undefined;
/** Pulls handed to a thread since the process started (benches and tests read it). */
let started = 0;

export function threadPullsStarted(): number {
  return started;
}

/** pageThrough's handOver: true once the entity has read enough, when a worker can be started. */
export function handOverToThread(paging: Paging): boolean {
  if (handOverAfter === null || paging.read < handOverAfter) return false;
  if (path === undefined) path = workerPath();
  return path !== null;
}

/**
 * Carry on `pagings` (the first where this thread stopped, the next ones from their start)
 * in a worker, handing each message's records to `sink` on this thread. Each paging is
 * brought up to date (its newest, for the cursors). A fault in the worker rejects with it;
 * a fault in `sink` or a cancel stops the worker.
 */
export function pagesInThread(baseUrl: string, key: string, pagings: Paging[], sink: PageSink, watch: PullWatch): Promise<void> {
  // Set to 1 on a cancel: the worker reads it between pages (a cancel is a flag on this thread, with no event).
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(path!, { workerData: { baseUrl, key, pagings, policy: retryPolicy(), cancel } });
  started++;
  const watchCancel = setInterval(() => {
    if (watch.cancelled()) Atomics.store(cancel, 0, 1);
  }, 20);
  let stored = 0;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearInterval(watchCancel);
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    worker.on('message', (message: FromPuller) => {
      if (settled) return;
      try {
        if (watch.cancelled()) return settle(cancelledFault());
        switch (message.type) {
          case 'records': {
            const { entity, ids, hashes, fields } = message;
            const records = ids.map((id, i) => new AllocoraRecord(id, fields[i], hashes[i]));
            const done = sink(entity, records);
            if (done) throw new Error('a thread pull takes a synchronous sink');
            watch.page(entity, message.read);
            worker.postMessage({ stored: ++stored } satisfies ToPuller);
            return;
          }
          case 'entity': {
            const paging = pagings.find((p) => p.entity === message.paging.entity)!;
            Object.assign(paging, message.paging);
            return;
          }
          case 'done':
            return settle(null);
          case 'fault':
            return settle(new SyncFault(message.message, message.status));
          case 'error':
            return settle(new Error(`The seed 001 pull thread failed: ${message.message}`));
        }
      } catch (error) {
        settle(error as Error);
      }
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) => settle(new Error(`The seed 001 pull thread stopped (exit code ${code})`)));
  });
}
