import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import {
  BATCH_STATUSES,
  IMPORT_ENTITIES,
  IMPORT_OPERATIONS,
  IMPORT_SOURCES,
  ON_ERROR_CHOICES,
  type CurrencyAmount,
  type ImportBatchColumn,
  type ImportBatchRow,
} from '../../shared/contract/imports';
import { microsToDecimal } from '../../shared/money';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { compileView } from '../grid/sql';
import { assertOrg } from '../orgs/assert-org';
import { orgAndDescendants } from '../orgs/org-subtree';

/**
 * The batches grid's allowlist: column id -> fixed SQL. amountWritten is a list of totals,
 * one per currency, so it is neither sorted nor filtered: amounts in different currencies
 * do not compare.
 */
const BATCH_GRID_COLUMNS: Readonly<Record<Exclude<ImportBatchColumn, 'amountWritten'>, GridColumn>> = {
  id: { sql: 'b.id', kind: 'number' },
  orgId: { sql: 'b.org_id', kind: 'text' },
  entity: { sql: 'b.entity', kind: 'set', values: IMPORT_ENTITIES },
  source: { sql: 'b.source', kind: 'set', values: IMPORT_SOURCES },
  fileName: { sql: 'b.file_name', kind: 'text' },
  fileSize: { sql: 'b.file_size', kind: 'number' },
  sha256: { sql: 'b.file_sha256', kind: 'text' },
  profile: { sql: 'b.profile', kind: 'text' },
  operation: { sql: 'b.operation', kind: 'set', values: IMPORT_OPERATIONS },
  onError: { sql: 'b.on_error', kind: 'set', values: ON_ERROR_CHOICES },
  status: { sql: 'b.status', kind: 'set', values: BATCH_STATUSES },
  sameFileBatchId: { sql: 'b.same_file_batch_id', kind: 'number' },
  totalRows: { sql: 'b.total_rows', kind: 'number' },
  created: { sql: 'b.created_count', kind: 'number' },
  updated: { sql: 'b.updated_count', kind: 'number' },
  unchanged: { sql: 'b.unchanged_count', kind: 'number' },
  skippedDuplicate: { sql: 'b.skipped_duplicate_count', kind: 'number' },
  blockedLockedPeriod: { sql: 'b.blocked_locked_period_count', kind: 'number' },
  error: { sql: 'b.error_count', kind: 'number' },
  rowsWritten: { sql: 'b.rows_written', kind: 'number' },
  createdAt: { sql: 'b.created_at', kind: 'date' },
  undoneAt: { sql: 'b.undone_at', kind: 'date' },
};

const BATCH_SELECT = `
  SELECT b.id, b.org_id AS orgId, b.entity, b.source, b.file_name AS fileName, b.file_size AS fileSize, b.file_sha256 AS sha256,
         b.profile, b.operation, b.on_error AS onError, b.status, b.same_file_batch_id AS sameFileBatchId, b.total_rows AS totalRows,
         b.created_count AS created, b.updated_count AS updated, b.unchanged_count AS unchanged,
         b.skipped_duplicate_count AS skippedDuplicate, b.blocked_locked_period_count AS blockedLockedPeriod, b.error_count AS error,
         b.rows_written AS rowsWritten, b.created_at AS createdAt, b.undone_at AS undoneAt
  FROM import_batches b`;

type StoredBatch = Omit<ImportBatchRow, 'amountWritten'>;

/** The batches' control totals per currency, sorted by currency; sums read as BigInt, so exact. */
function totalsOf(db: Database.Database, batchIds: number[]): Map<number, CurrencyAmount[]> {
  const totals = new Map<number, CurrencyAmount[]>(batchIds.map((id) => [id, []]));
  if (batchIds.length === 0) return totals;
  const rows = db
    .prepare('SELECT batch_id, currency, amount_micros FROM import_batch_totals WHERE batch_id IN (SELECT value FROM json_each(?)) ORDER BY batch_id, currency')
    .raw(true)
    .safeIntegers(true)
    .all(JSON.stringify(batchIds)) as Array<[bigint, string, bigint]>;
  for (const [batchId, currency, micros] of rows) totals.get(Number(batchId))!.push({ currency, amount: microsToDecimal(micros) });
  return totals;
}

function toBatchRows(db: Database.Database, rows: StoredBatch[]): ImportBatchRow[] {
  const numbers = rows.map(
    (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as unknown as StoredBatch,
  );
  const totals = totalsOf(
    db,
    numbers.map((row) => row.id),
  );
  return numbers.map((row) => ({ ...row, amountWritten: totals.get(row.id)! }));
}

export interface BatchView {
  orgId: string | null;
  /** The org's batches with those of every org below it (a parent's consolidated view). */
  includeChildren?: boolean;
  /** The batches that wrote rows into this month (import_batch_periods); null: every batch. */
  period: string | null;
  sortModel: SortModel;
  filterModel: FilterModel;
  startRow: number;
  endRow: number;
}

/** One grid page of batches, newest first unless sorted otherwise. */
export function listBatches(db: Database.Database, view: BatchView): Page<ImportBatchRow> {
  if (view.orgId !== null) assertOrg(db, view.orgId);
  const compiled = compileView(BATCH_GRID_COLUMNS, view, 'b.id', 'DESC');
  const orgIds = view.orgId === null ? [] : view.includeChildren ? orgAndDescendants(db, view.orgId) : [view.orgId];
  const where = orgIds.length === 0 ? ['1'] : [`b.org_id IN (${orgIds.map(() => '?').join(', ')})`];
  const params: unknown[] = [...orgIds];
  if (view.period !== null) {
    where.push('b.id IN (SELECT batch_id FROM import_batch_periods WHERE period = ?)');
    params.push(view.period);
  }
  where.push(...compiled.where);
  params.push(...compiled.params);
  const condition = where.join(' AND ');
  const rows = db
    .prepare(`${BATCH_SELECT} WHERE ${condition} ORDER BY ${compiled.orderBy} LIMIT ? OFFSET ?`)
    .safeIntegers(true)
    .all(...params, view.endRow - view.startRow, view.startRow) as StoredBatch[];
  const rowCount = db.prepare(`SELECT count(*) FROM import_batches b WHERE ${condition}`).pluck().get(...params) as number;
  return { rows: toBatchRows(db, rows), rowCount };
}

export function getBatch(db: Database.Database, batchId: number): ImportBatchRow {
  const row = db.prepare(`${BATCH_SELECT} WHERE b.id = ?`).safeIntegers(true).get(batchId) as StoredBatch | undefined;
  if (!row) throw notFound('batch_not_found', `There is no import batch ${batchId}`, { batchId });
  return toBatchRows(db, [row])[0];
}
