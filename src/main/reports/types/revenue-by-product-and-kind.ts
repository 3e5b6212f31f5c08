import type { ReportDefinition, ReportRow } from '../report-definition';
import { candidatePeriods, periodOfMonth } from '../report-month';
import { CURRENCY_COLUMN, CURRENCY_PARAMETER, count, currencyFilter, money, moneyColumn } from './money-cells';

const KINDS = ['sale', 'refund', 'adjustment'];

/**
 * The filters given, as fixed SQL (values bound): an equality SQLite can seek on the index
 * (org, period, currency, kind, ...), where "@currency IS NULL OR ..." would make it scan the
 * whole month to learn that a currency is absent.
 */
function filterSql(currency: string | null, kind: string | null): string {
  return (currency === null ? '' : ' AND r.currency = @currency') + (kind === null ? '' : ' AND r.kind = @kind');
}

/** Revenue of a month per product, kind and currency, read from the (org, period, currency, kind, product, amount) index alone. */
export const revenueByProductAndKind: ReportDefinition = {
  report_type: 'revenue_by_product_and_kind',
  title: 'Revenue by product and kind',
  description: "The month's revenues per product and kind (sale, refund, adjustment) in each currency: how many and their total. Updated as revenues arrive.",
  update_cadence: 'daily',
  parameters: [
    CURRENCY_PARAMETER,
    { name: 'kind', type: 'enum', description: 'Only revenues of this kind (all kinds when left out).', required: false, default: null, values: KINDS },
  ],
  columns: [
    { name: 'product_external_id', type: 'string', description: "The product's external id (empty for revenues with no product)." },
    { name: 'product_name', type: 'string', description: "The product's name (empty for revenues with no product)." },
    { name: 'kind', type: 'string', description: 'sale, refund or adjustment.' },
    CURRENCY_COLUMN,
    { name: 'revenue_count', type: 'integer', description: 'Revenues of this product and kind in the month.' },
    moneyColumn('amount', 'Their total (refunds are negative).'),
  ],
  months(db, orgId, params) {
    const currency = currencyFilter(params.currency);
    const kind = (params.kind as string | null) ?? null;
    const exists = db.prepare(`SELECT 1 FROM revenues r WHERE r.org_id = @org AND r.period = @period${filterSql(currency, kind)} LIMIT 1`).pluck();
    return candidatePeriods(db, orgId)
      .filter((period) => exists.get({ org: orgId, period, ...(currency === null ? {} : { currency }), ...(kind === null ? {} : { kind }) }) !== undefined)
      .map((period) => ({ year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) }));
  },
  rows(db, orgId, month, params) {
    const currency = currencyFilter(params.currency);
    const kind = (params.kind as string | null) ?? null;
    // Grouped in the index's order (currency, kind, product): no sort of the month's rows.
    const sums = db
      .prepare(
        `SELECT r.product_id, r.kind, r.currency, count(*) AS n, sum(r.amount_micros) AS total
         FROM revenues r INDEXED BY revenues_period_product_kind
         WHERE r.org_id = @org AND r.period = @period${filterSql(currency, kind)}
         GROUP BY r.currency, r.kind, r.product_id`,
      )
      .safeIntegers(true)
      .all({ org: orgId, period: periodOfMonth(month), ...(currency === null ? {} : { currency }), ...(kind === null ? {} : { kind }) }) as Array<{
      product_id: bigint | null;
      kind: string;
      currency: string;
      n: bigint;
      total: bigint;
    }>;
    const product = db.prepare('SELECT external_id, name FROM products WHERE id = ?');
    const rows: Array<ReportRow & { id: number }> = sums.map((s) => {
      const p = s.product_id === null ? undefined : (product.get(Number(s.product_id)) as { external_id: string | null; name: string } | undefined);
      return {
        id: s.product_id === null ? 0 : Number(s.product_id),
        product_external_id: p?.external_id ?? null,
        product_name: p?.name ?? null,
        kind: s.kind,
        currency: s.currency,
        revenue_count: count(s.n),
        amount: money(s.total),
      };
    });
    // Name, then id (two products may share a name), then kind in KINDS order, then currency.
    rows.sort(
      (a, b) =>
        compareText(a.product_name as string | null, b.product_name as string | null) ||
        a.id - b.id ||
        KINDS.indexOf(a.kind as string) - KINDS.indexOf(b.kind as string) ||
        compareText(a.currency as string, b.currency as string),
    );
    return rows.map(({ id: _id, ...row }) => row);
  },
};

/** Code-point order (locale-free, so the same on every machine); empty names last. */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
