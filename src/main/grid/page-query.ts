import type { FilterModel, SortModel } from '../../shared/contract/grid';
import type { Database } from '../db/driver';
import type { ColumnMap } from './columns';
import { rememberedCount } from './count-memo';
import { compileView } from './sql';

export interface PageQuery {
  /** `SELECT ...` list of a page's rows: fixed SQL from code. */
  select: string;
  /** The grid's main table with its alias, e.g. "revenues r". */
  base: string;
  /** The main table's key, e.g. "r.id": the last ORDER BY term, so pages never overlap. */
  key: string;
  /** Joined tables by alias, e.g. { p: 'LEFT JOIN payees p ON p.id = r.payee_id' }. */
  joins?: Readonly<Record<string, string>>;
  /** Conditions every row of this grid meets (its org, its period), with their parameters. */
  scope: Array<{ sql: string; params: unknown[] }>;
  columns: ColumnMap;
  /** The clock date filters read days on (the org's time zone); default UTC. */
  timeZone?: string;
}

export interface PageRequest {
  sortModel: SortModel;
  filterModel: FilterModel;
  startRow: number;
  endRow: number;
}

/** FROM with every join: what a page's or an export's columns need. */
export function fullFrom(query: Pick<PageQuery, 'base' | 'joins'>): string {
  return `FROM ${query.base} ${Object.values(query.joins ?? {}).join(' ')}`;
}

/**
 * FROM with only the joins the given SQL refers to. Every join is a LEFT JOIN on a key,
 * so leaving an unused one out changes no count and saves a lookup per row.
 */
export function neededFrom(query: Pick<PageQuery, 'base' | 'joins'>, sql: string): string {
  const joins = Object.entries(query.joins ?? {}).filter(([alias]) => new RegExp(`\\b${alias}\\.`).test(sql));
  return `FROM ${query.base} ${joins.map(([, join]) => join).join(' ')}`;
}

/** WHERE and ORDER BY of a grid view: its scope, then the user's filters as bound parameters. */
export function compileScopedView(query: Pick<PageQuery, 'scope' | 'columns' | 'key' | 'timeZone'>, view: { sortModel: SortModel; filterModel: FilterModel }) {
  const compiled = compileView(query.columns, view, query.key, 'ASC', query.timeZone);
  const where = [...query.scope.map((s) => s.sql), ...compiled.where];
  const params = [...query.scope.flatMap((s) => s.params), ...compiled.params];
  return { where: where.length ? where.join(' AND ') : '1', params, orderBy: compiled.orderBy, reverseOrderBy: compiled.reverseOrderBy };
}

/**
 * One page of a grid and the number of rows its view matches. The page's keys are found
 * first on the indexes alone (a deep OFFSET skips index entries, not joined rows), then
 * only those rows are read with their joins. The count is kept until the next write
 * (count-memo.ts): the next blocks of the same view do not count again.
 */
export function queryPage<Row>(db: Database.Database, query: PageQuery, view: PageRequest): { rows: Row[]; rowCount: number } {
  // One read transaction: the count and the page see the same rows (a page from the far end relies on it).
  return db.transaction(() => pageAndCount<Row>(db, query, view))();
}

function pageAndCount<Row>(db: Database.Database, query: PageQuery, view: PageRequest): { rows: Row[]; rowCount: number } {
  const { where, params, orderBy, reverseOrderBy } = compileScopedView(query, view);
  const countSql = `SELECT count(*) ${neededFrom(query, where)} WHERE ${where}`;
  const rowCount = rememberedCount(db, countSql, params, () => db.prepare(countSql).pluck().get(...params) as number);
  // OFFSET walks index entries one by one: a page past the middle is read from the far end
  // in the reversed order, then put back in order, so no page walks more than half the rows.
  const endRow = Math.min(view.endRow, rowCount);
  const fromEnd = view.startRow > rowCount / 2 && endRow > view.startRow;
  const order = fromEnd ? reverseOrderBy : orderBy;
  const limit = fromEnd ? endRow - view.startRow : view.endRow - view.startRow;
  const offset = fromEnd ? rowCount - endRow : view.startRow;
  const keys = `SELECT ${query.key} AS page_key ${neededFrom(query, where + ' ' + order)} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`;
  const rows = db
    .prepare(`${query.select} FROM (${keys}) AS page CROSS JOIN ${query.base} ${Object.values(query.joins ?? {}).join(' ')} WHERE ${query.key} = page.page_key ORDER BY ${order}`)
    .all(...params, limit, offset) as Row[];
  return { rows: fromEnd ? rows.reverse() : rows, rowCount };
}
