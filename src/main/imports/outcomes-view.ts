import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import { OUTCOMES, type ImportEntity, type OutcomeColumn, type OutcomeRow } from '../../shared/contract/imports';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { compileView } from '../grid/sql';
import { ENTITY_TABLES, entityKeySql } from './records/same-file-records';

/** The outcomes grid's allowlist: column id -> a column of the view `v` below. */
export const OUTCOME_GRID_COLUMNS: Readonly<Record<OutcomeColumn, GridColumn>> = {
  rowNumber: { sql: 'v.row_number', kind: 'number' },
  outcome: { sql: 'v.outcome', kind: 'set', values: OUTCOMES },
  recordId: { sql: 'v.record_id', kind: 'number' },
  matchingId: { sql: 'v.matching_id', kind: 'number' },
  externalId: { sql: 'v.external_id', kind: 'text' },
  changes: { sql: 'v.changes', kind: 'text' },
  column: { sql: 'v.column_name', kind: 'text' },
  message: { sql: 'v.message', kind: 'text' },
  details: { sql: 'v.details', kind: 'text' },
};

export interface OutcomeView {
  batchId: number;
  sortModel: SortModel;
  filterModel: FilterModel;
}

/**
 * Every row's outcome as one view: stored outcome rows, runs expanded row by row, and
 * created rows read from the records themselves (by the batch's rowid range). Table
 * names and key expressions come from fixed maps; the batch and filters are bound.
 */
function outcomesSql(entity: ImportEntity): string {
  const table = ENTITY_TABLES[entity];
  const key = entityKeySql(entity, 't');
  const split = (id: string) =>
    `CASE WHEN ${id}.outcome = 'skipped_duplicate' THEN NULL ELSE ${id}.record_id END AS record_id,
     CASE WHEN ${id}.outcome = 'skipped_duplicate' THEN ${id}.record_id END AS matching_id`;
  return `
    WITH RECURSIVE run_rows(row_number, outcome, record_id, remaining) AS (
      SELECT row_number, outcome, record_id, run_length - 1 FROM import_outcomes WHERE batch_id = @batch AND run_length > 1
      UNION ALL
      SELECT row_number + 1, outcome, record_id + 1, remaining - 1 FROM run_rows WHERE remaining > 0
    ),
    v AS (
      SELECT o.row_number, o.outcome, ${split('o')}, coalesce(o.external_id, ${key}) AS external_id,
             o.changes, o.column_name, o.message, o.details
      FROM import_outcomes o LEFT JOIN ${table} t ON t.id = o.record_id
      WHERE o.batch_id = @batch AND o.run_length = 1
      UNION ALL
      SELECT r.row_number, r.outcome, ${split('r')}, ${key}, NULL, NULL, NULL, NULL
      FROM run_rows r LEFT JOIN ${table} t ON t.id = r.record_id
      UNION ALL
      SELECT t.source_row, 'created', t.id, NULL, ${key}, NULL, NULL, NULL, NULL
      FROM ${table} t WHERE t.id BETWEEN @first AND @last AND t.batch_id = @batch
    )`;
}

interface BatchScope {
  entity: ImportEntity;
  first: number;
  last: number;
  /** Rows in the unfiltered view, when known without counting: every row of a batch that was not rejected. */
  knownRowCount: number | null;
}

function scopeOf(db: Database.Database, batchId: number): BatchScope {
  const batch = db
    .prepare('SELECT entity, created_first_id AS first, created_last_id AS last, status, total_rows AS total FROM import_batches WHERE id = ?')
    .get(batchId) as { entity: ImportEntity; first: number | null; last: number | null; status: string; total: number } | undefined;
  if (!batch) throw notFound('batch_not_found', `There is no import batch ${batchId}`, { batchId });
  // A rejected batch keeps only its refused rows, so its view is counted.
  const knownRowCount = batch.status === 'rejected' ? null : batch.total;
  return { entity: batch.entity, first: batch.first ?? 0, last: batch.last ?? -1, knownRowCount };
}

/** The view's SELECT for some columns, with its bound parameters. */
export function compileOutcomeView(db: Database.Database, view: OutcomeView, select: string) {
  const scope = scopeOf(db, view.batchId);
  const compiled = compileView(OUTCOME_GRID_COLUMNS, view, 'v.row_number');
  const where = compiled.where.length ? compiled.where.join(' AND ') : '1';
  return {
    sql: `${outcomesSql(scope.entity)} SELECT ${select} FROM v WHERE ${where}`,
    orderBy: compiled.orderBy,
    params: compiled.params,
    named: { batch: view.batchId, first: scope.first, last: scope.last },
    rowCount: compiled.where.length === 0 ? scope.knownRowCount : null,
  };
}

const ROW_SELECT = 'v.row_number, v.outcome, v.record_id, v.matching_id, v.external_id, v.changes, v.column_name, v.message, v.details';

type StoredOutcome = [number, OutcomeRow['outcome'], number | null, number | null, string | null, string | null, string | null, string | null, string | null];

export function toOutcomeRow(r: StoredOutcome): OutcomeRow {
  return { rowNumber: r[0], outcome: r[1], recordId: r[2], matchingId: r[3], externalId: r[4], changes: r[5], column: r[6], message: r[7], details: r[8] };
}

/** One grid page of a batch's outcomes, by row number unless sorted otherwise. */
export function listOutcomes(db: Database.Database, view: OutcomeView & { startRow: number; endRow: number }): Page<OutcomeRow> {
  const { sql, orderBy, params, named, rowCount: known } = compileOutcomeView(db, view, ROW_SELECT);
  const rows = db
    .prepare(`${sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
    .raw(true)
    .all(...params, view.endRow - view.startRow, view.startRow, named) as StoredOutcome[];
  let rowCount = known;
  if (rowCount === null) {
    const count = compileOutcomeView(db, view, 'count(*)');
    rowCount = db.prepare(count.sql).pluck().get(...count.params, count.named) as number;
  }
  return { rows: rows.map(toOutcomeRow), rowCount };
}

export { ROW_SELECT as OUTCOME_ROW_SELECT };
export type { StoredOutcome };
