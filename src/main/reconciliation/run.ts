import type { ReconciliationRunResult } from '../../shared/contract/reconciliation';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { RECORD_COLUMNS, type StoredRecord } from '../consumption/record-row';
import { assertOrg } from '../orgs/assert-org';
import { isMonthLocked, monthLockedFailure } from './record-checks';
import { adjustmentsOf, ReconciliationWriter } from './reconcile-record';
import { readTolerance } from './settings';
import { withinTolerance } from './tolerance';

/** The first day of the month after `now`'s month, UTC: a month has ended once now is past it. */
function currentMonthStart(now: string): string {
  return `${now.slice(0, 7)}-01`;
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
      const records = db
        .prepare(`SELECT ${RECORD_COLUMNS} FROM consumption_records c WHERE c.org_id = ? AND c.billing_period = ? ORDER BY c.id`)
        .iterate(input.orgId, `${input.period}-01`) as IterableIterator<StoredRecord>;
      // Writes wait until the read is done: better-sqlite3 refuses a write while a read iterates.
      const toReconcile: StoredRecord[] = [];
      const toReview: StoredRecord[] = [];
      for (const record of records) {
        if (record.is_reconciled === 1) result.already_reconciled++;
        else if (record.is_finalized === 0) result[monthEnded ? 'missing_final' : 'not_finalized']++;
        else if (record.review_status === 'held') result.held++;
        else {
          const { sell } = adjustmentsOf(record);
          if (withinTolerance(sell, BigInt(record.consumed_sell_micros ?? 0), tolerance)) toReconcile.push(record);
          else {
            result.needs_review++;
            if (record.review_status !== 'pending') toReview.push(record);
          }
        }
      }
      for (const record of toReconcile) {
        const sell = writer.reconcile(record, 'auto_reconciled', null);
        adjusted.set(record.currency, (adjusted.get(record.currency) ?? 0n) + sell);
      }
      for (const record of toReview) writer.review(record, 'pending', null);
      result.reconciled = toReconcile.length;
      result.compensation_items_created = writer.itemsCreated;
      result.adjusted = [...adjusted].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, micros]) => ({ currency, amount: microsToDecimal(micros) }));
      return result;
    })
    .immediate();
}
