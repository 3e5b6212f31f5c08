import type { FilterModel, SortModel } from '../../shared/contract/grid';
import type { Database } from '../db/driver';
import { compileScopedView, type PageQuery } from '../grid/page-query';
import { assertOrg } from '../orgs/assert-org';
import { orgTimeZone } from '../orgs/org-time-zone';
import { orgAndDescendants } from '../orgs/org-subtree';
import { REVENUE_GRID_COLUMNS, REVENUE_TABLES } from './columns';

export interface RevenueView {
  orgId: string;
  period: string | null;
  /** The org's rows with those of every org below it. */
  includeChildren?: boolean;
  sortModel: SortModel;
  filterModel: FilterModel;
}

/**
 * The revenues grid's query for a view: its org (and, with includeChildren, every org
 * below it), its period (if one), the allowlisted columns. Each row's period is the month
 * on its own org's clock; date filters read days on the viewed org's clock.
 */
export function revenueQuery(db: Database.Database, view: RevenueView, select: string): PageQuery {
  assertOrg(db, view.orgId);
  // The ids are bound one by one: an IN list of parameters keeps the (org, period, ...) indexes usable.
  const orgIds = view.includeChildren ? orgAndDescendants(db, view.orgId) : [view.orgId];
  const scope = [
    orgIds.length === 1 ? { sql: 'r.org_id = ?', params: orgIds as unknown[] } : { sql: `r.org_id IN (${orgIds.map(() => '?').join(', ')})`, params: orgIds as unknown[] },
  ];
  if (view.period) scope.push({ sql: 'r.period = ?', params: [view.period] });
  // Over all periods, orders that start with the period (by date, by period) page within one month at a time.
  const groupedBy = view.period ? undefined : 'r.period';
  return { select, ...REVENUE_TABLES, key: 'r.id', scope, columns: REVENUE_GRID_COLUMNS, timeZone: orgTimeZone(db, view.orgId), groupedBy };
}

/** WHERE and ORDER BY of a revenues view, with its bound parameters. */
export function compileRevenueView(db: Database.Database, view: RevenueView) {
  return compileScopedView(revenueQuery(db, view, ''), view);
}
