import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiFailure } from '../../api/failure';
import { threadCpuSeconds } from './thread-cpu';
import { fromWireError, unpackChunk, type FromParseWorker, type MappedRow, type ParseWorkerData, type ToParseWorker } from './wire';

/**
 * When a file import reads and maps its rows on the parse worker instead of its own thread.
 * minBytes: files from this size take the worker. Off by default (Infinity): on the 2-core
 * machine measured, the importing thread's CPU fell by only 1% to 8% (its SQLite work runs
 * slower beside the worker) while the process used 38% to 51% more CPU and ~20-50 MB more memory,
 * and no wall-clock gain showed (README, Benchmarks). CLOSEBOOK_PARSE_WORKER_MIN_BYTES turns
 * it on (8388608: 8 MiB and up; smaller files gain nothing from a thread's start).
 * window: chunks (reader batches, 1 MiB each) the worker may be ahead. An object so tests can change them.
 */
export const PARSE_WORKER_LIMITS: { minBytes: number; window: number; crashAfterChunks?: number } = { minBytes: minBytesFromEnvironment() ?? Infinity, window: 2 };

/** CLOSEBOOK_PARSE_WORKER_MIN_BYTES: the file size from which imports use the parse worker (bench:import sets it). */
function minBytesFromEnvironment(): number | null {
  const text = process.env.CLOSEBOOK_PARSE_WORKER_MIN_BYTES;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The worker's heap: its own default young generation kept ~100 MB more resident (a 1 GB file
 * peaked at 521 MB against 406 MB in-thread); with 4 MB it peaked at 428 MB, for more
 * frequent scavenges (part of the CPU the README counts). The old generation holds two or three batches, or one row of up to 8,000,000
 * characters (the reader's limit), far below 128 MB.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 };

// bench:import splits the CPU time between the threads: this one's own at exit (the rest is the worker's and V8's and libuv's helpers).
if (process.env.CLOSEBOOK_PARSE_WORKER_REPORT === '1') process.once('exit', () => process.stderr.write(`importing thread: ${threadCpuSeconds() ?? '?'} s CPU\n`));

/** Workers running now, for tests: none may be left after an import. */
let running = 0;
let started = 0;
export const runningParseWorkers = () => running;
export const parseWorkersStarted = () => started;

/** Where the worker's code is: beside the bundle (or one folder up, from a shared chunk) when built, else the tsx entry. */
function workerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..')]) {
    const bundled = join(dir, 'import-parse-worker.js');
    if (existsSync(bundled)) return bundled;
  }
  return join(here, 'worker-entry.mjs');
}

export interface MappedBatch {
  rows: MappedRow[];
  /** The reader's position after this batch. */
  bytesRead: number;
}

export interface ParseWorkerRun {
  /** The mapped rows, batch by batch, in file order; ends with the reader's error where it failed. */
  batches(): AsyncGenerator<MappedBatch, void>;
  /** Stop the worker (after the last batch, an error or a cancel); never leaves it running. */
  close(): Promise<void>;
}

/** Start reading and mapping a file on the parse worker. */
export function startParseWorker(input: Omit<ParseWorkerData, 'window' | 'crashAfterChunks'>): ParseWorkerRun {
  const data: ParseWorkerData = { ...input, window: PARSE_WORKER_LIMITS.window };
  if (PARSE_WORKER_LIMITS.crashAfterChunks !== undefined) data.crashAfterChunks = PARSE_WORKER_LIMITS.crashAfterChunks;
  const worker = new Worker(workerPath(), { workerData: data, resourceLimits: WORKER_HEAP });
  running++;
  started++;
  let exited = false;
  const queue: Array<FromParseWorker | { type: 'exit'; code: number } | { type: 'failed'; error: Error }> = [];
  let wake: (() => void) | null = null;
  const push = (message: (typeof queue)[number]) => {
    queue.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', (message: FromParseWorker) => push(message));
  worker.on('error', (error) => push({ type: 'failed', error }));
  const ended = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      exited = true;
      running--;
      push({ type: 'exit', code });
      resolve();
    }),
  );
  const next = async () => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return queue.shift()!;
  };

  return {
    async *batches() {
      for (;;) {
        const message = await next();
        switch (message.type) {
          case 'chunk':
            worker.postMessage({ type: 'take' } satisfies ToParseWorker);
            yield { rows: unpackChunk(message.chunk), bytesRead: message.chunk.bytesRead };
            break;
          case 'done':
            // bench:import splits the CPU time between the threads with this.
            if (process.env.CLOSEBOOK_PARSE_WORKER_REPORT === '1') process.stderr.write(`parse worker: ${message.rows} rows, ${message.cpuSeconds ?? '?'} s CPU\n`);
            return;
          case 'error':
            throw fromWireError(message.error);
          case 'failed':
            throw readerStopped(`with an error: ${message.error.message}`);
          case 'exit':
            throw readerStopped(`before the end of the file (exit code ${message.code})`);
        }
      }
    },
    async close() {
      if (!exited) await worker.terminate();
      await ended;
    },
  };
}

/** The worker died (a crash, out of memory): the import fails as a whole, and says so. */
function readerStopped(how: string): ApiFailure {
  return new ApiFailure('internal_error', 'file_reader_stopped', `The file reader stopped ${how}; nothing was imported and the workspace is as it was. Try the import again.`);
}
