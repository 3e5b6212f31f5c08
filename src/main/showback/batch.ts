import type { BatchRecordResult, ImportOperation, OnError, OutcomeCounts, RejectedRecordResult } from '../../shared/contract/imports';
import type { ShowbackBatchResponse } from '../../shared/contract/showback';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { RecordProblem, type Raw } from './record-readers';

export interface ShowbackBatchInput {
  orgId: string;
  operation: ImportOperation;
  onError: OnError;
  records: readonly object[];
}

/**
 * Applies one record: checks every field first and writes only once all are good, so a
 * refused record (a thrown RecordProblem) leaves nothing behind. `seen` holds the keys of
 * the call's earlier records (index by key).
 */
export type RecordApplier = (index: number, raw: Raw, seen: Map<string, number>) => BatchRecordResult;

/**
 * A showback batch call: one transaction. skip: each record lands or fails alone with its
 * status; reject: any refused record fails the whole call (400) and nothing is written.
 */
export function runShowbackBatch(db: Database.Database, input: ShowbackBatchInput, makeApplier: () => RecordApplier): ShowbackBatchResponse {
  assertOrg(db, input.orgId);
  return db.transaction(() => {
    const apply = makeApplier();
    const seen = new Map<string, number>();
    const data = input.records.map((record, index): BatchRecordResult => {
      try {
        return apply(index, record as Raw, seen);
      } catch (error) {
        if (error instanceof RecordProblem) return { index, status: 'error', external_id: externalIdOf(record as Raw), error: { field: error.field, message: error.message } };
        throw error;
      }
    });
    const refused = data.filter((r) => r.status === 'error' || r.status === 'blocked_locked_period');
    // Thrown inside the transaction: it rolls back whatever the good records wrote.
    if (input.onError === 'reject' && refused.length > 0) throw rejected(data, refused);
    const counts: OutcomeCounts = { created: 0, updated: 0, unchanged: 0, skipped_duplicate: 0, blocked_locked_period: 0, error: 0 };
    for (const r of data) counts[r.status]++;
    return { data, meta: { total: data.length, ...counts, batch_status: 'committed' as const } };
  })();
}

function externalIdOf(raw: Raw): string | null {
  return typeof raw.external_id === 'string' && raw.external_id.trim() !== '' ? raw.external_id.trim() : null;
}

function rejected(data: BatchRecordResult[], refused: BatchRecordResult[]): ApiFailure {
  const results: RejectedRecordResult[] = data.map(({ id, status, ...rest }) => ({
    ...rest,
    ...(status !== 'created' && id !== undefined && rest.existing_id === undefined ? { existing_id: id } : {}),
    status: status === 'created' ? 'would_create' : status === 'updated' ? 'would_update' : status,
  }));
  const issues = refused.map((r) => ({ field: `records.${r.index}${r.error?.field ? '.' + r.error.field : ''}`, message: r.error?.message ?? r.status }));
  return new ApiFailure(
    'validation_error',
    'batch_rejected',
    `The batch was rejected (onError: reject) and nothing was written: ${refused.length} of ${data.length} records were refused`,
    { issues, results },
  );
}

/** Months YYYY-MM from `first` through `last` (both YYYY-MM-DD or YYYY-MM), in order. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.slice(0, 7).split('-').map(Number);
  const end = last.slice(0, 7);
  for (;;) {
    const m = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (m > end) return months;
    months.push(m);
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
  }
}

/** The org's finalized months. */
export function finalizedMonths(db: Database.Database, orgId: string): Set<string> {
  return new Set(db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized'").pluck().all(orgId) as string[]);
}
