// Sync speed (issue 13): a first sync of the revenue source (seed 001: payees, products,
// revenues) and of the consumption source (seed 003) from the fake servers over loopback,
// against importing the same rows from CSV files; then an incremental sync of --changes
// changed revenues, and a sync with nothing changed.
//   npx tsx bench/sync.ts [--revenues 1000000] [--consumption N (revenues / 10)] [--changes 1000]
// The fake servers run in a child process (bench/sync-fake-servers.ts): the CPU time printed
// is this process's, the client's, all its threads (a first sync of the revenue source pages
// on a worker thread while the main thread writes; the CSV import may read its file on one
// too). Prints figures only; wall clock beside CPU time and the load average.
// CLOSEBOOK_SYNC_STREAM=0 measures the first sync as it was (every page read, then written).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessCore } from '../src/main/core/in-process';
import type { CoreHost } from '../src/main/core/host';
import { openWorkspace } from '../src/main/db/workspace';
import { MemoryKeyStore, setSyncKeyStore } from '../src/main/sync/key-store';
import { threadPullsStarted } from '../src/main/sync/sources/allocora-thread';
import type { SyncRun } from '../src/shared/contract/sync';
import { discardRevenuePages } from './discard-pages';
import { numberArg, nextMessage } from './bench-args';

const REVENUES = numberArg('--revenues', 1_000_000);
const CONSUMPTION = numberArg('--consumption', Math.round(REVENUES / 10));
const CHANGES = numberArg('--changes', 1000);
const ORG = 'bench-sync';
const MONTHS = ['2026-10', '2026-11'];
const LOCAL = { name: 'bench', permissions: 'all' as const };
const dir = mkdtempSync(join(tmpdir(), 'closebook-bench-sync-'));

async function call<T>(core: CoreHost, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input, LOCAL).result;
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  // maxRSS: the process's peak so far (KiB).
  console.log(
    `${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(7)} s wall  ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} s CPU  load ${loadavg()[0].toFixed(2)}  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
  return { value, ms };
}

function workspace(name: string) {
  const ws = openWorkspace(join(dir, `${name}.closebook`));
  const now = '2026-10-01T00:00:00Z';
  ws.db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Bench Sync', now);
  for (const month of MONTHS) ws.db.prepare("INSERT INTO periods VALUES (?, ?, 'in_progress', NULL)").run(ORG, month);
  return { ws, core: inProcessCore(ws) };
}

interface Servers {
  allocora: string;
  arrow: string;
  key: string;
  files: Record<'payees' | 'products' | 'revenues' | 'consumption', string>;
}

async function main() {
  console.log(`bench:sync — ${REVENUES.toLocaleString()} revenues, ${CONSUMPTION.toLocaleString()} consumption records, ${CHANGES.toLocaleString()} changes; ${new Date().toISOString()}`);
  const keys = new MemoryKeyStore();
  setSyncKeyStore(keys);
  const child = fork(join(import.meta.dirname, 'sync-fake-servers.ts'), [String(REVENUES), String(CONSUMPTION), dir], { execArgv: ['--import', 'tsx'] });
  const { value: servers } = await timed("generate the fake servers' data and CSV files (not sync)", () => nextMessage<Servers>(child, 'ready'));
  await timed('fake server alone: every revenue page to a client that discards it', () => discardRevenuePages(servers.allocora, servers.key, REVENUES));
  const a = workspace('synced');
  await call(a.core, 'sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl: servers.allocora });
  await call(a.core, 'sync.saveConnection', { orgId: ORG, source: 'consumption', baseUrl: servers.arrow });
  keys.set(ORG, 'revenue', servers.key);
  keys.set(ORG, 'consumption', servers.key);
  const run = async (source: string) => (await call<{ runs: SyncRun[] }>(a.core, 'sync.run', { orgId: ORG, sources: [source] })).runs[0];
  const first = await timed('first sync: revenue source (payees, products, revenues)', () => run('revenue'));
  const firstConsumption = await timed('first sync: consumption source', () => run('consumption'));
  for (const r of [first.value, firstConsumption.value]) if (r.status !== 'committed') throw new Error(`${r.source}: ${r.status} ${r.message}`);
  console.log(`(the first sync's pages read on a worker thread: ${threadPullsStarted() > 0 ? 'yes' : 'no'})`);

  const changed = nextMessage(child, 'changed');
  child.send({ change: CHANGES });
  await changed;
  const incremental = await timed(`incremental sync: ${CHANGES} changed revenues`, () => run('revenue'));
  if (incremental.value.counts.updated !== CHANGES) throw new Error(`expected ${CHANGES} updated, got ${JSON.stringify(incremental.value.counts)}`);
  await timed('sync with nothing changed: revenue source', () => run('revenue'));
  await timed('sync with nothing changed: consumption source', () => run('consumption'));

  // The same rows from CSV files, into a fresh workspace.
  const b = workspace('imported');
  const { files } = servers;
  const imported = await timed('CSV import: payees, products, revenues (same rows)', async () => {
    for (const entity of ['payees', 'products', 'revenues'] as const) {
      const res = await call<{ counts: { created: number; error: number } }>(b.core, 'imports.commit', { orgId: ORG, entity, path: files[entity], operation: 'create_only', onError: 'reject' });
      if (res.counts.error > 0) throw new Error(`${entity}: ${JSON.stringify(res.counts)}`);
    }
  });
  const importedConsumption = await timed('CSV import: consumption (same rows)', () =>
    call(b.core, 'imports.commit', { orgId: ORG, entity: 'consumption', path: files.consumption, operation: 'create_or_update', onError: 'reject' }),
  );
  console.log(`first sync / CSV import: revenue source ${(first.ms / imported.ms).toFixed(2)}x, consumption ${(firstConsumption.ms / importedConsumption.ms).toFixed(2)}x (goal: at most 1.5x)`);
  console.log(`incremental sync of ${CHANGES} changes: ${(incremental.ms / 1000).toFixed(2)} s (goal: under 2 s)`);
  console.log(`RSS at the end ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (a pull holds a source's records until they are written)`);

  a.ws.close();
  b.ws.close();
  child.send({ stop: true });
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  rmSync(dir, { recursive: true, force: true });
  console.error(error);
  process.exit(1);
});
