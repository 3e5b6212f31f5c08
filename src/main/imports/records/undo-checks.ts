import { ApiFailure } from '../../api/failure';
import type { Database } from '../../db/driver';
import { monthInWords, type PeriodLocks } from './period-locks';
import type { BatchToUndo, UpdatedRow } from './undo-batch';
import { checkUsageUndo } from './usage-undo-checks';
import { checkShowbackUndo } from './showback-undo-checks';

interface UndoScope {
  batch: BatchToUndo;
  table: string;
  updated: readonly UpdatedRow[];
  /** The batch's created rows: id BETWEEN first AND last AND batch_id = batch.id. */
  first: number;
  last: number;
  locks: PeriodLocks;
}

function conflict(code: string, message: string, detail: unknown): ApiFailure {
  return new ApiFailure('conflict', code, message, detail);
}

/** Throws 409 when undoing the batch would write into a closed period or break other records. */
export function checkUndoAllowed(db: Database.Database, scope: UndoScope): void {
  checkLockedPeriods(db, scope);
  checkLaterBatches(db, scope);
  if (scope.batch.entity === 'usage') checkUsageUndo(db, scope);
  if (scope.batch.entity === 'commitments' || scope.batch.entity === 'showback_usage') checkShowbackUndo(db, scope.batch.entity, scope);
  checkReferences(db, scope);
}

function checkLockedPeriods(db: Database.Database, { batch, table, updated, first, last, locks }: UndoScope): void {
  if (batch.entity !== 'revenues' && batch.entity !== 'billing' && batch.entity !== 'consumption') return;
  const lockedMessage = (period: string) =>
    conflict('period_locked', `Import batch ${batch.id} cannot be undone: it wrote rows in ${monthInWords(period)}, which is locked`, { batchId: batch.id, period });
  const createdPeriods = db.prepare(`SELECT DISTINCT period FROM ${table} WHERE id BETWEEN ? AND ? AND batch_id = ?`).pluck().all(first, last, batch.id) as string[];
  for (const period of createdPeriods) if (locks.isLocked(period)) throw lockedMessage(period);
  const periodOf = db.prepare(`SELECT period FROM ${table} WHERE id = ?`).pluck();
  for (const row of updated) {
    const current = periodOf.get(row.record_id) as string | undefined;
    const before = (JSON.parse(row.previous) as { period?: string }).period;
    for (const period of [current, before]) if (period !== undefined && locks.isLocked(period)) throw lockedMessage(period);
  }
}

/** A later committed batch that updated a row this batch created or updated must be undone first. */
function checkLaterBatches(db: Database.Database, { batch, table, first, last }: UndoScope): void {
  const later = db
    .prepare(
      `SELECT o.batch_id FROM import_batches b JOIN import_outcomes o ON o.batch_id = b.id AND o.outcome = 'updated'
       WHERE b.id > ? AND b.entity = ? AND b.org_id = ? AND b.status = 'committed'
         AND (o.record_id IN (SELECT id FROM ${table} WHERE id BETWEEN ? AND ? AND batch_id = ?)
              OR o.record_id IN (SELECT record_id FROM import_outcomes WHERE batch_id = ? AND outcome = 'updated'))
       ORDER BY o.batch_id DESC LIMIT 1`,
    )
    .pluck()
    .get(batch.id, batch.entity, batch.org_id, first, last, batch.id, batch.id) as number | undefined;
  if (later !== undefined) {
    throw conflict('later_batch', `Import batch ${batch.id} cannot be undone before batch ${later}, which changed the same rows; undo ${later} first`, {
      batchId: batch.id,
      laterBatchId: later,
    });
  }
}

/** Created rows that other records now point at (a revenue's payee, a refund's sale) cannot be removed. */
function checkReferences(db: Database.Database, { batch, first, last }: UndoScope): void {
  let user: unknown;
  if (batch.entity === 'payees' || batch.entity === 'products') {
    const column = batch.entity === 'payees' ? 'payee_id' : 'product_id';
    user = db
      .prepare(`SELECT id FROM revenues WHERE ${column} IN (SELECT id FROM ${batch.entity} WHERE id BETWEEN ? AND ? AND batch_id = ?) LIMIT 1`)
      .pluck()
      .get(first, last, batch.id);
  } else if (batch.entity === 'revenues') {
    user = db
      .prepare(
        `SELECT r.id FROM revenues r
         WHERE r.org_id = ? AND r.kind = 'refund' AND r.refund_of IN (
           SELECT external_id FROM revenues WHERE id BETWEEN ? AND ? AND batch_id = ? AND external_id IS NOT NULL)
         AND NOT (r.id BETWEEN ? AND ? AND r.batch_id IS ?)
         -- A refund this batch made one by updating a stored row is put back as it was by the same undo.
         AND r.id NOT IN (SELECT record_id FROM import_outcomes WHERE batch_id = ? AND outcome = 'updated' AND record_id IS NOT NULL) LIMIT 1`,
      )
      .pluck()
      .get(batch.org_id, first, last, batch.id, first, last, batch.id, batch.id);
  } else if (batch.entity === 'billing' || batch.entity === 'consumption') {
    user = db
      .prepare(
        `SELECT id FROM consumption_records WHERE is_reconciled = 1 AND (
           (id BETWEEN ? AND ? AND batch_id = ?) OR id IN (SELECT record_id FROM import_outcomes WHERE batch_id = ? AND outcome = 'updated')) LIMIT 1`,
      )
      .pluck()
      .get(first, last, batch.id, batch.id);
  }
  if (user !== undefined) {
    throw conflict('records_in_use', `Import batch ${batch.id} cannot be undone: record ${String(user)} depends on rows it wrote (a reference, a refund or a reconciliation)`, {
      batchId: batch.id,
      recordId: user,
    });
  }
}
