import type { ConsumptionSummary, RecordStatus, TieOut } from '../../shared/contract/consumption';
import type { FilterModel } from '../../shared/contract/grid';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { compileScopedView } from '../grid/page-query';
import { consumptionQuery, type ConsumptionScope } from './grid';
import { ADJUSTMENT_SQL, STATUS_SQL } from './grid-columns';

// Exact sums (BigInt): for finalized records consumed + adjustment = final to the last unit,
// since a reconciled adjustment is final - consumed and an open one is computed so.
const SUMS = `c.currency AS currency, count(*) AS records, sum(c.is_finalized) AS finalized,
  sum(CASE WHEN c.is_finalized = 1 THEN coalesce(c.consumed_sell_micros, 0) ELSE 0 END) AS consumed,
  sum(CASE WHEN c.is_finalized = 1 THEN ${ADJUSTMENT_SQL} ELSE 0 END) AS adjustment,
  sum(CASE WHEN c.is_finalized = 1 THEN c.final_sell_micros ELSE 0 END) AS final,
  sum(CASE WHEN c.is_finalized = 0 THEN coalesce(c.consumed_sell_micros, 0) ELSE 0 END) AS consumed_not_final`;

interface SumRow {
  currency: string;
  records: bigint;
  finalized: bigint;
  consumed: bigint;
  adjustment: bigint;
  final: bigint;
  consumed_not_final: bigint;
}

function tieOut(r: SumRow): TieOut {
  return {
    currency: r.currency,
    records: Number(r.records),
    finalized: Number(r.finalized),
    consumed: microsToDecimal(r.consumed),
    adjustment: microsToDecimal(r.adjustment),
    final: microsToDecimal(r.final),
    consumed_not_final: microsToDecimal(r.consumed_not_final),
  };
}

/** consumption.summary: the scope's totals per currency, per customer and per month, and its statuses. */
export function summarizeConsumption(db: Database.Database, input: ConsumptionScope & { filterModel: FilterModel }): ConsumptionSummary {
  const query = consumptionQuery(db, input, '');
  const { where, params } = compileScopedView(query, { sortModel: [], filterModel: input.filterModel });
  const grouped = <T>(extra: string, groupBy: string) =>
    db
      .prepare(`SELECT ${extra}${SUMS} FROM consumption_records c WHERE ${where} GROUP BY ${groupBy} ORDER BY ${groupBy}`)
      .safeIntegers(true)
      .all(...params) as Array<SumRow & T>;
  const statuses: Partial<Record<RecordStatus, number>> = {};
  const counted = db.prepare(`SELECT ${STATUS_SQL} AS status, count(*) AS n FROM consumption_records c WHERE ${where} GROUP BY 1`).all(...params) as Array<{
    status: RecordStatus;
    n: number;
  }>;
  for (const s of counted) statuses[s.status] = s.n;
  return {
    totals: grouped<object>('', 'c.currency').map(tieOut),
    by_customer: grouped<{ customer_uuid: string | null; customer_name: string | null }>(
      'c.customer_uuid AS customer_uuid, max(c.customer_name) AS customer_name, ',
      'c.customer_uuid, c.currency',
    ).map((r) => ({ ...tieOut(r), customer_uuid: r.customer_uuid, customer_name: r.customer_name })),
    by_month: grouped<{ billing_period: string }>('c.billing_period AS billing_period, ', 'c.billing_period, c.currency').map((r) => ({
      ...tieOut(r),
      billing_period: r.billing_period,
    })),
    statuses,
  };
}
