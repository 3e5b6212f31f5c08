// Reconciliation benchmark (issue 10): a workspace of 1,000,000 consumption records over 12
// months (one org, customers in USD, EUR and GBP, ids in random order against customers and
// resources), 90 % of the months' records billed, a few far off. Times reconciliation.run on
// a month of 100,000 records (and again: nothing to do), consumption.list pages with the
// seed's filters and consumption.grid pages of a month, then a 1,000,000-row consumption file
// imported by `closebook import consumption` against sqlite3's `.import` of the same file
// (the revenue import's yardstick). Prints figures; asserts nothing.
//   npx tsx bench/reconcile.ts [--records N] [--month-records N] [--import-rows N] [--requests N] [--fresh]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { BENCH_DATA_DIR } from './bench-workspace';
import { formatLatency, timeEach } from './latency';
import { callOk, P95_TARGET_MS } from './time-grid-views';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    'month-records': { type: 'string', default: '100000' },
    'import-rows': { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '50' },
    fresh: { type: 'boolean', default: false },
  },
});
const TOTAL = Number(values.records);
const MONTH = Number(values['month-records']);
const IMPORT_ROWS = Number(values['import-rows']);
const REQUESTS = Number(values.requests);
const ORG = 'bench-org';
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const TARGET = '2025-11';
const CURRENCIES = ['USD', 'USD', 'EUR', 'GBP'];
const log = (line = '') => process.stdout.write(line + '\n');

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
const uuidFrom = (rnd: () => number) =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(rnd() * 16).toString(16));

interface Customer {
  uuid: string;
  name: string;
  currency: string;
  project: string;
}

function makeWorkspace(path: string): Customer[] {
  const started = performance.now();
  const ws = openWorkspace(path);
  const db = ws.db;
  const rnd = random(11);
  db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES (?, 'Bench reseller', 'USD', '2025-01-01T00:00:00Z')").run(ORG);
  const customers: Customer[] = Array.from({ length: 2_000 }, (_, i) => ({
    uuid: uuidFrom(rnd),
    name: `Customer ${i + 1}`,
    currency: CURRENCIES[i % CURRENCIES.length],
    project: uuidFrom(rnd),
  }));
  // Month sizes: the target month holds MONTH records, the others share the rest.
  const rest = Math.floor((TOTAL - MONTH) / (MONTHS.length - 1));
  const slots: Array<[string, number]> = [];
  for (const month of MONTHS) {
    const n = month === TARGET ? MONTH : rest;
    for (let i = 0; i < n; i++) slots.push([month, i]);
  }
  // Random id order: the insert order is shuffled against month, customer and resource.
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [slots[i], slots[j]] = [slots[j], slots[i]];
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
  ws.close();
  log(`built ${slots.length.toLocaleString('en-US')} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return customers;
}

async function main() {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const path = join(BENCH_DATA_DIR, `reconcile-${TOTAL}-${MONTH}.closebook`);
  if (values.fresh || !existsSync(path)) for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  // Reconciling writes: each run starts from a workspace where the month is not yet reconciled.
  makeWorkspace(path);
  const ws = openWorkspace(path);
  const core = inProcessCore(ws);
  const rnd = random(3);
  const customers = ws.db.prepare('SELECT DISTINCT customer_uuid FROM consumption_records LIMIT 2000').pluck().all() as string[];

  log(`\nreconciliation.run ${TARGET} (${MONTH.toLocaleString('en-US')} records)`);
  let started = performance.now();
  const result = await callOk<Record<string, unknown>>(core, 'reconciliation.run', { orgId: ORG, period: TARGET });
  const runMs = performance.now() - started;
  log(`  first run: ${(runMs / 1000).toFixed(2)} s (target < 2 s): ${JSON.stringify({ reconciled: result.reconciled, needs_review: result.needs_review, items: result.compensation_items_created })}`);
  started = performance.now();
  await callOk(core, 'reconciliation.run', { orgId: ORG, period: TARGET });
  log(`  run again (nothing to do): ${((performance.now() - started) / 1000).toFixed(2)} s`);

  const listInputs = Array.from({ length: REQUESTS }, (_, i) => {
    const kind = i % 5;
    const month = MONTHS[Math.floor(rnd() * 11)];
    if (kind === 0) return { billing_period: `${month}-01`, page: 1 + Math.floor(rnd() * 50), page_size: 100 };
    if (kind === 1) return { customer_uuid: customers[Math.floor(rnd() * customers.length)], page: 1, page_size: 100 };
    if (kind === 2) return { billing_period_from: `${month}-01`, billing_period_to: `${TARGET}-01`, is_finalized: true, page: 1 + Math.floor(rnd() * 20), page_size: 100 };
    if (kind === 3) return { orgId: ORG, billing_period: `${TARGET}-01`, is_reconciled: false, page: 1 + Math.floor(rnd() * 10), page_size: 100 };
    return { license_reference: `XSP${10_000 + Math.floor(rnd() * 50_000)}`, page: 1, page_size: 100 };
  });
  log(`\nconsumption.list, ${REQUESTS} filtered pages of 100 (period / customer / range+finalized / org+month+unreconciled / license):`);
  log(`  ${formatLatency(await timeEach(listInputs, (input) => callOk(core, 'consumption.list', input)))}  (target p95 < ${P95_TARGET_MS} ms)`);

  const gridViews = [
    { label: 'month, default order', sortModel: [], filterModel: {} },
    { label: 'month by adjustment', sortModel: [{ colId: 'adjustment', sort: 'desc' }], filterModel: {} },
    { label: 'month, needs review', sortModel: [], filterModel: { status: { filterType: 'set', values: ['needs_review'] } } },
    { label: 'month, customer name contains', sortModel: [], filterModel: { customer_name: { filterType: 'text', type: 'contains', filter: '12' } } },
  ];
  for (const view of gridViews) {
    const inputs = Array.from({ length: REQUESTS }, () => Math.floor(rnd() * 20) * 100);
    const summary = await timeEach(inputs, (startRow) =>
      callOk(core, 'consumption.grid', { orgId: ORG, period: TARGET, customerUuid: null, sortModel: view.sortModel, filterModel: view.filterModel, startRow, endRow: startRow + 100 }),
    );
    log(`consumption.grid ${view.label.padEnd(32)} ${formatLatency(summary)}`);
  }
  ws.close();

  if (IMPORT_ROWS > 0) await importComparison();
}

async function importComparison() {
  if (spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status !== 0) {
    log('\n(import comparison skipped: needs the sqlite3 command-line shell)');
    return;
  }
  const dir = join(BENCH_DATA_DIR, 'reconcile-import');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'consumption.csv');
  const out = createWriteStream(file);
  const rnd = random(5);
  out.write('license_reference,resource_name,billing_period,consumed_sell,consumed_buy,currency,customer_name\n');
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const sell = (Math.floor(rnd() * 500_000_00) / 100).toFixed(2);
    out.write(`XSP${10_000 + (i % 50_000)},res-${i},2025-${String((i % 12) + 1).padStart(2, '0')},${sell},${(Number(sell) * 0.8).toFixed(2)},${CURRENCIES[i % 4]},Customer ${i % 2000}\n`);
  }
  await new Promise<void>((resolve) => out.end(resolve));
  log(`\nimport of ${IMPORT_ROWS.toLocaleString('en-US')} consumption rows (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
  const cliDb = join(dir, 'sqlite3.db');
  let started = performance.now();
  spawnSync('sqlite3', [cliDb], {
    input: `CREATE TABLE c (license_reference TEXT, resource_name TEXT, billing_period TEXT, consumed_sell TEXT, consumed_buy TEXT, currency TEXT, customer_name TEXT, UNIQUE (license_reference, resource_name, billing_period));\n.mode csv\n.import --skip 1 ${file} c\n`,
  });
  const a = (performance.now() - started) / 1000;
  log(`  (a) sqlite3 .import into a keyed table: ${a.toFixed(2)} s`);
  const workspace = join(dir, 'import.closebook');
  const org = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'closebook.mjs'), 'orgs', 'create', '--name', 'Bench', '--currency', 'USD', '--workspace', workspace], { encoding: 'utf8' });
  const orgId = (JSON.parse(org.stdout) as { id: string }).id;
  started = performance.now();
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'closebook.mjs'), 'import', 'consumption', file, '--workspace', workspace, '--org', orgId], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const b = (performance.now() - started) / 1000;
  const counts = run.stdout.trim().split('\n').at(-1) ?? run.stderr;
  log(`  (b) closebook import consumption: ${b.toFixed(2)} s = ${(b / a).toFixed(2)}x (a) (the revenue import reaches 2.77x); ${counts.slice(0, 200)}`);
}

await main();
