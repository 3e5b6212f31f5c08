// Sync speed of the tasks source (seed 002, issue 13): a first sync of --tasks tasks (pages of
// 100 by limit / offset) from a fake server over loopback, then --new new tasks while one task
// stays InProgress (so the run reads again from it), then that task ending, then nothing new.
//   npx tsx bench/sync-tasks.ts [--tasks 20000] [--new 1000]
// The fake server runs in a child process: the CPU time printed is this process's (the
// client's). Prints figures only; wall clock beside CPU time and the load average.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { MemoryKeyStore, setSyncKeyStore } from '../src/main/sync/key-store';
import type { SyncRun } from '../src/shared/contract/sync';
import { numberArg, nextMessage } from './bench-args';

const TASKS = numberArg('--tasks', 20_000);
const NEW = numberArg('--new', 1000);
const ORG = 'bench-sync-tasks';
const LOCAL = { name: 'bench', permissions: 'all' as const };
const dir = mkdtempSync(join(tmpdir(), 'closebook-bench-sync-tasks-'));

async function main() {
  console.log(`bench:sync-tasks — ${TASKS.toLocaleString()} tasks, then ${NEW.toLocaleString()} new; ${new Date().toISOString()}`);
  const child = fork(join(import.meta.dirname, 'sync-tasks-server.ts'), [String(TASKS)], { execArgv: ['--import', 'tsx'] });
  const server = await nextMessage<{ baseUrl: string; key: string }>(child, 'ready');
  const ws = openWorkspace(join(dir, 'tasks.closebook'));
  ws.db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Bench Sync Tasks', '2026-10-01T00:00:00Z');
  const core = inProcessCore(ws);
  const keys = new MemoryKeyStore();
  setSyncKeyStore(keys);
  keys.set(ORG, 'tasks', server.key);
  await core.call('sync.saveConnection', { orgId: ORG, source: 'tasks', baseUrl: server.baseUrl }, LOCAL).result;

  async function run(label: string, full = false): Promise<void> {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await core.call('sync.run', { orgId: ORG, sources: ['tasks'], ...(full ? { full } : {}) }, LOCAL).result;
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const r = (result.value as { runs: SyncRun[] }).runs[0];
    if (r.status === 'failed') throw new Error(r.message ?? 'failed');
    const c = r.counts;
    console.log(
      `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s wall ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s CPU  load ${loadavg().map((l) => l.toFixed(2)).join(' ')}  ` +
        `${r.status}: fetched ${c.fetched}, created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`,
    );
  }
  const tell = async (message: object) => {
    child.send(message);
    await nextMessage(child, 'done');
  };

  await run(`first sync (${(TASKS + 1).toLocaleString()} tasks)`);
  await tell({ add: NEW });
  await run(`incremental (${NEW.toLocaleString()} new, 1 still running)`);
  await tell({ finish: true });
  await run('the running task ended (1 updated)');
  await run('nothing new');
  // sync.run full: true lists every task again (a finished one deleted on the server shows only so).
  await run('full re-check, nothing changed (every task)', true);
  await tell({ stop: true });
  ws.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
