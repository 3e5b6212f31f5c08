import type { BatchRecordResult, BatchResponse, ImportEntity, ImportOperation, OnError, RejectedBatchDetail, RejectedRecordResult } from '../../shared/contract/imports';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { startImportBatch, type BatchSummary, type WriteResult } from './records/import-batch';
import type { RowOutcome } from './records/outcome';

export interface RecordBatchInput {
  orgId: string;
  operation: ImportOperation;
  onError: OnError;
  records: readonly object[];
}

/** One outcome as the seed's per-record status. */
export function toRecordResult(o: RowOutcome): BatchRecordResult {
  const result: BatchRecordResult = { index: o.rowNumber, status: o.outcome, external_id: o.externalId };
  if (o.outcome === 'skipped_duplicate') result.existing_id = o.id!;
  else if (o.id !== null) result[o.outcome === 'blocked_locked_period' ? 'existing_id' : 'id'] = o.id;
  if (o.changes) result.changes = o.changes;
  if (o.sameAsRow !== undefined) result.same_as_index = o.sameAsRow;
  if (o.message !== undefined) {
    if (o.outcome === 'skipped_duplicate') result.message = o.message;
    else result.error = { field: o.column ?? '', message: o.message };
  }
  return result;
}

/**
 * One outcome of a rejected batch: what it would have been. created -> would_create with
 * no id, updated -> would_update; an id only for a record in the workspace (below the
 * first id the rolled-back batch gave a new record).
 */
export function toRejectedResult(o: RowOutcome, createdFirstId: number | null): RejectedRecordResult {
  const { id, status, ...rest } = toRecordResult(o);
  const inWorkspace = (n: number | undefined) => n !== undefined && (createdFirstId === null || n < createdFirstId);
  const result: RejectedRecordResult = { ...rest, status: status === 'created' ? 'would_create' : status === 'updated' ? 'would_update' : status };
  delete result.existing_id;
  const existing = status === 'created' ? undefined : (id ?? rest.existing_id);
  if (inWorkspace(existing)) result.existing_id = existing;
  return result;
}

/**
 * A batch API call (at most 100 records, checked by the contract) through the same
 * writer as file imports: one transaction, one batch row. skip: valid records land and
 * each record gets its status. reject: any refused record fails the call with 400 and
 * nothing is written or recorded (the caller has the reasons in the error).
 */
export function runRecordBatch(db: Database.Database, entity: ImportEntity, input: RecordBatchInput): BatchResponse {
  const batch = startImportBatch(db, { orgId: input.orgId, entity, source: 'api', operation: input.operation, keepRejected: false });
  let written: WriteResult;
  let summary: BatchSummary;
  try {
    written = batch.write(input.records.map((record, index) => ({ rowNumber: index, record })));
    summary = batch.finish({ onError: input.onError });
  } catch (error) {
    batch.abort();
    throw error;
  }
  if (summary.status === 'rejected') throw rejectedFailure(written.rows);
  const data = written.rows.map(toRecordResult);
  return {
    data,
    meta: {
      total: summary.totalRows,
      ...summary.counts,
      batch_id: summary.batchId,
      batch_status: summary.status,
      rows_written: summary.rowsWritten,
      amount_written: summary.amountWritten,
    },
  };
}

export function rejectedFailure(rows: RowOutcome[]): ApiFailure {
  let createdFirstId: number | null = null;
  for (const o of rows) if (o.outcome === 'created' && o.id !== null && (createdFirstId === null || o.id < createdFirstId)) createdFirstId = o.id;
  const results = rows.map((o) => toRejectedResult(o, createdFirstId));
  const refused = results.filter((r) => r.status === 'error' || r.status === 'blocked_locked_period');
  const issues = refused.map((r) => ({ field: `records.${r.index}${r.error?.field ? '.' + r.error.field : ''}`, message: r.error?.message ?? r.status }));
  const detail: RejectedBatchDetail = { issues, results };
  return new ApiFailure(
    'validation_error',
    'batch_rejected',
    `The batch was rejected (onError: reject) and nothing was written: ${refused.length} of ${results.length} records were refused`,
    detail,
  );
}
