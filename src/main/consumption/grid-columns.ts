import { RECORD_STATUSES, type ConsumptionGridColumn } from '../../shared/contract/consumption';
import type { GridColumn } from '../grid/columns';

// SQL for the Reconciliation grid's computed columns (alias c): fixed text, never from a request.

/** The adjustment: stored once reconciliation computed it, else final - consumed once final. */
export const ADJUSTMENT_SQL = `coalesce(c.adjustment_amount_micros, CASE WHEN c.is_finalized = 1 THEN c.final_sell_micros - coalesce(c.consumed_sell_micros, 0) END)`;
export const ADJUSTMENT_BUY_SQL = `coalesce(c.adjustment_buy_micros, CASE WHEN c.is_finalized = 1 THEN c.final_buy_micros - coalesce(c.consumed_buy_micros, 0) END)`;
/** Sell minus buy: the final amounts once known, else the estimates. */
export const MARGIN_SQL = `CASE WHEN c.is_finalized = 1 THEN c.final_sell_micros - c.final_buy_micros ELSE c.consumed_sell_micros - c.consumed_buy_micros END`;
/** A month has ended when its first day is before this month's (UTC). */
export const STATUS_SQL = `CASE WHEN c.is_reconciled = 1 THEN 'reconciled' WHEN c.review_status = 'held' THEN 'held'
  WHEN c.review_status = 'pending' THEN 'needs_review' WHEN c.is_finalized = 1 THEN 'finalized'
  WHEN c.billing_period < strftime('%Y-%m-01', 'now') THEN 'missing_final' ELSE 'estimated' END`;
// For sorting and number filters only; the row's value is computed exactly (percentDifference).
const PERCENT_SQL = `CASE WHEN coalesce(c.consumed_sell_micros, 0) <> 0 THEN (${ADJUSTMENT_SQL}) * 100.0 / c.consumed_sell_micros END`;

export const CONSUMPTION_GRID: Readonly<Record<ConsumptionGridColumn, GridColumn>> = {
  billing_period: { sql: 'c.billing_period', kind: 'date' },
  customer_name: { sql: 'c.customer_name', kind: 'text' },
  project_name: { sql: 'c.project_name', kind: 'text' },
  resource_name: { sql: 'c.resource_name', kind: 'text' },
  license_reference: { sql: 'c.license_reference', kind: 'text' },
  currency: { sql: 'c.currency', kind: 'text' },
  consumed_sell: { sql: 'c.consumed_sell_micros', kind: 'money' },
  final_sell: { sql: 'c.final_sell_micros', kind: 'money' },
  adjustment: { sql: ADJUSTMENT_SQL, kind: 'money' },
  percent_difference: { sql: PERCENT_SQL, kind: 'number' },
  consumed_buy: { sql: 'c.consumed_buy_micros', kind: 'money' },
  final_buy: { sql: 'c.final_buy_micros', kind: 'money' },
  margin: { sql: MARGIN_SQL, kind: 'money' },
  status: { sql: STATUS_SQL, kind: 'set', values: RECORD_STATUSES },
  finalized_at: { sql: 'c.finalized_at', kind: 'date' },
  reconciled_at: { sql: 'c.reconciled_at', kind: 'date' },
  compensation_item_uuid: { sql: 'c.compensation_item_uuid', kind: 'text' },
  invoice_item_uuid: { sql: 'c.invoice_item_uuid', kind: 'text' },
  uuid: { sql: 'c.uuid', kind: 'text' },
};
