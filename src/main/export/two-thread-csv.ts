import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { ApiFailure } from '../api/failure';
import type { CancelSignal } from '../api/context';
import type { Database } from '../db/driver';
import { writeState } from '../db/write-state';
import { writeFileAtomicallyAsync } from './atomic-file';
import { textCell, type CsvWriteResult } from './csv-file';
import { startLinesWorker } from './lines-worker/start';
import type { LinesJob } from './lines-worker/wire';
import { lineChunks } from './sql-lines';

/**
 * When a big export builds its lines on two threads. minRows: smaller exports stay on one
 * (a thread and a second read of the keys cost more than they save). An object so tests
 * can force the two-thread path on a small workspace, write between the parts, or make the
 * worker fail.
 */
export const TWO_THREAD_EXPORT: { minRows: number; beforeWorker?: () => void; failAfterChunks?: number } = { minRows: minRowsFromEnvironment() ?? 200_000 };

/** CLOSEBOOK_EXPORT_TWO_THREAD_MIN_ROWS: the benchmark times the one-thread export of the same rows with it. */
function minRowsFromEnvironment(): number | null {
  const text = process.env.CLOSEBOOK_EXPORT_TWO_THREAD_MIN_ROWS;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
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
 * Write a CSV file whose first half of lines this thread builds while a worker builds the
 * second half (the same job on its own read-only connection) into a temporary file beside
 * it, appended at the end. The file is written atomically; the temporary file and the
 * worker are gone when this returns or throws. Throws WorkspaceChangedDuringExport when a
 * write landed between the two reads.
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
  const half = Math.ceil(lines.count / 2);
  return writeFileAtomicallyAsync(path, async (fd) => {
    const tempPath = `${path}.partial-2`;
    const tempFd = openSync(tempPath, 'w+', 0o600);
    const progress = new SharedArrayBuffer(4);
    const theirs = new Int32Array(progress);
    let run: ReturnType<typeof startLinesWorker> | null = null;
    try {
      TWO_THREAD_EXPORT.beforeWorker?.();
      run = startLinesWorker({ database: db.name, job, skip: half, fd: tempFd, progress, failAfterChunks: TWO_THREAD_EXPORT.failAfterChunks });
      let mine = 0;
      let reported = 0;
      // Progress counts both threads' rows, in steps of `every`, as the one-thread export does.
      const report = () => {
        const total = mine + Atomics.load(theirs, 0);
        const step = total - (total % every);
        if (step > reported) {
          reported = step;
          options.onProgress?.(step);
        }
      };
      let bytes = writeSync(fd, (options.bom ? '\uFEFF' : '') + header.map(textCell).join(',') + '\r\n');
      for (const chunk of lineChunks(db, lines.lineSql, half)) {
        bytes += typeof chunk.text === 'string' ? writeSync(fd, chunk.text) : writeSync(fd, chunk.text);
        const before = mine;
        mine += chunk.rows;
        if (Math.floor(mine / every) > Math.floor(before / every)) {
          if (options.signal?.aborted) throw cancelled();
          report();
        }
      }
      lines.endRead();
      const result = await finishedOrCancelled(run.finished, options.signal, report);
      // Both reads saw the same rows only if nothing was written from this thread's read to now.
      if (result.changed || result.rows !== lines.count - half || writeState(db) !== lines.stateRead) throw new WorkspaceChangedDuringExport();
      bytes += appendFile(fd, tempFd, result.bytes);
      report();
      return { path, rowCount: lines.count, bytes };
    } finally {
      await run?.close();
      closeSync(tempFd);
      rmSync(tempPath, { force: true });
    }
  });
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

/** Copies `length` bytes of the worker's file after this thread's part, 4 MiB at a time. */
function appendFile(fd: number, from: number, length: number): number {
  const buffer = Buffer.allocUnsafe(Math.min(length, 4 << 20) || 1);
  let position = 0;
  while (position < length) {
    const read = readSync(from, buffer, 0, Math.min(buffer.length, length - position), position);
    if (read === 0) throw new ApiFailure('internal_error', 'export_part_short', `The export's second part ended after ${position} of ${length} bytes; no file was written.`);
    writeSync(fd, buffer, 0, read);
    position += read;
  }
  return length;
}
