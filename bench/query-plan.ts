// EXPLAIN QUERY PLAN of the statements revenues.list runs for a view: its page query
// and its count query, built as queryPage (src/main/grid/page-query.ts) builds them.
import type { Database } from '../src/main/db/driver';
import { REVENUE_FROM } from '../src/main/revenues/columns';
import { REVENUE_SELECT } from '../src/main/revenues/list';
import { compileRevenueView } from '../src/main/revenues/view';
import type { GridView } from './grid-views';

export function revenueListPlans(db: Database.Database, view: GridView): { page: string[]; count: string[] } {
  const { where, params, orderBy } = compileRevenueView(db, view);
  const explain = (sql: string, bind: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bind) as Array<{ detail: string }>).map((r) => r.detail);
  return {
    page: explain(`${REVENUE_SELECT} ${REVENUE_FROM} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [...params, 100, 0]),
    count: explain(`SELECT count(*) ${REVENUE_FROM} WHERE ${where}`, params),
  };
}
