import type { CurrencyAmount, ImportEntity, ImportOperation, ImportSource, OnError, OutcomeCounts } from '../../../shared/contract/imports';
import { ApiFailure } from '../../api/failure';
import type { Database } from '../../db/driver';
import { assertOrg } from '../../orgs/assert-org';
import { billingWriter } from './billing-writer';
import { consumptionWriter } from './consumption-writer';
import { usageWriter } from './usage-writer';
import { commitmentWriter } from './commitment-writer';
import { showbackUsageWriter } from './showback-usage-writer';
import { DeferredIndexes } from './deferred-indexes';
import type { EntityWriter, WriterContext } from './entity-writer';
import { FieldProblem } from './field-problem';
import type { RawRecord } from './field-readers';
import { totalOf, type RowOutcome } from './outcome';
import { OutcomeRecorder, WORKSPACE_REFUSED } from './outcome-recorder';
import { payeeWriter } from './payee-writer';
import { PeriodLocks } from './period-locks';
import { orgTimeZone } from '../../orgs/org-time-zone';
import { productWriter } from './product-writer';
import { recordRejectedBatch } from './rejected-batch';
import { revenueWriter } from './revenue-writer';
import { RowClaims } from './row-claims';
import type { SameFileShortcut } from './same-file-shortcut';
import { SameRecordRows } from './same-record-rows';
import { earlierImportsOfFile, ENTITY_TABLES, isShowbackEntity, latestImportOfFile, SameFileRecords } from './same-file-records';

export interface ImportBatchMeta {
  orgId: string;
  entity: ImportEntity;
  source: ImportSource;
  operation: ImportOperation;
  fileName?: string | null;
  fileSize?: number | null;
  /** SHA-256 of the file, lowercase hex: re-importing the same file is recognised by it. */
  sha256?: string | null;
  profile?: string | null;
  /** A file batch: SHA-256 of the mapping it reads the file with (see same-file-shortcut.ts). */
  mappingSha256?: string | null;
  /** After a rejection, record the batch and its refused rows so they can be shown (default true). */
  keepRejected?: boolean;
  /** A file batch: field -> the file's column feeding it, so a row's message names the column as the file calls it. */
  columnOfField?: ReadonlyMap<string, string>;
  /**
   * Run inside the caller's open transaction (a SAVEPOINT instead of BEGIN IMMEDIATE):
   * a sync writes several entities of one source and rolls them all back together.
   */
  nested?: boolean;
}

export interface RecordAtRow {
  /** The row in the source (a file's row number, a batch call's index); unique in the batch. */
  rowNumber: number;
  /** Field name -> value, as in the entity's record input (strings from a file are fine). */
  record: unknown;
}

export interface WriteOptions {
  /** 'all' (default): one outcome per record. 'problems': only error and blocked rows, for large files. */
  rows?: 'all' | 'problems';
}

export interface WriteResult {
  /** The outcomes of this call's records, in order (see WriteOptions). */
  rows: RowOutcome[];
  /** Running totals of the whole batch. */
  counts: OutcomeCounts;
  /** Running totals: rows naming a record an earlier row named (SameRecordRows), skipped as identical or refused. */
  sameRecord: SameRecordCounts;
  /** Running control totals of the whole batch: what a commit now would have written, amounts per currency. */
  rowsWritten: number;
  amountWritten: CurrencyAmount[];
}

export interface SameRecordCounts {
  identical: number;
  different: number;
}

export interface BatchSummary {
  /** The batch row: committed, or rejected and kept; null for a rejected batch not kept. */
  batchId: number | null;
  status: 'committed' | 'rejected';
  totalRows: number;
  counts: OutcomeCounts;
  sameRecord: SameRecordCounts;
  /** Committed: the records created or updated, and the amounts they hold per currency. Rejected: 0 and []. */
  rowsWritten: number;
  amountWritten: CurrencyAmount[];
  /** The newest earlier committed import of the same file, if any. */
  sameFileBatchId: number | null;
}

export interface ImportBatch {
  readonly batchId: number;
  readonly sameFileBatchId: number | null;
  write(records: Iterable<RecordAtRow>, options?: WriteOptions): WriteResult;
  /** A row the parser or the column mapping already refused. */
  fail(rowNumber: number, column: string | null, message: string, externalId?: string | null, field?: string | null): RowOutcome;
  /** Every row of the file is a duplicate of what an earlier batch created from it (see findSameFileShortcut). */
  skipSameFile(shortcut: SameFileShortcut): void;
  /** reject: any error or blocked row rolls everything back. skip: the valid rows commit. */
  finish(options: { onError: OnError }): BatchSummary;
  /** Cancel: roll back and record nothing. */
  abort(): void;
}

const WRITERS: Record<ImportEntity, (ctx: WriterContext) => EntityWriter> = {
  revenues: revenueWriter,
  payees: payeeWriter,
  products: productWriter,
  billing: billingWriter,
  consumption: consumptionWriter,
  usage: usageWriter,
  commitments: commitmentWriter,
  showback_usage: showbackUsageWriter,
};

/**
 * Open one import: BEGIN IMMEDIATE now, COMMIT or ROLLBACK in finish(). Everything the
 * batch writes is in that one transaction, so a crash or kill before finish() leaves the
 * workspace exactly as it was. Callers must not run other writes on this connection
 * until finish() or abort().
 */
export function startImportBatch(db: Database.Database, meta: ImportBatchMeta): ImportBatch {
  if (meta.nested) return startNestedBatch(db, meta);
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  assertOrg(db, meta.orgId);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new ApiFailure('conflict', 'workspace_busy', 'The workspace is being written by another program; try again when it is done.');
    }
    throw error;
  }
  try {
    return openBatch(db, meta);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

const SAVEPOINT = 'import_batch';

function startNestedBatch(db: Database.Database, meta: ImportBatchMeta): ImportBatch {
  if (!db.inTransaction) throw new Error('A nested import batch needs its caller\'s open transaction');
  assertOrg(db, meta.orgId);
  db.exec(`SAVEPOINT ${SAVEPOINT}`);
  try {
    return openBatch(db, meta);
  } catch (error) {
    db.exec(`ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}`);
    throw error;
  }
}

function openBatch(db: Database.Database, meta: ImportBatchMeta): ImportBatch {
  const now = new Date().toISOString().slice(0, 19) + 'Z';
  const sha256 = meta.sha256?.toLowerCase() ?? null;
  const sameFileBatchId = latestImportOfFile(db, meta.orgId, meta.entity, sha256);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO import_batches (org_id, entity, source, file_name, file_size, file_sha256, mapping_sha256, profile, operation, on_error, status, same_file_batch_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'skip', 'committed', ?, ?)`,
    )
    .run(meta.orgId, meta.entity, meta.source, meta.fileName ?? null, meta.fileSize ?? null, sha256, meta.mappingSha256 ?? null, meta.profile ?? null, meta.operation, sameFileBatchId, now);
  const batchId = Number(lastInsertRowid);
  const outcomes = new OutcomeRecorder(db, batchId, meta.columnOfField);
  const locks = new PeriodLocks(db, meta.orgId);
  const writer = WRITERS[meta.entity]({
    db,
    orgId: meta.orgId,
    timeZone: orgTimeZone(db, meta.orgId),
    batchId,
    operation: meta.operation,
    now,
    locks,
    outcomes,
    // Billing, consumption, usage and showback rows always carry their match key, so they never need the same-file lookup.
    sameFile: meta.entity === 'billing' || meta.entity === 'consumption' || meta.entity === 'usage' || isShowbackEntity(meta.entity) ? SameFileRecords.none(db) : new SameFileRecords(db, meta.entity, earlierImportsOfFile(db, meta.orgId, meta.entity, sha256)),
    sameRecord: new SameRecordRows(batchId, meta.source, outcomes),
  });
  const claims = new RowClaims();
  const indexes = new DeferredIndexes(db, ENTITY_TABLES[meta.entity]);
  let state: 'open' | 'finished' | 'failed' = 'open';

  function assertOpen(): void {
    if (state !== 'open') throw new Error(`Import batch ${batchId} is ${state === 'finished' ? 'already finished' : 'rolled back after a failure'}`);
  }

  function rollback(): void {
    state = 'failed';
    if (meta.nested) db.exec(`ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}`);
    else if (db.inTransaction) db.exec('ROLLBACK');
  }

  function writeOne(rowNumber: number, record: unknown): void {
    claims.claim(rowNumber);
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      writer.flush?.();
      return outcomes.error(rowNumber, null, 'the record is not an object of fields', null);
    }
    try {
      writer.write(rowNumber, record as RawRecord);
    } catch (error) {
      // Rows the writer holds back come before this one.
      writer.flush?.();
      if (error instanceof FieldProblem) {
        const column = error.field ? outcomes.fileColumn(error.field) : null;
        return outcomes.error(rowNumber, column, messageOf(error, outcomes), writer.keyOf(record as RawRecord), error.field || null);
      }
      // A constraint the checks above missed fails only its own statement: the row is refused.
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
      outcomes.error(rowNumber, null, WORKSPACE_REFUSED, writer.keyOf(record as RawRecord), null, (error as Error).message);
    }
  }

  return {
    batchId,
    sameFileBatchId,
    write(records, options = {}) {
      assertOpen();
      outcomes.collected = [];
      outcomes.collectAll = options.rows !== 'problems';
      try {
        for (const { rowNumber, record } of records) writeOne(rowNumber, record);
        writer.flush?.();
        indexes.consider(outcomes.counts.created);
      } catch (error) {
        rollback();
        throw error;
      }
      return {
        rows: outcomes.collected,
        counts: { ...outcomes.counts },
        sameRecord: { ...outcomes.sameRecord },
        rowsWritten: outcomes.rowsWritten,
        amountWritten: outcomes.amounts.list(),
      };
    },
    skipSameFile(shortcut) {
      assertOpen();
      try {
        claims.claimRun(shortcut.firstRow, shortcut.rows);
        outcomes.duplicateRun(shortcut.firstRow, shortcut.firstId, shortcut.rows, shortcut.firstExternalId);
      } catch (error) {
        rollback();
        throw error;
      }
    },
    fail(rowNumber, column, message, externalId = null, field = null) {
      assertOpen();
      outcomes.collected = [];
      try {
        claims.claim(rowNumber);
        writer.flush?.();
        outcomes.error(rowNumber, column, message, externalId, field);
      } catch (error) {
        rollback();
        throw error;
      }
      return outcomes.collected[0];
    },
    finish({ onError }) {
      assertOpen();
      const counts = { ...outcomes.counts };
      const sameRecord = { ...outcomes.sameRecord };
      const totalRows = totalOf(counts);
      try {
        outcomes.flush();
        if (onError === 'reject' && counts.error + counts.blocked_locked_period > 0) {
          rollback();
          state = 'finished';
          const keptId =
            meta.keepRejected === false
              ? null
              : recordRejectedBatch(db, { ...meta, sha256, now, sameFileBatchId, counts, totalRows, createdFirstId: outcomes.createdFirstId }, outcomes.problems);
          return summary(keptId, 'rejected', counts, sameRecord, totalRows, 0, [], sameFileBatchId);
        }
        indexes.rebuild();
        db.prepare(
          `UPDATE import_batches SET on_error = ?, total_rows = ?, created_count = ?, updated_count = ?, unchanged_count = ?, skipped_duplicate_count = ?,
             blocked_locked_period_count = ?, error_count = ?, rows_written = ?, created_first_id = ?, created_last_id = ?
           WHERE id = ?`,
        ).run(
          onError,
          totalRows,
          counts.created,
          counts.updated,
          counts.unchanged,
          counts.skipped_duplicate,
          counts.blocked_locked_period,
          counts.error,
          outcomes.rowsWritten,
          outcomes.createdFirstId,
          outcomes.createdLastId,
          batchId,
        );
        const insertTotal = db.prepare('INSERT INTO import_batch_totals (batch_id, currency, amount_micros) VALUES (?, ?, ?)');
        for (const { currency, micros } of outcomes.amounts.micros()) insertTotal.run(batchId, currency, micros);
        locks.openWrittenPeriods(batchId);
        writer.beforeCommit?.();
        db.exec(meta.nested ? `RELEASE ${SAVEPOINT}` : 'COMMIT');
        state = 'finished';
        return summary(batchId, 'committed', counts, sameRecord, totalRows, outcomes.rowsWritten, outcomes.amounts.list(), sameFileBatchId);
      } catch (error) {
        rollback();
        throw error;
      }
    },
    abort() {
      if (state === 'open') rollback();
    },
  };
}

/** "Reference Txn ID: no sale …" in a file (its own column name), "refund_of: no sale …" in a batch call. */
function messageOf(error: FieldProblem, outcomes: OutcomeRecorder): string {
  if (!error.field) return error.message;
  return `${outcomes.fileColumn(error.field)}: ${error.message}`;
}

function summary(
  batchId: number | null,
  status: BatchSummary['status'],
  counts: OutcomeCounts,
  sameRecord: SameRecordCounts,
  totalRows: number,
  rowsWritten: number,
  amountWritten: CurrencyAmount[],
  sameFileBatchId: number | null,
): BatchSummary {
  return { batchId, status, totalRows, counts, sameRecord, rowsWritten, amountWritten, sameFileBatchId };
}
