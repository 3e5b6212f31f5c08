// The SQL of revenues.list as it is (queryPage in src/main/grid/page-query.ts), and as
// proposed, run directly on a workspace, to measure a query change before making it:
//  - count without the payee/product joins when no filter needs them (a LEFT JOIN to a
//    primary key is never dropped inside count(*), so every row paid two lookups);
//  - a deferred join: pick the page's ids from an index first, then join 100 rows,
//    so deep OFFSETs skip index entries instead of fully joined rows;
//  - optionally, the id tiebreak in the direction of the last sort key, so an index
//    scanned backwards satisfies the whole ORDER BY.
import type { Database } from '../src/main/db/driver';
import { REVENUE_FROM } from '../src/main/revenues/columns';
import { REVENUE_SELECT } from '../src/main/revenues/list';
import { compileRevenueView } from '../src/main/revenues/view';
import type { GridView } from './grid-views';
import { PAGE_ROWS } from './grid-views';
import { timeEach, type LatencySummary } from './latency';

export type ListVariant = 'current' | 'proposed' | 'proposed+tiebreak';

interface ListStatements {
  page: Database.Statement;
  count: Database.Statement;
  params: unknown[];
}

function statements(db: Database.Database, view: GridView, variant: ListVariant): ListStatements {
  const { where, params, orderBy: currentOrder } = compileRevenueView(db, view);
  if (variant === 'current') {
    return {
      page: db.prepare(`${REVENUE_SELECT} ${REVENUE_FROM} WHERE ${where} ORDER BY ${currentOrder} LIMIT ? OFFSET ?`),
      count: db.prepare(`SELECT count(*) ${REVENUE_FROM} WHERE ${where}`).pluck(),
      params,
    };
  }
  const lastSort = view.sortModel.at(-1)?.sort;
  const orderBy = variant === 'proposed+tiebreak' && lastSort === 'desc' ? currentOrder.replace(/r\.id ASC$/, 'r.id DESC') : currentOrder;
  const needsJoins = /\bp\.|\bpr\./.test(`${where} ${orderBy}`);
  const from = needsJoins ? REVENUE_FROM : 'FROM revenues r';
  return {
    page: db.prepare(
      `${REVENUE_SELECT} FROM (SELECT r.id ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?) AS page
       JOIN revenues r ON r.id = page.id LEFT JOIN payees p ON p.id = r.payee_id LEFT JOIN products pr ON pr.id = r.product_id
       ORDER BY ${orderBy}`,
    ),
    count: db.prepare(`SELECT count(*) ${from} WHERE ${where}`).pluck(),
    params,
  };
}

/** Page + count per request, as revenues.list runs them, without the API around them. */
export async function timeListVariant(db: Database.Database, view: GridView, variant: ListVariant, offsets: readonly number[]): Promise<LatencySummary> {
  const s = statements(db, view, variant);
  return timeEach(offsets, async (startRow) => {
    s.page.all(...s.params, PAGE_ROWS, startRow);
    s.count.get(...s.params);
  });
}

/** Whether a variant returns the same ids, in the same order, as the current SQL at these offsets. */
export function sameRowsAsCurrent(db: Database.Database, view: GridView, variant: ListVariant, offsets: readonly number[]): boolean {
  const current = statements(db, view, 'current');
  const other = statements(db, view, variant);
  const ids = (s: ListStatements, startRow: number) => (s.page.all(...s.params, PAGE_ROWS, startRow) as Array<{ id: number }>).map((r) => r.id).join(',');
  return offsets.every((startRow) => ids(current, startRow) === ids(other, startRow)) && current.count.get(...current.params) === other.count.get(...other.params);
}
