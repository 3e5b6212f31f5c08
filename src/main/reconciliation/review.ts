import type { ReviewResult } from '../../shared/contract/reconciliation';
import { ApiFailure, notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { findRecordByUuid } from '../consumption/list';
import type { StoredRecord } from '../consumption/record-row';
import { assertMonthOpen, assertReviewable, recordName } from './record-checks';
import { ReconciliationWriter, type ReconciliationState } from './reconcile-record';

/** The records named by uuid, each checked; the first refusal names its place in the input and nothing is written. */
function reviewable(db: Database.Database, uuids: readonly string[]): StoredRecord[] {
  const seen = new Set<string>();
  return uuids.map((uuid, index) => {
    const at = `uuids.${index}`;
    if (seen.has(uuid.toLowerCase())) throw new ApiFailure('validation_error', 'invalid_input', `${at}: ${uuid} is named twice`, { issues: [{ field: at, message: 'named twice' }] });
    seen.add(uuid.toLowerCase());
    const record = findRecordByUuid(db, uuid);
    if (!record) throw notFound('not_found', `There is no consumption record ${uuid} in this workspace (${at})`, { uuid, issues: [{ field: at, message: 'no such record' }] });
    assertReviewable(db, record, at);
    return record;
  });
}

/** reconciliation.approve: every named record reconciles with the note, or none does. */
export function approveRecords(db: Database.Database, input: { uuids: string[]; note: string }, actor: string, now: string): ReviewResult {
  return db
    .transaction((): ReviewResult => {
      const records = reviewable(db, input.uuids);
      const writer = new ReconciliationWriter(db, actor, now);
      for (const record of records) writer.reconcile(record, 'approved', input.note);
      return { records: records.map((r) => r.uuid), compensation_items_created: writer.itemsCreated };
    })
    .immediate();
}

/** reconciliation.hold: the named records wait, out of automatic reconciliation, until approved. */
export function holdRecords(db: Database.Database, input: { uuids: string[]; note?: string | null }, actor: string, now: string): ReviewResult {
  return db
    .transaction((): ReviewResult => {
      const records = reviewable(db, input.uuids);
      const writer = new ReconciliationWriter(db, actor, now);
      for (const record of records) if (record.review_status !== 'held') writer.review(record, 'held', input.note ?? null);
      return { records: records.filter((r) => r.review_status !== 'held').map((r) => r.uuid), compensation_items_created: 0 };
    })
    .immediate();
}

/**
 * reconciliation.reverse: the record gets back the reconciliation fields it had before its
 * last reconciling step, its compensation item is marked reversed with the reason, and the
 * reversal is a step of its own in the history (nothing there is edited or removed).
 */
export function reverseRecord(db: Database.Database, input: { uuid: string; reason: string }, actor: string, now: string): ReviewResult {
  return db
    .transaction((): ReviewResult => {
      const record = findRecordByUuid(db, input.uuid);
      if (!record) throw notFound('not_found', `There is no consumption record ${input.uuid} in this workspace`, { uuid: input.uuid, field: 'uuid' });
      if (record.is_reconciled === 0) {
        throw new ApiFailure('conflict', 'not_reconciled', `${recordName(record)}: is not reconciled, so there is nothing to reverse`, {
          uuid: record.uuid,
          field: 'is_reconciled',
          issues: [{ field: 'uuid', message: 'not reconciled' }],
        });
      }
      assertMonthOpen(db, record, 'uuid');
      const step = db
        .prepare("SELECT before FROM reconciliation_events WHERE record_id = ? AND (action = 'auto_reconciled' OR action = 'approved') ORDER BY id DESC LIMIT 1")
        .pluck()
        .get(record.id) as string;
      const before = JSON.parse(step) as ReconciliationState;
      db.prepare(
        `UPDATE consumption_records SET adjustment_amount_micros = ?, adjustment_buy_micros = ?, review_status = ?, compensation_item_uuid = ?,
           is_reconciled = ?, reconciled_at = ?, updated_at = ? WHERE id = ?`,
      ).run(before.adjustment_amount_micros, before.adjustment_buy_micros, before.review_status, before.compensation_item_uuid, before.is_reconciled, before.reconciled_at, now, record.id);
      let itemId: number | null = null;
      if (record.compensation_item_uuid !== null) {
        itemId = db.prepare('SELECT id FROM compensation_items WHERE uuid = ?').pluck().get(record.compensation_item_uuid) as number;
        db.prepare('UPDATE compensation_items SET reversed_at = ?, reversal_reason = ? WHERE id = ?').run(now, input.reason, itemId);
      }
      new ReconciliationWriter(db, actor, now).event(record, 'reversed', record.adjustment_amount_micros === null ? null : BigInt(record.adjustment_amount_micros), itemId, input.reason);
      return { records: [record.uuid], compensation_items_created: 0 };
    })
    .immediate();
}
