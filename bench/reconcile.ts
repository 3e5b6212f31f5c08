// Reconciliation benchmark (issue 10): a workspace of 1,000,000 consumption records over 12
// months (one org, 2,000 customers in USD, EUR and GBP, random uuids), 90 % of the months'
// records billed, a few far off. --layout month (the default) creates them month by month, as
// a month's consumption import does, in random order against customers and resources within
// the month; --layout shuffled puts the ids in random order against the months too, so a
// month's records lie on nearly every page of the table (the worst case for a run). It is built
// once as a template in bench/.data/ (rebuilt with --fresh or when the schema moved on) and
// copied for every run, so each run reconciles a month that is not yet reconciled.
// Times, with CPU time (process.cpuUsage) beside the wall clock and the load average:
// - reconciliation.run on a month of 100,000 records (target < 2 s), and again (nothing to do);
// - consumption.list over a mix of the seed's filters, the first and a deep page of each;
// - consumption.grid views of the month, first and deep blocks (p95 target < 50 ms);
// - a 1,000,000-row consumption file imported by `closebook import consumption`, (b) read on
//   the parse worker (off by default, turned on here) and (b1) in the importing thread as the
//   CLI does by default, against sqlite3's
//   `.import` of the same file into a keyed table (a), measured as bench:import does (WAL,
//   synchronous=FULL), and against (a2), sqlite3
//   writing the same rows into the workspace's own table with every index put off (but the
//   partial ones no row of the file enters, kept live as the import keeps them) and nothing
//   checked: the floor this schema sets.
// Prints figures; asserts nothing.
//   npx tsx bench/reconcile.ts [--records N] [--month-records N] [--import-rows N] [--requests N] [--layout month|shuffled] [--fresh] [--skip-import | --import-only]
import { copyFileSync, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { BENCH_DATA_DIR } from './bench-workspace';
import { formatLatency, timeEach, type LatencySummary } from './latency';
import { timedChild } from './timed-child';
import { callOk, P95_TARGET_MS } from './time-grid-views';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    'month-records': { type: 'string', default: '100000' },
    'import-rows': { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '40' },
    fresh: { type: 'boolean', default: false },
    'skip-import': { type: 'boolean', default: false },
    'import-only': { type: 'boolean', default: false },
    layout: { type: 'string', default: 'month' },
  },
});
const TOTAL = Number(values.records);
const MONTH = Number(values['month-records']);
const IMPORT_ROWS = values['skip-import'] ? 0 : Number(values['import-rows']);
const REQUESTS = Number(values.requests);
const ORG = 'bench-org';
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const TARGET = '2025-11';
const CURRENCIES = ['USD', 'USD', 'EUR', 'GBP'];
const LAYOUT = values.layout;
if (LAYOUT !== 'month' && LAYOUT !== 'shuffled') throw new Error(`--layout takes month or shuffled, not ${LAYOUT}`);
const log = (line = '') => process.stdout.write(line + '\n');
const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on 2 cores`;

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hex8 = (rnd: () => number) => Math.floor(rnd() * 0x100000000).toString(16).padStart(8, '0');
/** A random version-4 uuid from the seeded generator. */
function uuidFrom(rnd: () => number): string {
  const h = hex8(rnd) + hex8(rnd) + hex8(rnd) + hex8(rnd);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function makeWorkspace(path: string): void {
  const started = performance.now();
  const ws = openWorkspace(path);
  const db = ws.db;
  const rnd = random(11);
  db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES (?, 'Bench reseller', 'USD', '2025-01-01T00:00:00Z')").run(ORG);
  const customers = Array.from({ length: 2_000 }, (_, i) => ({ uuid: uuidFrom(rnd), name: `Customer ${i + 1}`, currency: CURRENCIES[i % CURRENCIES.length], project: uuidFrom(rnd) }));
  // Month sizes: the target month holds MONTH records, the others share the rest.
  const rest = Math.floor((TOTAL - MONTH) / (MONTHS.length - 1));
  const slots: Array<[string, number]> = [];
  for (const month of MONTHS) {
    const n = month === TARGET ? MONTH : rest;
    for (let i = 0; i < n; i++) slots.push([month, i]);
  }
  // Random id order against customer and resource (and, shuffled, against the month too).
  const shuffle = (from: number, to: number) => {
    for (let i = to - 1; i > from; i--) {
      const j = from + Math.floor(rnd() * (i - from + 1));
      [slots[i], slots[j]] = [slots[j], slots[i]];
    }
  };
  if (LAYOUT === 'shuffled') shuffle(0, slots.length);
  else for (let start = 0; start < slots.length; ) {
    const end = slots.findIndex(([month], k) => k > start && month !== slots[start][0]);
    shuffle(start, end === -1 ? slots.length : end);
    start = end === -1 ? slots.length : end;
  }
  const insert = db.prepare(
    `INSERT INTO consumption_records (org_id, uuid, currency, resource_uuid, resource_name, project_uuid, customer_uuid, customer_name, license_reference, billing_period,
       consumed_sell_micros, consumed_buy_micros, final_sell_micros, final_buy_micros, is_finalized, finalized_at, last_sync_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const [month, i] of slots) {
      const customer = customers[i % customers.length];
      const sell = Math.floor(rnd() * 5_000_000_000) + 1_000_000;
      const buy = Math.floor(sell * 0.8);
      const billed = month !== '2025-12' && rnd() < 0.9;
      const far = rnd() < 0.03;
      const final = billed ? Math.max(0, sell + Math.floor((far ? rnd() - 0.5 : (rnd() - 0.5) / 100) * sell)) : null;
      insert.run(ORG, uuidFrom(rnd), customer.currency, uuidFrom(rnd), `res-${i}`, customer.project, customer.uuid, customer.name, `XSP${10_000 + (i % 50_000)}`, `${month}-01`,
        sell, buy, final, billed ? Math.floor(final! * 0.8) : null, billed ? 1 : 0, billed ? `${month}-28T00:00:00Z` : null, `${month}-28T00:00:00Z`, 'x', 'x');
    }
  })();
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  ws.close();
  log(`built ${slots.length.toLocaleString('en-US')} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const removeDb = (path: string) => ['', '-wal', '-shm'].forEach((s) => rmSync(path + s, { force: true }));

/** The template at the current schema (migrated in place, or built again when its history diverged), copied to `path`. */
function workspaceCopy(path: string): void {
  const template = join(BENCH_DATA_DIR, `reconcile-template-${LAYOUT}-${TOTAL}-${MONTH}.closebook`);
  if (values.fresh) removeDb(template);
  if (existsSync(template)) {
    try {
      const started = performance.now();
      const ws = openWorkspace(template);
      ws.db.pragma('wal_checkpoint(TRUNCATE)');
      ws.close();
      log(`template ${template} opened (migrations applied) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      log(`template not usable (${(error as Error).message.slice(0, 120)}): building it again`);
      removeDb(template);
    }
  }
  if (!existsSync(template)) {
    removeDb(`${template}.partial`);
    makeWorkspace(`${template}.partial`);
    renameSync(`${template}.partial`, template);
  }
  removeDb(path);
  copyFileSync(template, path);
}

async function timedCall<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

const p95Of = (s: LatencySummary) => `${formatLatency(s)}  (target p95 < ${P95_TARGET_MS} ms)`;

async function main() {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const path = join(BENCH_DATA_DIR, `reconcile-run-${LAYOUT}-${TOTAL}-${MONTH}.closebook`);
  workspaceCopy(path);
  const ws = openWorkspace(path);
  const core = inProcessCore(ws);
  const rnd = random(3);
  const sample = ws.db.prepare('SELECT customer_uuid, project_uuid, resource_uuid, license_reference FROM consumption_records WHERE id % 997 = 0 LIMIT 1000').all() as Array<
    Record<'customer_uuid' | 'project_uuid' | 'resource_uuid' | 'license_reference', string>
  >;
  const pick = () => sample[Math.floor(rnd() * sample.length)];

  log(`\nreconciliation.run ${TARGET} (${MONTH.toLocaleString('en-US')} records of ${TOTAL.toLocaleString('en-US')}, ${LAYOUT} layout); ${load()}`);
  const first = await timedCall(() => callOk<Record<string, unknown>>(core, 'reconciliation.run', { orgId: ORG, period: TARGET }));
  const { reconciled, needs_review, compensation_items_created } = first.value;
  log(`  first run: ${first.seconds.toFixed(2)} s wall, ${first.cpuSeconds.toFixed(2)} s CPU (target < 2 s): ${JSON.stringify({ reconciled, needs_review, compensation_items_created })}`);
  const again = await timedCall(() => callOk(core, 'reconciliation.run', { orgId: ORG, period: TARGET }));
  log(`  run again (nothing changes): ${again.seconds.toFixed(2)} s wall, ${again.cpuSeconds.toFixed(2)} s CPU`);

  // The seed's filters as a screen or an API client combines them; each filter's first page, then a deep one.
  const filters: Array<() => Record<string, unknown>> = [
    () => ({ billing_period: `${MONTHS[Math.floor(rnd() * 12)]}-01` }),
    () => ({ billing_period: `${MONTHS[Math.floor(rnd() * 11)]}-01`, is_finalized: false }),
    () => ({ billing_period_from: `${MONTHS[Math.floor(rnd() * 6)]}-01`, billing_period_to: `${TARGET}-01`, is_finalized: true }),
    () => ({ orgId: ORG, billing_period: `${TARGET}-01`, is_reconciled: false }),
    () => ({ is_reconciled: false }),
    () => ({ orgId: ORG }),
    () => ({ customer_uuid: pick().customer_uuid }),
    () => ({ customer_uuid: pick().customer_uuid, billing_period_from: '2025-06-01', is_finalized: true }),
    () => ({ project_uuid: pick().project_uuid }),
    () => ({ resource_uuid: pick().resource_uuid }),
    () => ({ license_reference: pick().license_reference }),
    () => ({ orgId: ORG, license_reference: pick().license_reference, billing_period_to: `${TARGET}-01` }),
  ];
  const inputs = Array.from({ length: REQUESTS }, (_, i) => ({ ...filters[i % filters.length](), page: 1, page_size: 100 }));
  const firstPages = await timeEach(inputs, (input) => callOk(core, 'consumption.list', input));
  const counts = await Promise.all(inputs.map((input) => callOk<{ count: number }>(core, 'consumption.list', { ...input, page_size: 1 })));
  // A deep page: somewhere in the last three quarters of the filter's pages.
  const deepInputs = inputs.map((input, i) => ({ ...input, page: Math.max(1, Math.ceil((counts[i].count / 100) * (0.25 + 0.75 * rnd()))) }));
  const deepPages = await timeEach(deepInputs, (input) => callOk(core, 'consumption.list', input));
  log(`\nconsumption.list, ${REQUESTS} filters (${filters.length} kinds: month, month unbilled, range billed, org month unreconciled, unreconciled, org, customer, customer range billed, project, resource, license, org license range), pages of 100; ${load()}`);
  log(`  first pages  ${p95Of(firstPages)}`);
  log(`  deep pages   ${p95Of(deepPages)}`);

  const gridViews = [
    { label: 'month, default order', sortModel: [], filterModel: {} },
    { label: 'month, needs review', sortModel: [], filterModel: { status: { filterType: 'set', values: ['needs_review'] } } },
    { label: 'month, customer name contains', sortModel: [], filterModel: { customer_name: { filterType: 'text', type: 'contains', filter: '12' } } },
    { label: 'month, billed', sortModel: [], filterModel: { final_sell: { filterType: 'number', type: 'notBlank' } } },
    { label: 'month by adjustment', sortModel: [{ colId: 'adjustment', sort: 'desc' }], filterModel: {} },
  ];
  log(`\nconsumption.grid of ${TARGET}, blocks of 100 (the first block, then random blocks to the end); ${load()}`);
  for (const view of gridViews) {
    const call = (startRow: number) =>
      callOk<{ rowCount: number }>(core, 'consumption.grid', { orgId: ORG, period: TARGET, customerUuid: null, sortModel: view.sortModel, filterModel: view.filterModel, startRow, endRow: startRow + 100 });
    const opening = await timedCall(() => call(0));
    const rows = opening.value.rowCount;
    const blocks = await timeEach(Array.from({ length: REQUESTS }, () => Math.floor(rnd() * Math.max(1, rows / 100)) * 100), call);
    log(`  ${view.label.padEnd(30)} opening ${(opening.seconds * 1000).toFixed(1)} ms (CPU ${(opening.cpuSeconds * 1000).toFixed(1)} ms); blocks ${p95Of(blocks)}`);
  }
  ws.close();
  removeDb(path);

  if (IMPORT_ROWS > 0) await importComparison();
}

/** The import file's columns (its header). */
const FILE_COLUMNS = 'license_reference,resource_uuid,resource_name,billing_period,consumed_sell,consumed_buy,currency,customer_uuid,customer_name,project_uuid';
/** The floor's partial indexes that hold no row of the file, kept live (set by floorIntoSchema). */
let keptLive: string[] = [];

async function importComparison() {
  const dir = join(BENCH_DATA_DIR, 'reconcile-import');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `consumption-${IMPORT_ROWS}.csv`);
  if (!existsSync(file)) {
    const out = createWriteStream(file);
    const rnd = random(5);
    let chunk = `${FILE_COLUMNS}\n`;
    const customers = Array.from({ length: 2_000 }, () => [uuidFrom(rnd), uuidFrom(rnd)]);
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const sell = Math.floor(rnd() * 500_000_00);
      const c = i % customers.length;
      chunk += `XSP${10_000 + (i % 50_000)},${uuidFrom(rnd)},res-${i},2025-${String((i % 12) + 1).padStart(2, '0')},${(sell / 100).toFixed(2)},${((sell * 0.8) / 100).toFixed(2)},${CURRENCIES[c % 4]},${customers[c][0]},Customer ${c},${customers[c][1]}\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
  }
  log(`\nimport of ${IMPORT_ROWS.toLocaleString('en-US')} consumption rows (${(statSync(file).size / 1e6).toFixed(0)} MB, random resource uuids); ${load()}`);
  // (a) the yardstick, as bench:import measures it: sqlite3 parses the file into a table keyed like a record (license, resource, month).
  const cliDb = join(dir, 'sqlite3.db');
  removeDb(cliDb);
  const a = await timedChild('sqlite3', [cliDb], [
    'PRAGMA journal_mode=WAL;',
    'PRAGMA synchronous=FULL;',
    'CREATE TABLE c (license_reference TEXT, resource_uuid TEXT, resource_name TEXT, billing_period TEXT, consumed_sell TEXT, consumed_buy TEXT, currency TEXT, customer_uuid TEXT, customer_name TEXT, project_uuid TEXT, PRIMARY KEY (license_reference, resource_uuid, billing_period));',
    '.mode csv',
    `.import --skip 1 ${file} c`,
    'SELECT count(*) FROM c;',
  ].join('\n') + '\n');
  const cpu = (t: { cpuSeconds: number | null }) => (t.cpuSeconds === null ? '' : `, ${t.cpuSeconds.toFixed(2)} s CPU`);
  log(`  (a) sqlite3 .import into a keyed table: ${a.seconds.toFixed(2)} s wall${cpu(a)}, ${a.stdout.trim().split('\n').at(-1)} rows`);
  const a2 = await floorIntoSchema(dir, file);
  log(`  (a2) sqlite3 into the workspace's own consumption_records, nothing validated, every other index dropped and built again (kept live, holding no row: ${keptLive.join(', ')}): ${a2.seconds.toFixed(2)} s wall${cpu(a2)} = ${(a2.seconds / a.seconds).toFixed(2)}x (a) (the floor for (b) on this schema)`);
  const workspace = join(dir, 'import.closebook');
  removeDb(workspace);
  const bin = join(import.meta.dirname, '..', 'bin', 'closebook.mjs');
  // (b) read on the parse worker (CLOSEBOOK_PARSE_WORKER_MIN_BYTES=0: off by default), then (b1) read in the importing thread as the CLI does by default, back to back.
  for (const [label, inThread] of [['(b) ', false], ['(b1)', true]] as const) {
    removeDb(workspace);
    const org = await timedChild(process.execPath, [bin, 'orgs', 'create', '--name', 'Bench', '--currency', 'USD', '--workspace', workspace]);
    const orgId = (JSON.parse(org.stdout) as { id: string }).id;
    process.env.CLOSEBOOK_PARSE_WORKER_MIN_BYTES = inThread ? String(Number.MAX_SAFE_INTEGER) : '0';
    const b = await timedChild(process.execPath, [bin, 'import', 'consumption', file, '--workspace', workspace, '--org', orgId]);
    delete process.env.CLOSEBOOK_PARSE_WORKER_MIN_BYTES;
    const outcome = b.code === 0 ? JSON.stringify((JSON.parse(b.stdout) as { counts: unknown }).counts) : `FAILED: ${b.stderr.trim().split('\n').at(-1)}`;
    const cpuRatio = a.cpuSeconds && b.cpuSeconds ? `, ${(b.cpuSeconds / a.cpuSeconds).toFixed(2)}x in CPU time` : '';
    const how = inThread ? 'read in the importing thread (the default)' : 'read on the parse worker (turned on)';
    log(`  ${label} closebook import consumption, ${how}: ${b.seconds.toFixed(2)} s wall${cpu(b)} = ${(b.seconds / a.seconds).toFixed(2)}x (a) on the wall clock${cpuRatio}; ${outcome}; ${load()}`);
    const floorCpu = a2.cpuSeconds && b.cpuSeconds ? `, ${(b.cpuSeconds / a2.cpuSeconds).toFixed(2)}x in CPU time` : '';
    log(`       against the floor (a2): ${(b.seconds / a2.seconds).toFixed(2)}x on the wall clock${floorCpu} (target: at most the revenue import's (b)/(a2), npm run bench:import)`);
  }
  removeDb(workspace);
  removeDb(cliDb);
}

/**
 * (a2) What the yardstick leaves out: the same rows written by sqlite3 itself, in C, into a
 * workspace's real consumption_records (its constraints, generated key and uuid default;
 * every index, the unique ones included, dropped and built again before COMMIT, but for the
 * partial indexes no row of the file enters, kept live as the import keeps them; the per-row
 * count trigger off and the months counted in one statement), with no validation at all.
 */
async function floorIntoSchema(dir: string, file: string) {
  const path = join(dir, 'floor.closebook');
  removeDb(path);
  const ws = openWorkspace(path);
  ws.db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES (?, 'Floor', 'USD', '2025-01-01T00:00:00Z')").run(ORG);
  const all = ws.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'consumption_records' AND sql IS NOT NULL ORDER BY name").all() as Array<{ name: string; sql: string }>;
  // A partial index on a column no row of the file fills stays live, as the import keeps it: building it again would read the whole table for no entry.
  const fileColumns = new Set(FILE_COLUMNS.split(','));
  const empty = (sql: string) => {
    const column = / WHERE (\w+) IS NOT NULL$/.exec(sql)?.[1];
    return column !== undefined && !fileColumns.has(column);
  };
  const indexes = all.filter((index) => !empty(index.sql));
  keptLive = all.filter((index) => empty(index.sql)).map((index) => index.name);
  const trigger = ws.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'consumption_record_counts_insert'").pluck().get() as string;
  ws.close();
  const now = '2025-12-01T00:00:00Z';
  const script = [
    'PRAGMA synchronous=FULL;',
    'PRAGMA cache_size=-65536;',
    'PRAGMA foreign_keys=ON;',
    'CREATE TEMP TABLE f (license_reference, resource_uuid, resource_name, billing_period, consumed_sell, consumed_buy, currency, customer_uuid, customer_name, project_uuid);',
    '.mode csv',
    `.import --skip 1 ${file} f`,
    'BEGIN;',
    `INSERT INTO import_batches (org_id, entity, source, operation, on_error, status, created_at) VALUES ('${ORG}', 'consumption', 'file', 'create_or_update', 'skip', 'committed', '${now}');`,
    ...indexes.map((index) => `DROP INDEX ${index.name};`),
    'DROP TRIGGER consumption_record_counts_insert;',
    `INSERT INTO consumption_records (org_id, license_reference, resource_uuid, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, currency,
       customer_uuid, customer_name, project_uuid, last_sync_at, created_at, updated_at, batch_id, source_row)
     SELECT '${ORG}', license_reference, lower(resource_uuid), resource_name, billing_period || '-01', CAST(round(consumed_sell * 1000000) AS INTEGER),
       CAST(round(consumed_buy * 1000000) AS INTEGER), currency, customer_uuid, customer_name, project_uuid, '${now}', '${now}', '${now}', (SELECT max(id) FROM import_batches), rowid + 1
     FROM f ORDER BY rowid;`,
    ...indexes.map((index) => `${index.sql};`),
    `${trigger};`,
    `INSERT INTO consumption_record_counts (org_id, billing_period, is_finalized, is_reconciled, records)
       SELECT org_id, billing_period, 0, 0, count(*) FROM consumption_records GROUP BY 1, 2;`,
    'COMMIT;',
    'SELECT count(*) FROM consumption_records;',
  ].join('\n');
  const timed = await timedChild('sqlite3', [path], script + '\n');
  if (timed.code !== 0) throw new Error(`the floor (a2) failed: ${timed.stderr.trim().split('\n').at(-1)}`);
  removeDb(path);
  return timed;
}

if (values['import-only']) await importComparison();
else await main();
