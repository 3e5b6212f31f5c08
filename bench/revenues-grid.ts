// Revenues grid benchmark: demo creation, grid pages through the API (in process and
// over HTTP), and CSV export against the sqlite3 CLI. Prints figures; asserts nothing.
//   node --import tsx bench/revenues-grid.ts [--revenues N] [--seed N] [--requests N] [--fresh]
//        [--skip-export] [--export-only] [--export-runs N] [--export-row-by-row]
//        [--extra-index "CREATE INDEX ..."]... [--query-variants] [--every-view]
// The workspace lives in bench/.data/ and is reused while its parameters match
// (--fresh makes it again). --export-only skips the grid pages; --export-runs N repeats the
// export and sqlite3 back to back (default 2); --export-row-by-row also runs the writer as it
// was before SQLite built the lines, and checks the two files are the same bytes.
// --extra-index times the grid views again on a copy of the workspace with those indexes added; --query-variants times the SQL of revenues.list
// against a proposed rewrite (see list-query-variants.ts), on the workspace and the copy.
import { copyFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Org } from '../src/shared/contract/orgs';
import { REVENUE_COLUMNS } from '../src/shared/contract/revenues';
import { addMonths } from '../src/shared/period';
import { openDatabase } from '../src/main/db/driver';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { BENCH_DATA_DIR, ensureBenchWorkspace } from './bench-workspace';
import { SQLITE3_INSTALL_HINT, exportThroughApi, exportThroughSqlite3, sqlite3Version } from './csv-export-compare';
import { PAGE_ROWS, benchViews, everyView, pageOffsets, type GridView } from './grid-views';
import { sameRowsAsCurrent, timeListVariant, type ListVariant } from './list-query-variants';
import { P95_TARGET_MS, callOk, timeGridViews } from './time-grid-views';

/** A fixed end month, so figures from different days compare and the workspace is reused. */
const END_PERIOD = '2026-10';
const EXPORT_ROWS = 1_000_000;

const { values } = parseArgs({
  options: {
    revenues: { type: 'string', default: '2000000' },
    seed: { type: 'string', default: '1' },
    requests: { type: 'string', default: '50' },
    fresh: { type: 'boolean', default: false },
    'skip-export': { type: 'boolean', default: false },
    'export-only': { type: 'boolean', default: false },
    'export-runs': { type: 'string', default: '2' },
    'export-row-by-row': { type: 'boolean', default: false },
    'extra-index': { type: 'string', multiple: true, default: [] },
    'query-variants': { type: 'boolean', default: false },
    'every-view': { type: 'boolean', default: false },
  },
});
const revenues = wholeNumber('--revenues', values.revenues);
const seed = wholeNumber('--seed', values.seed);
const requests = Math.max(1, wholeNumber('--requests', values.requests));
const log = (line = '') => process.stdout.write(line + '\n');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${flag} must be a whole number, got "${text}"`);
  return Number(text);
}

const sqlite3 = sqlite3Version();
log(`Closebook revenues grid benchmark: node ${process.version}, ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}; load average ${load()}`);
if (!sqlite3) log(`NOTE: ${SQLITE3_INSTALL_HINT}`);

// (a) demo creation
const bench = ensureBenchWorkspace({ revenues, seed, endPeriod: END_PERIOD, fresh: values.fresh });
const rate = Math.round((revenues / bench.createdMs) * 1000);
log(`\n(a) demo creation: ${revenues.toLocaleString('en-US')} revenues in ${(bench.createdMs / 1000).toFixed(1)} s (${rate.toLocaleString('en-US')} rows/s)${bench.reused ? ', measured by the earlier run that made this file (--fresh to remake it)' : ''}`);
log(`    ${bench.path} (${mb(statSync(bench.path).size)})`);

// The biggest org (the US arm: exactly half the rows) and the month being closed.
const setup = openWorkspace(bench.path, { create: false });
const setupCore = inProcessCore(setup);
const { orgs } = await callOk<{ orgs: Org[] }>(setupCore, 'orgs.list', {});
const counts = await Promise.all(orgs.map(async (o) => (await callOk<{ rowCount: number }>(setupCore, 'revenues.summary', { orgId: o.id })).rowCount));
const orgRows = Math.max(...counts);
const org = orgs[counts.indexOf(orgRows)];
const closing = addMonths(END_PERIOD, -1);
// A payee an accountant would look for: the org's busiest, by last name.
const busiest = setup.db
  .prepare('SELECT p.name FROM revenues r JOIN payees p ON p.id = r.payee_id WHERE r.org_id = ? AND r.period = ? GROUP BY p.id ORDER BY count(*) DESC LIMIT 1')
  .pluck()
  .get(org.id, closing) as string;
const payeeText = busiest.split(' ').at(-1)!;
const views = values['every-view'] ? everyView(org.id, closing, payeeText, REVENUE_COLUMNS) : benchViews(org.id, closing, payeeText);
await setupCore.close();

// (b) grid pages through the API
log(`\n(b) grid pages of ${PAGE_ROWS} rows through revenues.list, ${requests} requests per view (the top pages, then pages spread down to the last one)`);
log(`    org "${org.name}" (${orgRows.toLocaleString('en-US')} rows); target p95 < ${P95_TARGET_MS} ms`);
const baseline = values['export-only'] ? [] : await timeGridViews(bench.path, views, { requests, http: true, log });

// (c) CSV export
if (values['skip-export']) log('\n(c) export skipped (--skip-export)');
else await compareExports();

// (d) the same views on a copy with extra indexes
let indexedCopy: string | null = null;
if (values['extra-index'].length > 0) {
  indexedCopy = join(BENCH_DATA_DIR, 'indexed-copy.closebook');
  for (const suffix of ['', '-wal', '-shm']) rmSync(indexedCopy + suffix, { force: true });
  copyFileSync(bench.path, indexedCopy); // every connection above closed cleanly, so the WAL is in the file
  const copy = openWorkspace(indexedCopy, { create: false });
  log(`\n(d) the views again, on a copy of the workspace with:`);
  for (const sql of values['extra-index']) {
    const started = performance.now();
    copy.db.exec(sql);
    log(`    ${sql}  (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  // No ANALYZE: the app never runs it, so the planner sees the copy as it would see a migrated file.
  copy.close();
  log(`    copy: ${mb(statSync(indexedCopy).size)}`);
  const indexed = await timeGridViews(indexedCopy, views, { requests, http: false, log });
  log('\n    effect on revenues.list (in-process p95, as the code is today):');
  views.forEach((v, i) => log(`    ${v.label.padEnd(46)} ${ms(baseline[i].p95Ms)} -> ${ms(indexed[i].p95Ms)}`));
}

// (e) the list SQL as it is against the proposed rewrite
if (values['query-variants']) {
  const variants: ListVariant[] = ['current', 'proposed', 'proposed+tiebreak'];
  for (const [label, path] of [['workspace as migrated', bench.path], ['copy with the extra indexes', indexedCopy]] as const) {
    if (!path) continue;
    log(`\n(e) revenues.list SQL (page + count, no API around it), ${label}: p95 / median per variant`);
    const db = openDatabase(path, { readonly: true, fileMustExist: true });
    for (const view of views) {
      const rowCount = (await callCountOf(path, view)) ?? 0;
      const offsets = pageOffsets(rowCount, requests);
      const cells: string[] = [];
      for (const variant of variants) {
        const s = await timeListVariant(db, view, variant, offsets);
        cells.push(`${variant} ${ms(s.p95Ms)} / ${ms(s.medianMs)}`);
      }
      const same = sameRowsAsCurrent(db, view, 'proposed', offsets) ? 'same rows' : 'ROWS DIFFER';
      log(`    ${view.label.padEnd(46)} ${cells.join('   ')}   (proposed: ${same})`);
    }
    db.close();
  }
}

log(`\nload average at the end: ${load()} (other work on the machine skews the figures)`);

function ms(value: number): string {
  return `${value.toFixed(1).padStart(7)} ms`;
}

async function callCountOf(path: string, view: GridView): Promise<number | null> {
  const workspace = openWorkspace(path, { create: false });
  const core = inProcessCore(workspace);
  try {
    const input = { orgId: view.orgId, period: view.period, sortModel: view.sortModel, filterModel: view.filterModel };
    return (await callOk<{ rowCount: number }>(core, 'revenues.list', { ...input, startRow: 0, endRow: 1 })).rowCount;
  } finally {
    await core.close();
  }
}

async function compareExports() {
  const apiOut = join(BENCH_DATA_DIR, 'export-api.csv');
  const cliOut = join(BENCH_DATA_DIR, 'export-sqlite3.csv');
  const rowByRowOut = join(BENCH_DATA_DIR, 'export-row-by-row.csv');
  const oneThreadOut = join(BENCH_DATA_DIR, 'export-one-thread.csv');
  const kb = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v / 1024)} MB`);
  const s = (v: number | null) => (v === null ? 'n/a' : `${(v / 1000).toFixed(2)} s`);
  const runs = Math.max(1, wholeNumber('--export-runs', values['export-runs']));
  log(`\n(c) CSV export of org "${org.name}", all periods by date, all ${REVENUE_COLUMNS.length} columns, ${runs} time(s) back to back`);
  log('    revenues.export runs its key statement, then builds the lines of 4,096 keys at a time in SQL (functions of its own);');
  log('    sqlite3 runs the row statement with the same WHERE and ORDER BY (the exact statement the export ran when it wrote');
  log('    row by row: revenueExportQuery) and writes the CSV itself. CPU = user + system time of the call / of the sqlite3 process.');
  log('    (b) the export on two threads whatever the load (this thread takes chunks from the front, a worker from the back;');
  log('    the app does so past 200,000 rows while the load average leaves a core free); (b1) the same export on one thread.');
  log('    CPU of (b) counts both threads; "this thread" is the calling thread alone.');
  for (let run = 1; run <= runs; run++) {
    const api = await exportThroughApi(bench.path, org.id, apiOut);
    const worker = api.split.workerCpuSeconds === null ? '' : `, the worker ${s(api.split.workerCpuSeconds * 1000)}`;
    const thread = api.threadCpuMs === null ? '' : `, this thread ${s(api.threadCpuMs)}${worker}`;
    const rowsSplit = `rows: this thread ${api.split.ownRows.toLocaleString('en-US')}, the worker ${api.split.workerRows.toLocaleString('en-US')}`;
    log(`    [${run}] (b)  revenues.export  ${api.rows.toLocaleString('en-US')} rows, ${mb(api.bytes)} in ${s(api.ms)} (CPU ${s(api.cpuMs)}${thread}; whole process ${s(api.wallMs)}), peak RSS ${kb(api.peakKb)} (${kb(api.baselineKb)} before the call: Node, tsx, the open workspace); ${rowsSplit}; load average ${load()}`);
    if (api.rows !== EXPORT_ROWS) log(`    note: the view holds ${api.rows.toLocaleString('en-US')} rows, not ${EXPORT_ROWS.toLocaleString('en-US')} (--revenues 2000000 gives exactly 1M)`);
    const one = await exportThroughApi(bench.path, org.id, oneThreadOut, false, true);
    const same = readFileSync(apiOut).equals(readFileSync(oneThreadOut));
    log(`    [${run}] (b1) on one thread    ${one.rows.toLocaleString('en-US')} rows, ${mb(one.bytes)} in ${s(one.ms)} (CPU ${s(one.cpuMs)}), peak RSS ${kb(one.peakKb)}; ${same ? 'the same bytes as (b)' : 'BYTES DIFFER FROM (b)'}; load average ${load()}`);
    if (!sqlite3) {
      log(`    sqlite3 comparison skipped: ${SQLITE3_INSTALL_HINT}`);
      continue;
    }
    const cli = await exportThroughSqlite3(bench.path, org.id, cliOut);
    log(`    [${run}] (a)  sqlite3 -csv     ${cli.rows.toLocaleString('en-US')} rows, ${mb(cli.bytes)} in ${s(cli.ms)} (CPU ${s(cli.cpuMs)}), peak RSS ${kb(cli.peakKb)}  (sqlite3 ${sqlite3}); load average ${load()}`);
    const ratio = (x: { ms: number; cpuMs: number | null }) => `${(x.ms / cli.ms).toFixed(2)}x wall` + (x.cpuMs !== null && cli.cpuMs ? `, ${(x.cpuMs / cli.cpuMs).toFixed(2)}x CPU` : '');
    log(`    [${run}] ratio to sqlite3: (b) ${ratio(api)}; (b1) ${ratio(one)}${api.rows === cli.rows ? '' : `  (row counts differ: ${api.rows} vs ${cli.rows})`}`);
  }
  if (values['export-row-by-row']) {
    const before = await exportThroughApi(bench.path, org.id, rowByRowOut, true);
    const same = readFileSync(apiOut).equals(readFileSync(rowByRowOut));
    log(`    row-by-row writer (as before): ${s(before.ms)} (CPU ${s(before.cpuMs)}), peak RSS ${kb(before.peakKb)}; its file and revenues.export's are ${same ? 'the same bytes' : 'DIFFERENT'}; load average ${load()}`);
  }
  for (const file of [apiOut, cliOut, rowByRowOut, oneThreadOut]) rmSync(file, { force: true });
}
