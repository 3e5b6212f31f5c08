import type { FilterModel, SortModel } from '../../shared/contract/grid';
import type { Database } from '../db/driver';
import type { ColumnMap } from './columns';
import { rememberedCount, rememberedGroups, rememberedOrder, type ViewGroup } from './view-memo';
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
  /**
   * A column that splits the rows into few groups and leads the orders an index gives
   * ('r.period' when a grid shows all periods): a deep page of such an order starts its
   * walk at its own group instead of the first row (see groupedPage).
   */
  groupedBy?: string;
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
  return { where: where.length ? where.join(' AND ') : '1', params, orderBy: compiled.orderBy, reverseOrderBy: compiled.reverseOrderBy, leading: compiled.leading };
}

/**
 * One page of a grid and the number of rows its view matches. The page's keys are found
 * first on the indexes alone (a deep OFFSET skips index entries, not joined rows), then
 * only those rows are read with their joins. What the next blocks of the same view would
 * compute again is kept until the next write (view-memo.ts): the count, and for a view
 * no index orders, all its keys in order.
 */
export function queryPage<Row>(db: Database.Database, query: PageQuery, view: PageRequest): { rows: Row[]; rowCount: number } {
  // One read transaction: the count and the page see the same rows (a page from the far end relies on it).
  return db.transaction(() => pageAndCount<Row>(db, query, view))();
}

function pageAndCount<Row>(db: Database.Database, query: PageQuery, view: PageRequest): { rows: Row[]; rowCount: number } {
  const compiled = compileScopedView(query, view);
  const { where, params, orderBy, reverseOrderBy } = compiled;
  const joins = Object.values(query.joins ?? {}).join(' ');
  const allKeys = `SELECT ${query.key} AS page_key ${neededFrom(query, where + ' ' + orderBy)} WHERE ${where} ORDER BY ${orderBy}`;
  if (sortsEveryRow(db, allKeys, params)) {
    // SQLite would sort every matching row for each page: sort once, then slice.
    const keys = rememberedOrder(db, allKeys, params, () => db.prepare(allKeys).pluck().all(...params));
    const rows = db
      .prepare(`${query.select} FROM (SELECT value AS page_key, key AS page_position FROM json_each(?)) AS page CROSS JOIN ${query.base} ${joins} WHERE ${query.key} = page.page_key ORDER BY page.page_position`)
      .all(JSON.stringify(keys.slice(view.startRow, view.endRow))) as Row[];
    return { rows, rowCount: keys.length };
  }
  if (query.groupedBy && compiled.leading.term === query.groupedBy) {
    const grouped = groupedPage<Row>(db, query, compiled, view);
    if (grouped) return grouped;
  }
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
    .prepare(`${query.select} FROM (${keys}) AS page CROSS JOIN ${query.base} ${joins} WHERE ${query.key} = page.page_key ORDER BY ${order}`)
    .all(...params, limit, offset) as Row[];
  return { rows: fromEnd ? rows.reverse() : rows, rowCount };
}

/**
 * A page of an order led by the query's group column (all periods by date: period, date,
 * id). OFFSET walks index entries one by one, so a page in the middle of a million rows
 * walked half a million. The rows per group are counted once (and kept until the next
 * write, like a count); a page then walks only within its group: forwards from its
 * first group's start (`period >= P` in the order), or backwards from its last group's
 * end, whichever walk is shorter. null when a group's value is NULL (no bound orders it).
 */
function groupedPage<Row>(
  db: Database.Database,
  query: PageQuery,
  compiled: ReturnType<typeof compileScopedView>,
  view: PageRequest,
): { rows: Row[]; rowCount: number } | null {
  const { where, params, orderBy, reverseOrderBy, leading } = compiled;
  const group = leading.term;
  const groupsSql = `SELECT ${group}, count(*) ${neededFrom(query, where + ' ' + group)} WHERE ${where} GROUP BY ${group} ORDER BY ${group} ${leading.direction}`;
  const groups = rememberedGroups(db, groupsSql, params, () =>
    (db.prepare(groupsSql).raw(true).all(...params) as Array<[unknown, number]>).map(([value, rows]) => ({ value, rows })),
  );
  if (groups.some((g) => g.value === null)) return null;
  const rowCount = groups.reduce((sum, g) => sum + g.rows, 0);
  const endRow = Math.min(view.endRow, rowCount);
  if (view.startRow >= endRow) return { rows: [], rowCount };
  const first = groupAt(groups, view.startRow);
  const last = groupAt(groups, endRow - 1);
  const forwardWalk = view.startRow - first.before;
  const backwardWalk = last.before + last.group.rows - endRow;
  const fromEnd = backwardWalk < forwardWalk;
  // Later groups come after in the order: ASC reads `>= first`, DESC `<= first`; backwards the other way from the last.
  const ascending = leading.direction === 'ASC';
  const bound = fromEnd ? `${group} ${ascending ? '<=' : '>='} ?` : `${group} ${ascending ? '>=' : '<='} ?`;
  const order = fromEnd ? reverseOrderBy : orderBy;
  const sqlWhere = `${where} AND ${bound}`;
  const joins = Object.values(query.joins ?? {}).join(' ');
  const keys = `SELECT ${query.key} AS page_key ${neededFrom(query, sqlWhere + ' ' + order)} WHERE ${sqlWhere} ORDER BY ${order} LIMIT ? OFFSET ?`;
  const rows = db
    .prepare(`${query.select} FROM (${keys}) AS page CROSS JOIN ${query.base} ${joins} WHERE ${query.key} = page.page_key ORDER BY ${order}`)
    .all(...params, (fromEnd ? last : first).group.value, endRow - view.startRow, fromEnd ? backwardWalk : forwardWalk) as Row[];
  return { rows: fromEnd ? rows.reverse() : rows, rowCount };
}

/** The group holding the row at `position` of the view, and how many rows come before the group. */
function groupAt(groups: readonly ViewGroup[], position: number): { group: ViewGroup; before: number } {
  let before = 0;
  for (const group of groups) {
    if (position < before + group.rows) return { group, before };
    before += group.rows;
  }
  throw new Error(`row ${position} is past the view's ${before} rows`);
}

const sortPlans = new Map<string, boolean>();

/** Whether SQLite's plan for the view sorts its rows in a temporary B-tree (no index gives the order). */
function sortsEveryRow(db: Database.Database, sql: string, params: readonly unknown[]): boolean {
  const known = sortPlans.get(sql);
  if (known !== undefined) return known;
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
  const sorts = plan.some((step) => step.detail.startsWith('USE TEMP B-TREE FOR') && step.detail.includes('ORDER BY'));
  if (sortPlans.size >= 256) sortPlans.clear();
  sortPlans.set(sql, sorts);
  return sorts;
}
