// Payees and Products grids: pages through the API (in process) on a large catalog, and
// the one-record and 100-record batches the screens and an API client send. Prints
// figures; asserts nothing.
//   node --import tsx bench/records-grid.ts [--payees N] [--products N] [--requests N]
// The workspace is made fresh in a temporary folder each run: payees and products are
// inserted in random order of name (so no sort follows the ids), with five payout
// currencies, holds, thresholds, categories, tags and metadata as the demo has them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FilterModel, SortModel } from '../src/shared/contract/grid';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { forgetViews } from '../src/main/grid/view-memo';
import { SeededRandom } from '../src/main/demo/random';
import { formatLatency, timeEach } from './latency';
import { PAGE_ROWS, pageOffsets } from './grid-views';
import { P95_TARGET_MS, callOk } from './time-grid-views';

const { values } = parseArgs({
  options: {
    payees: { type: 'string', default: '50000' },
    products: { type: 'string', default: '200000' },
    requests: { type: 'string', default: '40' },
  },
});
const payeeCount = Number(values.payees);
const productCount = Number(values.products);
const requests = Math.max(1, Number(values.requests));
const log = (line = '') => process.stdout.write(line + '\n');
const ORG = 'bench-org';
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CAD'];
const CATEGORIES = ['Ebooks', 'Audiobooks', 'Online courses', 'Music streaming', 'API usage', 'Stock media', 'Subscriptions'];
const TAGS = ['bestseller', 'new-release', 'backlist', 'bundle', 'promo', 'evergreen', 'seasonal', 'licensed', 'exclusive', 'fiction'];
const WORDS = ['Harbor', 'Orchard', 'Atlas', 'Lantern', 'River', 'Garden', 'Signal', 'Ledger', 'Compass', 'Meridian', 'Anderson', 'Becker', 'Castillo', 'Dubois', 'Okafor'];

function shuffledNames(random: SeededRandom, count: number, prefix: string): string[] {
  const names = Array.from({ length: count }, (_, i) => `${random.pick(WORDS)} ${random.pick(WORDS)} ${prefix}${i}`);
  for (let i = names.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [names[i], names[j]] = [names[j], names[i]];
  }
  return names;
}

const dir = mkdtempSync(join(tmpdir(), 'closebook-bench-records-'));
const workspace = openWorkspace(join(dir, 'records.closebook'));
const db = workspace.db;
const random = new SeededRandom(1);
const started = performance.now();
db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, 'Bench Org', NULL, '2026-01-01T00:00:00Z')").run(ORG);
const insertPayee = db.prepare(
  `INSERT INTO payees (org_id, external_id, name, email, phone, address, payout_currency, on_hold, hold_reason, threshold_micros, fallback_percentage, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const insertProduct = db.prepare(
  'INSERT INTO products (org_id, external_id, name, category, tags, metadata, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
db.transaction(() => {
  shuffledNames(random, payeeCount, 'P').forEach((name, i) => {
    const held = random.percent(8);
    insertPayee.run(ORG, `pay_${i}`, name, `p${i}@example.com`, `+1 555 ${random.between(100, 999)} ${random.between(1000, 9999)}`, `${i} Mill Lane\nSpringfield`,
      random.pick(CURRENCIES), held ? 1 : 0, held ? 'Tax form missing' : null, random.pick([0, 10, 25, 50, 100, 500]) * 1_000_000, random.percent(10) ? '12.5' : null,
      '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
  });
  shuffledNames(random, productCount, 'T').forEach((name, i) => {
    insertProduct.run(ORG, `prod_${i}`, name, random.pick(CATEGORIES), JSON.stringify(random.sample(TAGS, random.between(1, 3))),
      JSON.stringify({ sku: `SKU-${i}`, unit_price: `${random.between(1, 99)}.99` }), random.percent(4) ? 1 : 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
  });
})();
log(`workspace: ${payeeCount.toLocaleString('en-US')} payees, ${productCount.toLocaleString('en-US')} products in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const core = inProcessCore(workspace);
interface View { label: string; sortModel: SortModel; filterModel: FilterModel }

async function timeViews(method: string, total: number, views: View[]): Promise<void> {
  log(`\n${method} (pages of ${PAGE_ROWS}; the first ten pages, then spread to the last; target p95 < ${P95_TARGET_MS} ms)`);
  for (const view of views) {
    // Opening the view: its first page with the count (and, for an order no index gives, the sort), 5 times, nothing kept.
    const input = { orgId: ORG, sortModel: view.sortModel, filterModel: view.filterModel, startRow: 0, endRow: PAGE_ROWS };
    const opening = await timeEach([0, 0, 0, 0, 0], () => {
      forgetViews(workspace.db);
      return callOk(core, method, input);
    });
    const first = await callOk<{ rowCount: number }>(core, method, input);
    const offsets = pageOffsets(Math.min(first.rowCount, total), requests);
    const summary = await timeEach(offsets, (startRow) => callOk(core, method, { orgId: ORG, sortModel: view.sortModel, filterModel: view.filterModel, startRow, endRow: startRow + PAGE_ROWS }));
    log(`  ${view.label.padEnd(40)} ${String(first.rowCount).padStart(7)} rows  opening ${formatLatency(opening)}`);
    log(`  ${''.padEnd(40)} ${''.padStart(7)}       scrolling ${formatLatency(summary)}`);
  }
}

await timeViews('payees.list', payeeCount, [
  { label: 'unsorted', sortModel: [], filterModel: {} },
  { label: 'by name', sortModel: [{ colId: 'name', sort: 'asc' }], filterModel: {} },
  { label: 'on hold, by name', sortModel: [{ colId: 'name', sort: 'asc' }], filterModel: { onHold: { filterType: 'set', values: ['held'] } } },
  { label: 'name contains "ledger", by threshold', sortModel: [{ colId: 'threshold', sort: 'desc' }], filterModel: { name: { filterType: 'text', type: 'contains', filter: 'ledger' } } },
  { label: 'paid in EUR, by updated', sortModel: [{ colId: 'updatedAt', sort: 'desc' }], filterModel: { payoutCurrency: { filterType: 'text', type: 'equals', filter: 'EUR' } } },
]);
await timeViews('products.list', productCount, [
  { label: 'unsorted', sortModel: [], filterModel: {} },
  { label: 'by name', sortModel: [{ colId: 'name', sort: 'asc' }], filterModel: {} },
  { label: 'archived, by name', sortModel: [{ colId: 'name', sort: 'asc' }], filterModel: { archived: { filterType: 'set', values: ['archived'] } } },
  { label: 'tags contain "bestseller", by category', sortModel: [{ colId: 'category', sort: 'asc' }], filterModel: { tags: { filterType: 'text', type: 'contains', filter: 'bestseller' } } },
]);

// Writes: a screen's save (one record by id) and an API client's full batch (100 records).
const ids = Array.from({ length: requests }, () => 1 + random.below(payeeCount));
const oneRecord = await timeEach(ids, (id) => callOk(core, 'payees.batch', { orgId: ORG, operation: 'update_only', onError: 'reject', records: [{ id, phone: `+1 555 ${random.between(100, 999)} ${random.between(1000, 9999)}` }] }));
log(`\npayees.batch, one record by id (a screen's save): ${formatLatency(oneRecord)}`);
const batches = Array.from({ length: Math.max(5, Math.floor(requests / 4)) }, (_, b) =>
  Array.from({ length: 100 }, (_, i) => ({ external_id: `pay_${random.below(payeeCount)}`, threshold: `${b}.${String(i).padStart(2, '0')}`, payout_currency: random.pick(CURRENCIES) })),
);
const fullBatch = await timeEach(batches, (records) => callOk(core, 'payees.batch', { orgId: ORG, operation: 'create_or_update', records }));
log(`payees.batch, 100 records by external_id (create_or_update): ${formatLatency(fullBatch)}`);
const holds = await timeEach(ids, (id) => callOk(core, 'payees.hold', { orgId: ORG, id, reason: 'Bench hold' }));
log(`payees.hold: ${formatLatency(holds)}`);

core.close();
rmSync(dir, { recursive: true, force: true });
