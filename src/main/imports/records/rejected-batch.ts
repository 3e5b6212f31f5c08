import type { OutcomeCounts } from '../../../shared/contract/imports';
import type { Database } from '../../db/driver';
import type { ImportBatchMeta } from './import-batch';
import type { RowOutcome } from './outcome';

/** The batch's own description, and what it came to. */
export interface RejectedBatchMeta extends Omit<ImportBatchMeta, 'sha256' | 'mappingSha256' | 'keepRejected'> {
  sha256: string | null;
  now: string;
  sameFileBatchId: number | null;
  /** What each row would have been; nothing was written. */
  counts: OutcomeCounts;
  totalRows: number;
  /** The first id the rolled-back batch gave a new record: that id and later ones were never written. */
  createdFirstId: number | null;
}

/**
 * After a rejected batch was rolled back: record the batch (status rejected, nothing
 * written) and its refused rows (and rows repeating an earlier row's record), in a small
 * transaction of their own, so the Imports screen can show why the file was rejected. A
 * row's record id is kept only when the record is in the workspace: a record the batch
 * would have created has no id. Returns the batch id.
 */
export function recordRejectedBatch(db: Database.Database, meta: RejectedBatchMeta, problems: readonly RowOutcome[]): number {
  const insertBatch = db.prepare(
    `INSERT INTO import_batches (org_id, entity, source, file_name, file_size, file_sha256, profile, operation, on_error, status, same_file_batch_id,
       total_rows, created_count, updated_count, unchanged_count, skipped_duplicate_count, blocked_locked_period_count, error_count, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'reject', 'rejected', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOutcome = db.prepare(
    'INSERT INTO import_outcomes (batch_id, row_number, outcome, record_id, external_id, column_name, message, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const c = meta.counts;
  return db.transaction(() => {
    const batchId = Number(
      insertBatch.run(
        meta.orgId,
        meta.entity,
        meta.source,
        meta.fileName ?? null,
        meta.fileSize ?? null,
        meta.sha256,
        meta.profile ?? null,
        meta.operation,
        meta.sameFileBatchId,
        meta.totalRows,
        c.created,
        c.updated,
        c.unchanged,
        c.skipped_duplicate,
        c.blocked_locked_period,
        c.error,
        meta.now,
      ).lastInsertRowid,
    );
    const phantom = (id: number | null) => id !== null && meta.createdFirstId !== null && id >= meta.createdFirstId;
    for (const p of problems) insertOutcome.run(batchId, p.rowNumber, p.outcome, phantom(p.id) ? null : p.id, p.externalId, p.column ?? null, p.message ?? null, p.detailsLine ?? null);
    return batchId;
  }).immediate();
}
