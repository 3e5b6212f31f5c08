import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { monthInWords } from '../imports/records/period-locks';
import type { StoredRecord } from '../consumption/record-row';

/** "record 1b2c… (XSP12345 / vm-web-1 / 2026-10-01)": how a message names a record. */
export function recordName(r: Pick<StoredRecord, 'uuid' | 'license_reference' | 'resource_uuid' | 'resource_name' | 'billing_period'>): string {
  return `record ${r.uuid} (${r.license_reference} / ${r.resource_name ?? r.resource_uuid} / ${r.billing_period})`;
}

function refusal(code: string, field: string, record: StoredRecord, message: string, at?: string): ApiFailure {
  return new ApiFailure('conflict', code, `${recordName(record)}: ${message}`, { uuid: record.uuid, field, issues: [{ field: at ?? field, message }] });
}

/** A finalized (closed) month of the org: nothing in it is reconciled, held or reversed again. */
export function isMonthLocked(db: Database.Database, orgId: string, period: string): boolean {
  return db.prepare("SELECT 1 FROM periods WHERE org_id = ? AND period = ? AND status = 'finalized'").get(orgId, period) !== undefined;
}

export function monthLockedFailure(orgId: string, period: string): ApiFailure {
  return new ApiFailure('conflict', 'period_finalized', `${monthInWords(period)} is finalized (locked): a finalized month cannot be reconciled again`, {
    orgId,
    period,
    field: 'period',
    issues: [{ field: 'period', message: 'the month is finalized' }],
  });
}

/** A record a review step may act on: final amounts in, not reconciled, its month open. `at`: the input field naming it. */
export function assertReviewable(db: Database.Database, record: StoredRecord, at: string): void {
  if (record.is_finalized === 0) {
    throw refusal('not_finalized', 'is_finalized', record, 'has no final amount yet (is_finalized is false), so it cannot be reconciled', at);
  }
  if (record.is_reconciled === 1) {
    throw refusal('already_reconciled', 'is_reconciled', record, `is already reconciled (at ${record.reconciled_at}); reverse it first to review it again`, at);
  }
  assertMonthOpen(db, record, at);
}

export function assertMonthOpen(db: Database.Database, record: StoredRecord, at: string): void {
  const period = record.billing_period.slice(0, 7);
  if (isMonthLocked(db, record.org_id, period)) {
    throw refusal('period_finalized', 'billing_period', record, `${monthInWords(period)} is finalized (locked): a finalized month cannot be reconciled again`, at);
  }
}
