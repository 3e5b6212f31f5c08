import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiFailure } from '../../api/failure';
import { fromWireError, type FromLinesWorker, type LinesWorkerData } from './wire';

/** Workers running now, and started so far, for tests: none may be left after an export. */
let running = 0;
let started = 0;
export const runningLinesWorkers = () => running;
export const linesWorkersStarted = () => started;

/** Where the worker's code is: beside the bundle (or one folder up, from a shared chunk) when built, else the tsx entry. */
function workerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..'), join(here, '..', '..')]) {
    const bundled = join(dir, 'export-lines-worker.js');
    if (existsSync(bundled)) return bundled;
  }
  return join(here, 'worker-entry.mjs');
}

// Its heap holds one chunk of lines at a time (under a megabyte) and the SQL around it.
const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };

export type LinesWorkerResult = Extract<FromLinesWorker, { type: 'done' }>;

export interface LinesWorkerRun {
  /** The worker's part is in the file: its rows and bytes, and whether the workspace changed while it read. */
  finished: Promise<LinesWorkerResult>;
  /** Stop the worker if it still runs and wait for it to be gone. */
  close(): Promise<void>;
}

export function startLinesWorker(data: LinesWorkerData): LinesWorkerRun {
  const worker = new Worker(workerPath(), { workerData: data, resourceLimits: WORKER_HEAP });
  running++;
  started++;
  let exited = false;
  let settled = false;
  let resolveFinished!: (value: LinesWorkerResult) => void;
  let rejectFinished!: (error: Error) => void;
  const finished = new Promise<LinesWorkerResult>((resolve, reject) => {
    resolveFinished = resolve;
    rejectFinished = reject;
  });
  // Not awaited until the exporting thread has written its own part: a failure meanwhile must not count as unhandled.
  finished.catch(() => undefined);
  const settle = (outcome: () => void) => {
    if (settled) return;
    settled = true;
    outcome();
  };
  worker.on('message', (message: FromLinesWorker) =>
    settle(() => (message.type === 'done' ? resolveFinished(message) : rejectFinished(fromWireError(message.error)))),
  );
  worker.on('error', (error) => settle(() => rejectFinished(stopped(`with an error: ${error.message}`))));
  const ended = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      exited = true;
      running--;
      settle(() => rejectFinished(stopped(`before its part was written (exit code ${code})`)));
      resolve();
    }),
  );
  return {
    finished,
    async close() {
      if (!exited) await worker.terminate();
      await ended;
    },
  };
}

function stopped(how: string): ApiFailure {
  return new ApiFailure('internal_error', 'export_worker_stopped', `The export's second thread stopped ${how}; no file was written. Try the export again.`);
}
