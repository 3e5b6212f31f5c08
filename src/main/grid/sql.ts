import type { ColumnFilter, FilterModel, SortModel } from '../../shared/contract/grid';
import { decimalToMicros } from '../../shared/money';
import { ApiFailure } from '../api/failure';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone';
import { wallTimeToInstant } from '../time/zoned-time';
import type { ColumnMap, GridColumn } from './columns';

export interface CompiledView {
  /** Conditions to AND together; each uses only `?` placeholders. */
  where: string[];
  params: unknown[];
  orderBy: string;
  /** The same order backwards, term by term: a deep page is read from the far end (page-query.ts). */
  reverseOrderBy: string;
  /** The first ORDER BY term and its direction (page-query.ts starts a deep page's walk in its group). */
  leading: { term: string; direction: 'ASC' | 'DESC' };
}

/**
 * Turn a grid's sort and filter model into SQL through the column allowlist: column
 * ids pick fixed SQL expressions, and every value a user typed is a bound parameter.
 */
export function compileView(
  columns: ColumnMap,
  view: { sortModel: SortModel; filterModel: FilterModel },
  key: string,
  unsortedDirection: 'ASC' | 'DESC' = 'ASC',
  /** The clock a date filter's days are read on (the org's); stored instants are UTC. */
  timeZone: string = DEFAULT_TIME_ZONE,
): CompiledView {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [colId, filter] of Object.entries(view.filterModel)) {
    const column = lookup(columns, colId, `filterModel.${colId}`);
    const clause = compileFilter(column, filter, `filterModel.${colId}`, params, timeZone);
    where.push(clause);
  }
  const order: Array<{ term: string; direction: 'ASC' | 'DESC' }> = view.sortModel.flatMap((s, i) => {
    const column = lookup(columns, s.colId, `sortModel.${i}.colId`);
    const direction = s.sort === 'desc' ? 'DESC' : 'ASC';
    return (column.sortTerms ?? [column.sql]).map((term) => ({ term, direction }) as const);
  });
  // The key breaks ties in the direction of the last sort, so an index on (..., sort column)
  // serves the whole ORDER BY (its entries end with the rowid, in the scan's direction).
  const last = view.sortModel.at(-1);
  order.push({ term: key, direction: last ? (last.sort === 'desc' ? 'DESC' : 'ASC') : unsortedDirection });
  // Every term flipped is the exact reverse: the key makes the order total, and SQLite puts
  // NULLs first ascending and last descending.
  const flip = { ASC: 'DESC', DESC: 'ASC' } as const;
  return {
    where,
    params,
    orderBy: order.map((o) => `${o.term} ${o.direction}`).join(', '),
    reverseOrderBy: order.map((o) => `${o.term} ${flip[o.direction]}`).join(', '),
    leading: order[0],
  };
}

function lookup(columns: ColumnMap, colId: string, field: string): GridColumn {
  if (!Object.prototype.hasOwnProperty.call(columns, colId)) {
    throw invalidView(field, `"${colId}" is not a column of this grid (allowed: ${Object.keys(columns).join(', ')})`);
  }
  return columns[colId];
}

function compileFilter(column: GridColumn, filter: ColumnFilter, field: string, params: unknown[], timeZone: string): string {
  if (filter.filterType === 'set') {
    if (column.kind !== 'set') throw invalidView(field, 'a set filter applies only to set columns');
    const unknown = filter.values.filter((v) => column.values && !column.values.includes(v));
    if (unknown.length) throw invalidView(`${field}.values`, `unknown value(s) ${unknown.join(', ')}; allowed: ${column.values?.join(', ')}`);
    if (filter.values.length === 0) return '0';
    params.push(...filter.values);
    return `${column.sql} IN (${filter.values.map(() => '?').join(', ')})`;
  }
  if ('conditions' in filter) {
    const parts = filter.conditions.map((c, i) => compileCondition(column, c, `${field}.conditions.${i}`, params, timeZone));
    return '(' + parts.join(filter.operator === 'OR' ? ' OR ' : ' AND ') + ')';
  }
  return compileCondition(column, filter, field, params, timeZone);
}

type Condition = Exclude<ColumnFilter, { filterType: 'set' } | { conditions: unknown }>;

function compileCondition(column: GridColumn, c: Condition, field: string, params: unknown[], timeZone: string): string {
  if (column.lookup && (c.filterType === 'text' || c.type === 'blank' || c.type === 'notBlank')) return lookupCondition(column.lookup, c, field, params);
  const sql = column.sql;
  if (c.type === 'blank') return column.kind === 'text' ? `(${sql} IS NULL OR ${sql} = '')` : `${sql} IS NULL`;
  if (c.type === 'notBlank') return column.kind === 'text' ? `(${sql} IS NOT NULL AND ${sql} <> '')` : `${sql} IS NOT NULL`;
  switch (c.filterType) {
    case 'text':
      if (column.kind !== 'text' && column.kind !== 'set') throw invalidView(field, `a text filter does not apply to a ${column.kind} column`);
      return textClause(sql, c.type, required(c.filter, `${field}.filter`), params);
    case 'number':
      if (column.kind !== 'number' && column.kind !== 'money') throw invalidView(field, `a number filter does not apply to a ${column.kind} column`);
      return numberClause(column, c, field, params);
    case 'date':
      if (column.kind !== 'date') throw invalidView(field, `a date filter does not apply to a ${column.kind} column`);
      return dateClause(sql, c, field, params, timeZone);
  }
}

function textClause(sql: string, type: string, value: string, params: unknown[]): string {
  const like = (pattern: string) => {
    params.push(pattern);
    return `${sql} LIKE ? ESCAPE '\\'`;
  };
  const escaped = value.replace(/[\\%_]/g, (ch) => '\\' + ch);
  switch (type) {
    case 'contains':
      return like(`%${escaped}%`);
    case 'notContains':
      params.push(`%${escaped}%`);
      return `(${sql} IS NULL OR ${sql} NOT LIKE ? ESCAPE '\\')`;
    case 'startsWith':
      return like(`${escaped}%`);
    case 'endsWith':
      return like(`%${escaped}`);
    case 'equals':
      params.push(value);
      return `${sql} = ? COLLATE NOCASE`;
    default: // notEqual
      params.push(value);
      return `(${sql} IS NULL OR ${sql} <> ? COLLATE NOCASE)`;
  }
}

/**
 * A filter on a looked-up text column, as the same rows the joined column's condition picks.
 * Conditions a missing value fails (contains, equals, ...) become `key IN (matches)`; those a
 * missing value passes (does not contain, is blank, ...) become `key IS NULL OR key NOT IN
 * (the values that fail them)`: a row without a payee, or whose payee is gone, passes.
 */
function lookupCondition(lookup: NonNullable<GridColumn['lookup']>, c: Condition, field: string, params: unknown[]): string {
  const { key, table, column } = lookup;
  const matching = (condition: string) => `${key} IN (SELECT id FROM ${table} WHERE ${condition})`;
  const failing = (condition: string) => `(${key} IS NULL OR ${key} NOT IN (SELECT id FROM ${table} WHERE ${condition}))`;
  const filled = `(${column} IS NOT NULL AND ${column} <> '')`;
  if (c.type === 'blank') return failing(filled);
  if (c.type === 'notBlank') return matching(filled);
  if (c.filterType !== 'text') throw invalidView(field, 'a text column takes a text filter');
  const value = required(c.filter, `${field}.filter`);
  switch (c.type) {
    case 'notContains':
      return failing(textClause(column, 'contains', value, params));
    case 'notEqual':
      return failing(textClause(column, 'equals', value, params));
    default:
      return matching(textClause(column, c.type, value, params));
  }
}

const COMPARISONS: Record<string, string> = {
  equals: '=',
  notEqual: '<>',
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
};

function numberClause(column: GridColumn, c: Extract<Condition, { filterType: 'number' }>, field: string, params: unknown[]): string {
  const bind = (value: number | string | null | undefined, at: string) => {
    const v = required(value, at);
    if (column.kind === 'money') {
      try {
        return decimalToMicros(typeof v === 'number' ? numberToDecimal(v, at) : v.trim());
      } catch (error) {
        throw invalidView(at, (error as Error).message);
      }
    }
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) throw invalidView(at, `"${v}" is not a number`);
    return n;
  };
  if (c.type === 'inRange') {
    params.push(bind(c.filter, `${field}.filter`), bind(c.filterTo, `${field}.filterTo`));
    return `${column.sql} BETWEEN ? AND ?`;
  }
  params.push(bind(c.filter, `${field}.filter`));
  return `${column.sql} ${COMPARISONS[c.type]} ?`;
}

// A JS number from the grid's input box: its shortest decimal text is what the user typed.
function numberToDecimal(value: number, field: string): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw invalidView(field, `${text} is not a plain decimal amount`);
  return text;
}

function dateClause(sql: string, c: Extract<Condition, { filterType: 'date' }>, field: string, params: unknown[], timeZone: string): string {
  const date = (value: string | null | undefined, at: string) => required(value, at).slice(0, 10);
  const start = (isoDate: string) => dayStart(isoDate, timeZone);
  const from = date(c.dateFrom, `${field}.dateFrom`);
  switch (c.type) {
    case 'equals':
      params.push(start(from), start(followingDay(from)));
      return `(${sql} >= ? AND ${sql} < ?)`;
    case 'notEqual':
      params.push(start(from), start(followingDay(from)));
      return `(${sql} < ? OR ${sql} >= ?)`;
    case 'lessThan':
      params.push(start(from));
      return `${sql} < ?`;
    case 'greaterThan':
      params.push(start(followingDay(from)));
      return `${sql} >= ?`;
    default: {
      // inRange: both days included, as an accountant reads "from ... to ..."
      const to = date(c.dateTo, `${field}.dateTo`);
      params.push(start(from), start(followingDay(to)));
      return `(${sql} >= ? AND ${sql} < ?)`;
    }
  }
}

/**
 * Where a day starts, as text that sorts against stored instants: the date itself on a
 * UTC clock; elsewhere the UTC instant of the zone's midnight without its Z
 * ('2026-10-31T07:00:00' sorts before '2026-10-31T07:00:00Z' and '...07:00:00.5Z').
 */
function dayStart(isoDate: string, timeZone: string): string {
  if (timeZone === DEFAULT_TIME_ZONE || !/^\d{4}-\d\d-\d\d$/.test(isoDate)) return isoDate;
  const [year, month, day] = isoDate.split('-').map(Number);
  return wallTimeToInstant({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone).slice(0, 19);
}

function followingDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function required<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined || value === '') throw invalidView(field, 'a value is required for this filter');
  return value;
}

function invalidView(field: string, message: string): ApiFailure {
  return new ApiFailure('validation_error', 'invalid_view', `${field}: ${message}`, { issues: [{ field, message }] });
}
