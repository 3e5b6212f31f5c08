// Sync speed of the statements (seed 004) and allocation reports (seed 000) sources (issue 13):
// --statements statements (pages of 100, detail serializer) and a year of --reports report
// types (--rows rows a month) from fake servers over loopback; then the re-runs: nothing
// changed, a new cycle with the previous one's total changed, and the full re-check
// (sync.run full: true: every page / month read again) beside its floor.
//   npx tsx bench/statements-reports-sync.ts [--statements 12000] [--reports 6] [--rows 500]
// The fake servers run in a child process: the CPU time printed is this process's (the
// client's). Beside each first sync, its floor measured just before it: every page of the
// same answers fetched and parsed, nothing checked nor stored. Prints figures only; wall
// clock beside CPU time and the load average.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { MemoryKeyStore, setSyncKeyStore } from '../src/main/sync/key-store';
import type { SyncRun, SyncSource } from '../src/shared/contract/sync';
import { numberArg, nextMessage } from './bench-args';

const STATEMENTS = numberArg('--statements', 12_000);
const REPORTS = numberArg('--reports', 6);
const ROWS = numberArg('--rows', 500);
const ORG = 'bench-sync-statements';
const LOCAL = { name: 'bench', permissions: 'all' as const };
const dir = mkdtempSync(join(tmpdir(), 'closebook-bench-sync-statements-'));

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
function line(label: string, ms: number, cpu: NodeJS.CpuUsage, rest: string): void {
  console.log(`${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(6)} s wall ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(6)} s CPU  load ${load()}  ${rest}`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpu: NodeJS.CpuUsage }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start, cpu: process.cpuUsage(cpu) };
}

async function getJson(url: string, key: string, scheme = 'Token'): Promise<unknown> {
  const response = await fetch(url, { headers: { Authorization: `${scheme} ${key}`, Accept: 'application/json' } });
  return JSON.parse(await response.text());
}

/** The floor of the statements source: every detail page fetched and parsed. */
async function readStatementPages(listUrl: string, key: string): Promise<number> {
  let read = 0;
  for (let page = 1; ; page++) {
    const body = (await getJson(`${listUrl}/detail/?page_size=100&page_number=${page}`, key)) as { results: unknown[]; next: number | null };
    read += body.results.length;
    if (body.next === null) return read;
  }
}

/** The floor of the reports source: the catalog, each type's periods, each month fetched and parsed. */
async function readReportMonths(root: string, key: string): Promise<number> {
  const base = `${root}/allocation-reports`;
  const { reports } = (await getJson(base, key, 'Bearer')) as { reports: Array<{ report_type: string }> };
  let months = 0;
  for (const { report_type: type } of reports) {
    const { periods } = (await getJson(`${base}/${type}/periods`, key, 'Bearer')) as { periods: Array<{ year: number; month: number }> };
    for (const p of periods) {
      await getJson(`${base}/${type}?year=${p.year}&month=${p.month}`, key, 'Bearer');
      months++;
    }
  }
  return months;
}

async function main() {
  console.log(`bench:sync-statements — ${STATEMENTS.toLocaleString()} statements; ${REPORTS} report types x 12 months x ${ROWS} rows; ${new Date().toISOString()}`);
  const child = fork(join(import.meta.dirname, 'statements-reports-server.ts'), [String(STATEMENTS), String(REPORTS), String(ROWS)], { execArgv: ['--import', 'tsx'] });
  // A failed run must not leave the server process behind.
  process.once('exit', () => child.kill());
  const server = await nextMessage<{ statementsUrl: string; reportsUrl: string; key: string }>(child, 'ready');
  const ws = openWorkspace(join(dir, 'statements.closebook'));
  ws.db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Bench Sync Statements', '2026-10-01T00:00:00Z');
  const core = inProcessCore(ws);
  const keys = new MemoryKeyStore();
  setSyncKeyStore(keys);
  for (const source of ['statements', 'reports'] as const) keys.set(ORG, source, server.key);
  await core.call('sync.saveConnection', { orgId: ORG, source: 'statements', baseUrl: server.statementsUrl }, LOCAL).result;
  await core.call('sync.saveConnection', { orgId: ORG, source: 'reports', baseUrl: server.reportsUrl }, LOCAL).result;

  async function run(source: SyncSource, label: string, full = false): Promise<number> {
    const { value: result, ms, cpu } = await timed(() => core.call('sync.run', { orgId: ORG, sources: [source], ...(full ? { full } : {}) }, LOCAL).result);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const r = (result.value as { runs: SyncRun[] }).runs[0]!;
    if (r.status === 'failed') throw new Error(r.message ?? 'failed');
    const c = r.counts;
    line(label, ms, cpu, `${r.status}: fetched ${c.fetched}, created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`);
    return ms;
  }
  const tell = async (message: object) => {
    child.send(message);
    await nextMessage(child, 'done');
  };

  const floorS = await timed(() => readStatementPages(server.statementsUrl, server.key));
  line(`floor: fetch + parse every statement page`, floorS.ms, floorS.cpu, `${floorS.value} statements`);
  const firstS = await run('statements', `first sync, ${STATEMENTS.toLocaleString()} statements`);
  console.log(`  first sync / floor: ${(firstS / floorS.ms).toFixed(2)}x wall`);
  await run('statements', 'nothing changed');
  await tell({ nextCycle: true });
  await run('statements', 'a new cycle, the previous one changed');
  // The full re-check reads every page again: measured right after its floor, back to back.
  const floorS2 = await timed(() => readStatementPages(server.statementsUrl, server.key));
  line(`floor again: fetch + parse every statement page`, floorS2.ms, floorS2.cpu, `${floorS2.value} statements`);
  const fullS = await run('statements', 'full re-check, nothing changed (every page)', true);
  console.log(`  full re-check / floor: ${(fullS / floorS2.ms).toFixed(2)}x wall`);

  const floorR = await timed(() => readReportMonths(server.reportsUrl, server.key));
  line(`floor: fetch + parse the catalog, periods, months`, floorR.ms, floorR.cpu, `${floorR.value} report months`);
  const firstR = await run('reports', `first sync, ${REPORTS} reports x 12 months`);
  console.log(`  first sync / floor: ${(firstR / floorR.ms).toFixed(2)}x wall`);
  await run('reports', 'nothing changed (in-progress months read again)');
  const floorR2 = await timed(() => readReportMonths(server.reportsUrl, server.key));
  line(`floor again: fetch + parse the catalog, periods, months`, floorR2.ms, floorR2.cpu, `${floorR2.value} report months`);
  const fullR = await run('reports', 'full re-check, nothing changed (every month)', true);
  console.log(`  full re-check / floor: ${(fullR / floorR2.ms).toFixed(2)}x wall`);

  await tell({ stop: true });
  ws.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
