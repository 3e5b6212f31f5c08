import { parentPort, workerData } from 'node:worker_threads';
import { createDemoWorkspace } from '../demo/create';
import type { DemoWorkerMessage } from './demo-workspace';

// Worker-thread entry (out/main/demo-worker.js): generates the first-launch demo
// workspace off the main thread. See demoWorkerRunner() in demo-workspace.ts.

const port = parentPort!;
const send = (message: DemoWorkerMessage) => port.postMessage(message);
const { path } = workerData as { path: string };

try {
  createDemoWorkspace(path, { onProgress: (done, total) => send({ type: 'progress', done, total }) });
  send({ type: 'done' });
} catch (error) {
  send({ type: 'failed', message: (error as Error).message });
}
