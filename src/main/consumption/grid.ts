import type { ConsumptionGridRow, RecordStatus } from '../../shared/contract/consumption';
import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { queryPage, type PageQuery } from '../grid/page-query';
import { assertOrg } from '../orgs/assert-org';
import { orgAndDescendants } from '../orgs/org-subtree';
import { readTolerance } from '../reconciliation/settings';
import { percentDifference, withinTolerance, type Tolerance } from '../reconciliation/tolerance';
import { ADJUSTMENT_BUY_SQL, ADJUSTMENT_SQL, CONSUMPTION_GRID, MARGIN_SQL, STATUS_SQL } from './grid-columns';
import { RECORD_COLUMNS, toConsumptionRecord, type StoredRecord } from './record-row';

export interface ConsumptionScope {
  orgId: string;
  period: string | null;
  customerUuid: string | null;
  /** With every org below orgId (the orgs are bound one by one, so the (org, month) indexes still serve). */
  includeChildren?: boolean;
}

/** `<alias>.org_id` for the scope: the org, or the org and every org below it. */
export function orgScope(db: Database.Database, scope: ConsumptionScope, alias: string): PageQuery['scope'][number] {
  const orgIds = scope.includeChildren ? orgAndDescendants(db, scope.orgId) : [scope.orgId];
  return orgIds.length === 1 ? { sql: `${alias}.org_id = ?`, params: orgIds } : { sql: `${alias}.org_id IN (${orgIds.map(() => '?').join(', ')})`, params: orgIds };
}

export interface GridRecord extends StoredRecord {
  status: RecordStatus;
  adjustment_micros: number | null;
  adjustment_buy_calc_micros: number | null;
  margin_micros: number | null;
}

/** The grid's query for a scope: the org, and the month and customer when chosen. */
export function consumptionQuery(db: Database.Database, scope: ConsumptionScope, select: string): PageQuery {
  assertOrg(db, scope.orgId);
  const conditions: PageQuery['scope'] = [orgScope(db, scope, 'c')];
  if (scope.period !== null) conditions.push({ sql: 'c.billing_period = ?', params: [`${scope.period}-01`] });
  if (scope.customerUuid !== null) conditions.push({ sql: 'c.customer_uuid = ?', params: [scope.customerUuid.toLowerCase()] });
  return { select, base: 'consumption_records c', key: 'c.id', scope: conditions, columns: CONSUMPTION_GRID };
}

export const GRID_SELECT = `SELECT ${RECORD_COLUMNS}, ${STATUS_SQL} AS status, ${ADJUSTMENT_SQL} AS adjustment_micros,
  ${ADJUSTMENT_BUY_SQL} AS adjustment_buy_calc_micros, ${MARGIN_SQL} AS margin_micros`;

const money = (micros: number | null) => (micros === null ? null : microsToDecimal(micros));

export function toGridRow(r: GridRecord, tolerance: Tolerance): ConsumptionGridRow {
  const adjustment = r.adjustment_micros === null ? null : BigInt(r.adjustment_micros);
  const consumed = BigInt(r.consumed_sell_micros ?? 0);
  const open = adjustment !== null && r.is_reconciled === 0;
  return {
    ...toConsumptionRecord(r),
    status: r.status,
    adjustment: money(r.adjustment_micros),
    adjustment_buy: money(r.adjustment_buy_calc_micros),
    percent_difference: adjustment === null ? null : percentDifference(adjustment, consumed),
    margin: money(r.margin_micros),
    above_tolerance: open ? !withinTolerance(adjustment, consumed, tolerance) : null,
  };
}

/** consumption.grid: one page of the scope, sorted and filtered in SQLite. */
export function consumptionGrid(
  db: Database.Database,
  input: ConsumptionScope & { sortModel: SortModel; filterModel: FilterModel; startRow: number; endRow: number },
): Page<ConsumptionGridRow> {
  const page = queryPage<GridRecord>(db, consumptionQuery(db, input, GRID_SELECT), input);
  const tolerance = readTolerance(db);
  return { rows: page.rows.map((r) => toGridRow(r, tolerance)), rowCount: page.rowCount };
}
