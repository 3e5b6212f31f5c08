import type { ReconciliationRunResult } from '../../shared/contract/reconciliation';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { RECORD_COLUMNS, type StoredRecord } from '../consumption/record-row';
import { assertOrg } from '../orgs/assert-org';
import { isMonthLocked, monthLockedFailure } from './record-checks';
import { ReconciliationWriter } from './reconcile-record';
import { readTolerance } from './settings';
import { withinTolerance } from './tolerance';

/** The first day of the month after `now`'s month, UTC: a month has ended once now is past it. */
function currentMonthStart(now: string): string {
  return `${now.slice(0, 7)}-01`;
}

/**
 * Records above tolerance wait for review: the needs_review step (with the record's
 * reconciliation fields before it, as ReconciliationWriter.review writes them) and the
 * pending flag, each one statement for the whole list, since a month may put tens of
 * thousands of records up for review. The adjustment is final - consumed, exact in SQLite's
 * 64-bit integers (every amount is within 2^53).
 */
function markForReview(db: Database.Database, ids: readonly number[], actor: string, now: string): void {
  if (ids.length === 0) return;
  const list = JSON.stringify(ids);
  db.prepare(
    `INSERT INTO reconciliation_events (org_id, record_id, action, adjustment_micros, compensation_item_id, note, before, actor, at)
     SELECT c.org_id, c.id, 'needs_review', c.final_sell_micros - coalesce(c.consumed_sell_micros, 0), NULL, NULL,
       json_object('adjustment_amount_micros', c.adjustment_amount_micros, 'adjustment_buy_micros', c.adjustment_buy_micros, 'review_status', c.review_status,
         'compensation_item_uuid', c.compensation_item_uuid, 'is_reconciled', c.is_reconciled, 'reconciled_at', c.reconciled_at), ?, ?
     FROM json_each(?) AS j CROSS JOIN consumption_records c ON c.id = j.value ORDER BY j.key`,
  ).run(actor, now, list);
  db.prepare("UPDATE consumption_records SET review_status = 'pending', updated_at = ? WHERE id IN (SELECT value FROM json_each(?))").run(now, list);
}

/**
 * reconciliation.run: one transaction over the org's month. Each finalized, unreconciled
 * record gets its adjustment (final - consumed); within tolerance it reconciles now, above it
 * waits for review (a held record stays held). Reconciled records are left as they are, so
 * running again changes nothing. A finalized month is refused whole.
 */
export function runReconciliation(db: Database.Database, input: { orgId: string; period: string }, actor: string, now: string): ReconciliationRunResult {
  assertOrg(db, input.orgId);
  return db
    .transaction((): ReconciliationRunResult => {
      if (isMonthLocked(db, input.orgId, input.period)) throw monthLockedFailure(input.orgId, input.period);
      const tolerance = readTolerance(db);
      const writer = new ReconciliationWriter(db, actor, now);
      const result: ReconciliationRunResult = {
        org_id: input.orgId,
        period: input.period,
        reconciled: 0,
        needs_review: 0,
        held: 0,
        already_reconciled: 0,
        missing_final: 0,
        not_finalized: 0,
        compensation_items_created: 0,
        adjusted: [],
      };
      const adjusted = new Map<string, bigint>();
      const monthEnded = `${input.period}-01` < currentMonthStart(now);
      // Each record is decided on consumption_records_period alone (migration 31 carries the
      // flags, the review state and both sell amounts): no row is read for a record left as it is.
      const decisions = db
        .prepare(
          `SELECT c.id, c.is_finalized, c.is_reconciled, c.review_status, c.consumed_sell_micros, c.final_sell_micros FROM consumption_records c
           WHERE c.org_id = ? AND c.billing_period = ? ORDER BY c.id`,
        )
        .raw()
        .all(input.orgId, `${input.period}-01`) as Array<[number, 0 | 1, 0 | 1, StoredRecord['review_status'], number | null, number | null]>;
      // The records to write, each list in id order (the table's pages in order).
      const toReconcile: number[] = [];
      const toReview: number[] = [];
      for (const [id, isFinalized, isReconciled, reviewStatus, consumedSell, finalSell] of decisions) {
        if (isReconciled === 1) result.already_reconciled++;
        else if (isFinalized === 0) result[monthEnded ? 'missing_final' : 'not_finalized']++;
        else if (reviewStatus === 'held') result.held++;
        else {
          const consumed = BigInt(consumedSell ?? 0);
          if (withinTolerance(BigInt(finalSell ?? 0) - consumed, consumed, tolerance)) toReconcile.push(id);
          else {
            result.needs_review++;
            if (reviewStatus !== 'pending') toReview.push(id);
          }
        }
      }
      const byId = db.prepare(`SELECT ${RECORD_COLUMNS} FROM consumption_records c WHERE c.id = ?`);
      for (const id of toReconcile) {
        const record = byId.get(id) as StoredRecord;
        const sell = writer.reconcile(record, 'auto_reconciled', null);
        adjusted.set(record.currency, (adjusted.get(record.currency) ?? 0n) + sell);
      }
      result.reconciled = toReconcile.length;
      markForReview(db, toReview, actor, now);
      result.compensation_items_created = writer.itemsCreated;
      result.adjusted = [...adjusted].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, micros]) => ({ currency, amount: microsToDecimal(micros) }));
      return result;
    })
    .immediate();
}
