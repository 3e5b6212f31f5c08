// Where a first sync of the revenue source (seed 001) spends its time, phase by phase, at
// --revenues N (default 1,000,000) from the fake server in a child process over loopback:
//   1. the server alone: every revenue page to a client that discards it;
//   2. the pull: every page fetched, JSON.parse'd, each record checked and hashed (allocora.pull);
//   3. the store, in one transaction: the import writers (revenue inserts, deferred index
//      rebuild), the links (sync_links, in bulk) and the local-hash stamp after the writes;
//   4. COMMIT.
//   npx tsx bench/sync-phases.ts [--revenues 1000000]
// Prints wall clock beside this process's CPU time, the load average and the peak RSS.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/db/workspace';
import { LinkKeeper } from '../src/main/sync/detect-conflicts';
import { insertRun, NO_COUNTS } from '../src/main/sync/history';
import { allocora } from '../src/main/sync/sources/allocora';
import { storePull } from '../src/main/sync/store-pull';
import { discardRevenuePages } from './discard-pages';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const REVENUES = arg('--revenues', 1_000_000);
const ORG = 'bench-sync';
const dir = mkdtempSync(join(tmpdir(), 'closebook-bench-sync-phases-'));

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
function line(label: string, wallMs: number, cpu: number) {
  console.log(
    `${label.padEnd(62)} ${(wallMs / 1000).toFixed(2).padStart(7)} s wall  ${cpu.toFixed(2).padStart(6)} s CPU  load ${loadavg()[0].toFixed(2)}  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}
async function timed<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  line(label, performance.now() - start, cpuSeconds(process.cpuUsage(cpu)));
  return value;
}

/** Time spent inside LinkKeeper's link() and finish() (synchronous: wall is CPU here). */
const inLinks = { link: 0, finish: 0 };
for (const name of ['link', 'finish'] as const) {
  const original = LinkKeeper.prototype[name] as (...args: unknown[]) => void;
  (LinkKeeper.prototype as unknown as Record<string, unknown>)[name] = function (this: LinkKeeper, ...args: unknown[]) {
    const start = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      inLinks[name] += performance.now() - start;
    }
  };
}

async function main() {
  console.log(`bench:sync-phases — ${REVENUES.toLocaleString()} revenues; ${new Date().toISOString()}`);
  const child = fork(join(import.meta.dirname, 'sync-fake-servers.ts'), [String(REVENUES), '0', dir], { execArgv: ['--import', 'tsx'] });
  const servers = await new Promise<{ allocora: string; key: string }>((resolve) => child.on('message', (m: { ready?: boolean; allocora: string; key: string }) => m.ready && resolve(m)));
  await timed('1. server alone: every revenue page, body discarded', () => discardRevenuePages(servers.allocora, servers.key, REVENUES));
  const pull = await timed('2. pull: fetch, JSON.parse, check and hash every record', () => allocora.pull(servers.allocora, servers.key, {}));

  const ws = openWorkspace(join(dir, 'phases.closebook'));
  const db = ws.db;
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Bench Sync', '2026-10-01T00:00:00Z');
  for (const month of ['2026-10', '2026-11']) db.prepare("INSERT INTO periods VALUES (?, ?, 'in_progress', NULL)").run(ORG, month);
  const startedAt = new Date().toISOString();
  db.exec('BEGIN IMMEDIATE');
  const runId = insertRun(db, { orgId: ORG, source: 'revenue', status: 'committed', startedAt, counts: NO_COUNTS, batches: {}, message: null });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const stored = storePull(db, ORG, 'revenue', allocora.label, pull, runId, startedAt);
  const storeMs = performance.now() - start;
  const storeCpu = cpuSeconds(process.cpuUsage(cpu));
  line('3. store, in one transaction (a + b + c)', storeMs, storeCpu);
  line('   a. import writers (inserts, index rebuild), outcomes', storeMs - inLinks.link - inLinks.finish, storeCpu - (inLinks.link + inLinks.finish) / 1000);
  line('   b. links: sync_links rows with the server hash', inLinks.link, inLinks.link / 1000);
  line('   c. stamp: the local hash of every written row', inLinks.finish, inLinks.finish / 1000);
  await timed('4. COMMIT', () => db.exec('COMMIT'));
  console.log(`stored: ${JSON.stringify(stored.counts)}`);
  ws.close();
  child.send({ stop: true });
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  rmSync(dir, { recursive: true, force: true });
  console.error(error);
  process.exit(1);
});
