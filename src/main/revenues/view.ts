import type { FilterModel, SortModel } from '../../shared/contract/grid';
import type { Database } from '../db/driver';
import { compileScopedView, type PageQuery } from '../grid/page-query';
import { assertOrg } from '../orgs/assert-org';
import { orgTimeZone } from '../orgs/org-time-zone';
import { REVENUE_GRID_COLUMNS, REVENUE_TABLES } from './columns';

export interface RevenueView {
  orgId: string;
  period: string | null;
  sortModel: SortModel;
  filterModel: FilterModel;
}

/** The revenues grid's query for a view: its org, its period (if one), the allowlisted columns. */
export function revenueQuery(db: Database.Database, view: RevenueView, select: string): PageQuery {
  assertOrg(db, view.orgId);
  const scope = [{ sql: 'r.org_id = ?', params: [view.orgId] as unknown[] }];
  if (view.period) scope.push({ sql: 'r.period = ?', params: [view.period] });
  return { select, ...REVENUE_TABLES, key: 'r.id', scope, columns: REVENUE_GRID_COLUMNS, timeZone: orgTimeZone(db, view.orgId) };
}

/** WHERE and ORDER BY of a revenues view, with its bound parameters. */
export function compileRevenueView(db: Database.Database, view: RevenueView) {
  return compileScopedView(revenueQuery(db, view, ''), view);
}
