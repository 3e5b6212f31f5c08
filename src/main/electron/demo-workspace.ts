import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** What the demo worker (demo-worker.ts) posts back. */
export type DemoWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/** Generates a demo workspace at `path`, reporting progress. */
export type DemoRunner = (path: string, onProgress: (done: number, total: number) => void) => Promise<void>;

/**
 * The generator writes some 200,000 rows synchronously: on the main thread that would
 * freeze the window for seconds, so it runs on a worker thread of its own
 * (out/main/demo-worker.js, built from demo-worker.ts).
 */
export function demoWorkerRunner(workerPath: string): DemoRunner {
  return (path, onProgress) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerPath, { workerData: { path } });
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
      worker.on('message', (message: DemoWorkerMessage) => {
        if (message.type === 'progress') onProgress(message.done, message.total);
        else if (message.type === 'done') settle();
        else settle(new Error(message.message));
      });
      worker.on('error', (error) => settle(error));
      // Exiting before 'done' (a crash, a process.exit) is a failure, whatever the code.
      worker.on('exit', (code) => settle(new Error(`The demo generator stopped before finishing (exit code ${code})`)));
    });
}

/**
 * Makes sure the demo workspace exists at `path`. It is generated in a folder of its own
 * and moved into place at the end, so an interrupted generation never leaves a half-made
 * demo that later launches would open.
 */
export async function ensureDemoWorkspace(path: string, run: DemoRunner, onProgress: (done: number, total: number) => void = () => {}): Promise<void> {
  if (existsSync(path)) return;
  const staging = join(dirname(path), '.demo-in-progress');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const staged = join(staging, basename(path));
  try {
    await run(staged, onProgress);
    renameSync(staged, path);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
