import type { Database } from '../db/driver';
import { startImportBatch, type ImportBatchMeta, type RecordAtRow } from '../imports/records/import-batch';
import { undoBatchInOpenTransaction } from '../imports/records/undo-batch';

// The Imports screen's demo batches, written through the real import code so every outcome
// is one the app makes: a processor file that updated rows and refused two (a number that
// is not one, a row in a locked month), a file undone the day it came in, and a file
// rejected whole. Nothing here draws on a random stream (other data never shifts), and the
// batches' and rows' times are the demo's, not the clock's, so the same seed makes the same
// workspace. Revenue counts are unchanged: the kept batch updates, the others leave nothing.

interface DemoOrgRef {
  id: string;
  parent_id: string | null;
}

interface StoredRevenue {
  id: number;
  external_id: string;
  kind: string;
  occurred_at: string;
  amount: string;
  currency: string;
  description: string | null;
  payee_external_id: string | null;
  product_external_id: string | null;
}

// Processor files name their columns their own way; the outcomes name them so.
const STRIPE_COLUMNS = new Map([
  ['external_id', 'id'],
  ['kind', 'Type'],
  ['occurred_at', 'Created (UTC)'],
  ['amount', 'Gross'],
  ['currency', 'Currency'],
  ['description', 'Description'],
  ['payee_external_id', 'Seller'],
  ['product_external_id', 'SKU'],
]);

export function writeDemoImportBatches(db: Database.Database, orgs: readonly DemoOrgRef[], openPeriod: string, at: string): number {
  const parent = orgs.find((o) => o.parent_id === null)!;
  const children = orgs.filter((o) => o.parent_id === parent.id);
  const batchIds: number[] = [];
  const updatedIds: number[] = [];
  const nested = db.inTransaction;
  const meta = (orgId: string, fileName: string, operation: ImportBatchMeta['operation']): ImportBatchMeta => ({
    orgId,
    entity: 'revenues',
    source: 'file',
    operation,
    fileName,
    fileSize: 4_096,
    columnOfField: STRIPE_COLUMNS,
    nested,
  });

  // 1. The parent's processor file: three fees corrected, one row as stored, two refused.
  const open = revenuesOf(db, parent.id, openPeriod, 4);
  const locked = lockedRevenue(db, parent.id);
  if (open.length === 4 && locked) {
    const rows: RecordAtRow[] = [
      ...open.slice(0, 3).map((r, i) => ({ rowNumber: i + 2, record: { ...recordOf(r), description: 'Processing fee corrected by the processor' } })),
      { rowNumber: 5, record: recordOf(open[3]) },
      { rowNumber: 6, record: { ...recordOf(open[3]), external_id: `${open[3].external_id}-dup`, amount: '12,5,0' } },
      { rowNumber: 7, record: { ...recordOf(locked), description: 'Late correction for a closed month' } },
    ];
    const batch = startImportBatch(db, meta(parent.id, `stripe-balance-${openPeriod}.csv`, 'create_or_update'));
    batch.write(rows, { rows: 'problems' });
    batchIds.push(batch.finish({ onError: 'skip' }).batchId!);
    updatedIds.push(...open.slice(0, 3).map((r) => r.id));
  }

  // 2. A child's file imported, then undone: its rows read "Removed by undo".
  if (children[0]) {
    const sample = revenuesOf(db, children[0].id, openPeriod, 3);
    if (sample.length === 3) {
      const batch = startImportBatch(db, meta(children[0].id, `paypal-activity-${openPeriod}-draft.csv`, 'create_only'));
      batch.write(
        sample.map((r, i) => ({ rowNumber: i + 2, record: { ...recordOf(r), external_id: `${r.external_id}-draft` } })),
        { rows: 'problems' },
      );
      const { batchId } = batch.finish({ onError: 'skip' });
      undoBatchInOpenTransaction(db, batchId!);
      batchIds.push(batchId!);
    }
  }

  // 3. The other child's file rejected whole: one row could not be read, so nothing is written.
  if (children[1]) {
    const sample = revenuesOf(db, children[1].id, openPeriod, 2);
    if (sample.length === 2) {
      const batch = startImportBatch(db, meta(children[1].id, `shopify-orders-${openPeriod}.csv`, 'create_only'));
      batch.write([
        { rowNumber: 2, record: { ...recordOf(sample[0]), external_id: `${sample[0].external_id}-new` } },
        { rowNumber: 3, record: { ...recordOf(sample[1]), external_id: `${sample[1].external_id}-new`, currency: 'EURO' } },
      ]);
      const summary = batch.finish({ onError: 'reject' });
      if (summary.batchId !== null) batchIds.push(summary.batchId);
    }
  }

  // The demo's own times, so two demos of one seed are the same workspace.
  const ids = JSON.stringify(batchIds);
  db.prepare('UPDATE import_batches SET created_at = ?, undone_at = CASE WHEN undone_at IS NULL THEN NULL ELSE ? END WHERE id IN (SELECT value FROM json_each(?))').run(at, at, ids);
  db.prepare('UPDATE revenues SET updated_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(at, JSON.stringify(updatedIds));
  return batchIds.length;
}

function revenuesOf(db: Database.Database, orgId: string, period: string, count: number): StoredRevenue[] {
  return db
    .prepare(`${SELECT} WHERE r.org_id = ? AND r.period = ? AND r.kind = 'sale' AND r.external_id IS NOT NULL ORDER BY r.id LIMIT ?`)
    .all(orgId, period, count) as StoredRevenue[];
}

function lockedRevenue(db: Database.Database, orgId: string): StoredRevenue | undefined {
  return db
    .prepare(`${SELECT} JOIN periods pd ON pd.org_id = r.org_id AND pd.period = r.period WHERE r.org_id = ? AND pd.status = 'finalized' AND r.kind = 'sale' AND r.external_id IS NOT NULL ORDER BY r.period DESC, r.id LIMIT 1`)
    .get(orgId) as StoredRevenue | undefined;
}

const SELECT = `SELECT r.id, r.external_id, r.kind, r.occurred_at, printf('%d.%06d', r.amount_micros / 1000000, abs(r.amount_micros) % 1000000) AS amount,
  r.currency, r.description, p.external_id AS payee_external_id, pr.external_id AS product_external_id
  FROM revenues r LEFT JOIN payees p ON p.id = r.payee_id LEFT JOIN products pr ON pr.id = r.product_id`;

function recordOf(r: StoredRevenue): Record<string, string> {
  const record: Record<string, string> = { external_id: r.external_id, kind: r.kind, occurred_at: r.occurred_at, amount: r.amount, currency: r.currency };
  if (r.description !== null) record.description = r.description;
  if (r.payee_external_id !== null) record.payee_external_id = r.payee_external_id;
  if (r.product_external_id !== null) record.product_external_id = r.product_external_id;
  return record;
}
