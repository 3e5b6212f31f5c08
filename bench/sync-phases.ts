// Where a first sync of the revenue source (seed 001) spends its time, phase by phase, at
// --revenues N (default 1,000,000) from the fake server in a child process over loopback:
//   1. the server alone: every revenue page to a client that discards it;
//   2. the pull: every page fetched, JSON.parse'd, each record checked and hashed (allocora.pull);
//   3. the store, in one transaction: the import writers (revenue inserts, deferred index
//      rebuild), the links (sync_links, in bulk) and the local-hash stamp after the writes;
//   4. COMMIT.
//   5. the same first sync as sync.run makes it (first-sync.ts): pages written as they are
//      read, the paging on a worker thread; the wall time this thread spends in the writers,
//      the links and the stamp (CPU time is the process's, both threads, so not this
//      thread's alone; the stamp comes after the last page, so its CPU is this thread's).
//   npx tsx bench/sync-phases.ts [--revenues 1000000]
// Prints wall clock beside this process's CPU time, the load average and the peak RSS.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/db/workspace';
import { LinkKeeper } from '../src/main/sync/detect-conflicts';
import { EntityWrite } from '../src/main/sync/entity-write';
import { runFirstSyncStreamed } from '../src/main/sync/first-sync';
import { threadPullsStarted } from '../src/main/sync/sources/allocora-thread';
import { insertRun, NO_COUNTS } from '../src/main/sync/history';
import { allocora } from '../src/main/sync/sources/allocora';
import { storePull } from '../src/main/sync/store-pull';
import { discardRevenuePages } from './discard-pages';
import { numberArg } from './bench-args';

const REVENUES = numberArg('--revenues', 1_000_000);
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

/** Wall and CPU time inside LinkKeeper's flush() (the links, 200 to an INSERT) and finish() (the stamp, its last flush left out). */
const inLinks = { flush: { ms: 0, cpu: 0 }, finish: { ms: 0, cpu: 0 } };
let inFlush = false;
for (const name of ['flush', 'finish'] as const) {
  const proto = LinkKeeper.prototype as unknown as Record<string, (...args: unknown[]) => void>;
  const original = proto[name];
  proto[name] = function (this: LinkKeeper, ...args: unknown[]) {
    const nested = name === 'flush' && inFlush;
    const cpu = process.cpuUsage();
    const start = performance.now();
    if (name === 'flush') inFlush = true;
    try {
      return original.apply(this, args);
    } finally {
      if (name === 'flush') inFlush = false;
      const ms = performance.now() - start;
      const used = cpuSeconds(process.cpuUsage(cpu));
      if (!nested) {
        inLinks[name].ms += ms;
        inLinks[name].cpu += used;
        // finish() begins with the last flush: counted once, as links.
        if (name === 'flush' && finishing) {
          inLinks.finish.ms -= ms;
          inLinks.finish.cpu -= used;
        }
      }
    }
  };
}
/** Wall and CPU time in EntityWrite.add / finish (the import writers, the links they flush included). */
const inWrites = { ms: 0, cpu: 0 };
for (const name of ['add', 'finish'] as const) {
  const proto = EntityWrite.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = proto[name];
  proto[name] = function (this: EntityWrite, ...args: unknown[]) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      inWrites.ms += performance.now() - start;
      inWrites.cpu += cpuSeconds(process.cpuUsage(cpu));
    }
  };
}
const zero = () => {
  for (const t of [inLinks.flush, inLinks.finish, inWrites]) {
    t.ms = 0;
    t.cpu = 0;
  }
};

let finishing = false;
const originalFinish = LinkKeeper.prototype.finish;
LinkKeeper.prototype.finish = function (this: LinkKeeper) {
  finishing = true;
  try {
    return originalFinish.apply(this);
  } finally {
    finishing = false;
  }
};

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
  const { flush, finish } = inLinks;
  line('   a. import writers (inserts, index rebuild), outcomes', storeMs - flush.ms - finish.ms, storeCpu - flush.cpu - finish.cpu);
  line('   b. links: sync_links rows with the server hash', flush.ms, flush.cpu);
  line('   c. stamp: the local hash of every written row', finish.ms, finish.cpu);
  await timed('4. COMMIT', () => db.exec('COMMIT'));
  console.log(`stored: ${JSON.stringify(stored.counts)}`);
  ws.close();

  const streamedWs = openWorkspace(join(dir, 'streamed.closebook'));
  const sdb = streamedWs.db;
  sdb.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Bench Sync', '2026-10-01T00:00:00Z');
  for (const month of ['2026-10', '2026-11']) sdb.prepare("INSERT INTO periods VALUES (?, ?, 'in_progress', NULL)").run(ORG, month);
  zero();
  const threads = threadPullsStarted();
  const begin = (d: typeof sdb) => d.exec('BEGIN IMMEDIATE');
  const streamed = await timed('5. streamed first sync, the paging on a worker thread (both threads)', () =>
    runFirstSyncStreamed(sdb, { orgId: ORG, source: 'revenue', label: allocora.label, baseUrl: servers.allocora, key: servers.key, cursors: {}, startedAt: new Date().toISOString() }, { page: () => {}, cancelled: () => false }, begin),
  );
  line('   this thread in the import writers (wall)', inWrites.ms - inLinks.flush.ms, inWrites.cpu - inLinks.flush.cpu);
  line('   this thread in the links (wall)', inLinks.flush.ms, inLinks.flush.cpu);
  line('   this thread in the stamp, after the writes (wall)', inLinks.finish.ms, inLinks.finish.cpu);
  console.log(`streamed: ${JSON.stringify(streamed?.counts)}, pull threads started: ${threadPullsStarted() - threads}`);
  streamedWs.close();
  child.send({ stop: true });
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  rmSync(dir, { recursive: true, force: true });
  console.error(error);
  process.exit(1);
});
