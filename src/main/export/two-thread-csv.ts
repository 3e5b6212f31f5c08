import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { ApiFailure } from '../api/failure';
import type { CancelSignal } from '../api/context';
import type { Database } from '../db/driver';
import { writeState } from '../db/write-state';
import { writeFileAtomicallyAsync } from './atomic-file';
import { textCell, type CsvWriteResult } from './csv-file';
import { startLinesWorker } from './lines-worker/start';
import { WORKER_ROWS, claimChunk, type LinesJob } from './lines-worker/wire';
import { CHUNK_ROWS, lineChunkReader } from './sql-lines';

/**
 * When a big export builds its lines on two threads. minRows: smaller exports stay on one
 * (a thread and a second read of the keys cost more than they save). An object so tests
 * can force the two-thread path on a small workspace, write between the parts, or make the
 * worker fail.
 */
export const TWO_THREAD_EXPORT: {
  minRows: number;
  /**
   * Only while the load average (1 minute) is at most this: a second thread helps only with
   * a core to run on. On 2 busy cores (load 6 to 11) it took as long as one thread, or
   * longer, for ~35 % more CPU time (README, Benchmarks). Windows reports a load of 0.
   */
  maxLoad: number;
  /** Tests: smaller chunks, so a small export has many. */
  chunkRows?: number;
  /** Tests: this thread starts only once the worker wrote a chunk (or ended), so both build some lines. */
  waitForWorker?: boolean;
  beforeWorker?: () => void;
  failAfterChunks?: number;
} = { minRows: numberFromEnvironment('CLOSEBOOK_EXPORT_TWO_THREAD_MIN_ROWS') ?? 200_000, maxLoad: numberFromEnvironment('CLOSEBOOK_EXPORT_TWO_THREAD_MAX_LOAD') ?? availableParallelism() - 1 };

/** Whether an export of `rows` lines builds them on two threads now. */
export function useTwoThreads(rows: number): boolean {
  return rows >= TWO_THREAD_EXPORT.minRows && availableParallelism() >= 2 && loadavg()[0] <= TWO_THREAD_EXPORT.maxLoad;
}

/** The rows each thread built in the last two-thread export (tests and the benchmark read it). */
export const lastTwoThreadSplit: { ownRows: number; workerRows: number; workerCpuSeconds: number | null } = { ownRows: 0, workerRows: 0, workerCpuSeconds: null };

/** CLOSEBOOK_EXPORT_TWO_THREAD_MIN_ROWS and _MAX_LOAD: the benchmark times each path of the same export with them. */
function numberFromEnvironment(name: string): number | null {
  const text = process.env[name];
  return text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** The workspace changed between the two parts' reads: the caller exports again on one thread. */
export class WorkspaceChangedDuringExport extends Error {
  constructor() {
    super('The workspace changed while the export read it');
  }
}

export interface TwoThreadLines {
  /** How many lines the export writes (the first thread's key table). */
  count: number;
  /** The chunk statement of the first thread's connection (see sql-lines.ts). */
  lineSql: string;
  /** Drops the first thread's temporary tables and ends its read transaction. */
  endRead(): void;
  /** writeState(db) inside that read transaction, after its first read. */
  stateRead: string;
}

const cancelled = () => new ApiFailure('conflict', 'cancelled', 'The export was cancelled; no file was written.');

/**
 * Write a CSV file whose lines this thread builds from the first chunk on while a worker
 * (the same job on its own read-only connection) builds them from the last chunk back, into
 * a temporary file beside it; they meet where their speeds put them (claimChunk), and the
 * worker's chunks are appended in order at the end. The file is written atomically; the
 * temporary file and the worker are gone when this returns or throws. Throws
 * WorkspaceChangedDuringExport when a write landed between the two reads.
 */
export async function writeCsvTwoThreads(
  db: Database.Database,
  path: string,
  header: readonly string[],
  lines: TwoThreadLines,
  job: LinesJob,
  options: { signal?: CancelSignal; onProgress?: (rows: number) => void; progressEvery?: number; bom?: boolean } = {},
): Promise<CsvWriteResult> {
  const every = options.progressEvery ?? 50_000;
  return writeFileAtomicallyAsync(path, async (fd) => {
    const tempPath = `${path}.partial-2`;
    const tempFd = openSync(tempPath, 'w+', 0o600);
    const shared = new Int32Array(new SharedArrayBuffer(8));
    let run: ReturnType<typeof startLinesWorker> | null = null;
    try {
      TWO_THREAD_EXPORT.beforeWorker?.();
      const chunkRows = TWO_THREAD_EXPORT.chunkRows ?? CHUNK_ROWS;
      run = startLinesWorker({ database: db.name, job, count: lines.count, chunkRows, fd: tempFd, shared: shared.buffer as SharedArrayBuffer, failAfterChunks: TWO_THREAD_EXPORT.failAfterChunks });
      if (TWO_THREAD_EXPORT.waitForWorker) await workerStarted(run.finished, shared);
      let mine = 0;
      let reported = 0;
      // Progress counts both threads' rows, in steps of `every`, as the one-thread export does.
      const report = () => {
        const total = mine + Atomics.load(shared, WORKER_ROWS);
        const step = total - (total % every);
        if (step > reported) {
          reported = step;
          options.onProgress?.(step);
        }
      };
      let bytes = writeSync(fd, (options.bom ? '\uFEFF' : '') + header.map(textCell).join(',') + '\r\n');
      const reader = lineChunkReader(db, lines.lineSql, lines.count, chunkRows);
      let taken = 0;
      for (let index = claimChunk(shared, reader.chunks, false, 0); index !== null; index = claimChunk(shared, reader.chunks, false, taken)) {
        const chunk = reader.read(index);
        taken++;
        bytes += typeof chunk.text === 'string' ? writeSync(fd, chunk.text) : writeSync(fd, chunk.text);
        mine += chunk.rows;
        if (options.signal?.aborted) throw cancelled();
        report();
      }
      lines.endRead();
      Object.assign(lastTwoThreadSplit, { ownRows: mine, workerRows: 0, workerCpuSeconds: null });
      // A cancel asked for during the last chunk's progress: still a cancel, not a file.
      if (options.signal?.aborted) throw cancelled();
      // This thread took every chunk (a worker slow to start): its read alone made the file.
      if (taken === reader.chunks) return { path, rowCount: lines.count, bytes };
      const result = await finishedOrCancelled(run.finished, options.signal, report);
      // Both reads saw the same rows only if nothing was written from this thread's read to now.
      if (result.changed || mine + result.rows !== lines.count || taken + result.lengths.length !== reader.chunks || writeState(db) !== lines.stateRead) {
        throw new WorkspaceChangedDuringExport();
      }
      bytes += appendChunks(fd, tempFd, result.lengths);
      Object.assign(lastTwoThreadSplit, { workerRows: result.rows, workerCpuSeconds: result.cpuSeconds });
      report();
      if (options.signal?.aborted) throw cancelled();
      return { path, rowCount: lines.count, bytes };
    } finally {
      await run?.close();
      closeSync(tempFd);
      rmSync(tempPath, { force: true });
    }
  });
}

/** Tests: until the worker has written a chunk or ended. */
async function workerStarted(finished: Promise<unknown>, shared: Int32Array): Promise<void> {
  let ended = false;
  void finished.then(
    () => (ended = true),
    () => (ended = true),
  );
  while (!ended && Atomics.load(shared, WORKER_ROWS) === 0) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** The worker's result; meanwhile a cancel is seen and progress reported every 25 ms. */
async function finishedOrCancelled<T>(finished: Promise<T>, signal: CancelSignal | undefined, report: () => void): Promise<T> {
  let done = false;
  void finished.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    if (signal?.aborted) throw cancelled();
    report();
    await Promise.race([finished.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 25))]);
  }
  return finished;
}

/** Copies the worker's chunks (written last chunk first, `lengths` bytes each) after this thread's, in the export's order. */
function appendChunks(fd: number, from: number, lengths: readonly number[]): number {
  const offsets: number[] = [];
  let total = 0;
  for (const length of lengths) {
    offsets.push(total);
    total += length;
  }
  const buffer = Buffer.allocUnsafe(Math.max(1, ...lengths));
  for (let k = lengths.length - 1; k >= 0; k--) {
    const read = readSync(from, buffer, 0, lengths[k], offsets[k]);
    if (read !== lengths[k]) throw new ApiFailure('internal_error', 'export_part_short', `The export's second part held ${read} of ${lengths[k]} bytes of a chunk; no file was written.`);
    writeSync(fd, buffer, 0, read);
  }
  return total;
}
