// The fake seed 002 server of bench/sync-tasks.ts, in a process of its own so the CPU time
// printed is the syncing client's alone. Messages: { add: n } creates n tasks, { finish: n }
// ends n of the running ones (Completed); each answers { done: true }.
//   forked by bench/sync-tasks.ts with: <tasks>
import { startFakeTasks } from '../test/support/fake-report-tasks';

const count = Number(process.argv[2]);

async function main() {
  const server = await startFakeTasks(count);
  // One task left running, so each later run reads again from it (the worst case of the cursor).
  const running = server.add({ status: 'InProgress' });
  process.send!({ ready: true, baseUrl: server.baseUrl, key: server.key });
  process.on('message', (message: { add?: number; finish?: boolean; stop?: boolean }) => {
    if (message.add) for (let i = 0; i < message.add; i++) server.add();
    if (message.finish) server.change(running.uuid, { status: 'Completed' });
    if (message.stop) void server.close().then(() => process.exit(0));
    process.send!({ done: true });
  });
}

void main();
