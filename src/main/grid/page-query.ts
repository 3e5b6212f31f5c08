import type { FilterModel, SortModel } from '../../shared/contract/grid';
import type { Database } from '../db/driver';
import type { ColumnMap } from './columns';
import { compileView } from './sql';

export interface PageQuery {
  /** `SELECT ...` list and `FROM ...` clause: fixed SQL from code. */
  select: string;
  from: string;
  /** Conditions every row of this grid meets (its org, its period), with their parameters. */
  scope: Array<{ sql: string; params: unknown[] }>;
  columns: ColumnMap;
  /** Last ORDER BY term, so pages never overlap when sort values tie. */
  tiebreak: string;
}

export interface PageRequest {
  sortModel: SortModel;
  filterModel: FilterModel;
  startRow: number;
  endRow: number;
}

/** WHERE and ORDER BY of a grid view: its scope, then the user's filters as bound parameters. */
export function compileScopedView(query: Omit<PageQuery, 'select' | 'from'>, view: { sortModel: SortModel; filterModel: FilterModel }) {
  const compiled = compileView(query.columns, view, query.tiebreak);
  const where = [...query.scope.map((s) => s.sql), ...compiled.where];
  const params = [...query.scope.flatMap((s) => s.params), ...compiled.params];
  return { where: where.length ? where.join(' AND ') : '1', params, orderBy: compiled.orderBy };
}

/** One page of a grid and the number of rows its view matches. */
export function queryPage<Row>(db: Database.Database, query: PageQuery, view: PageRequest): { rows: Row[]; rowCount: number } {
  const { where, params, orderBy } = compileScopedView(query, view);
  const rows = db
    .prepare(`${query.select} ${query.from} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
    .all(...params, view.endRow - view.startRow, view.startRow) as Row[];
  const rowCount = db.prepare(`SELECT count(*) ${query.from} WHERE ${where}`).pluck().get(...params) as number;
  return { rows, rowCount };
}
