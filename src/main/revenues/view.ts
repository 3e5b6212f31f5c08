import type { FilterModel, SortModel } from '../../shared/contract/grid';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { compileView } from '../grid/sql';
import { REVENUE_GRID_COLUMNS } from './columns';

export interface RevenueView {
  orgId: string;
  period: string | null;
  sortModel: SortModel;
  filterModel: FilterModel;
}

/** WHERE and ORDER BY of a revenues view, with its bound parameters. */
export function compileRevenueView(db: Database.Database, view: RevenueView) {
  assertOrg(db, view.orgId);
  const compiled = compileView(REVENUE_GRID_COLUMNS, view, 'r.id ASC');
  const where = ['r.org_id = ?'];
  const params: unknown[] = [view.orgId];
  if (view.period) {
    where.push('r.period = ?');
    params.push(view.period);
  }
  where.push(...compiled.where);
  params.push(...compiled.params);
  return { where: where.join(' AND '), params, orderBy: compiled.orderBy };
}
