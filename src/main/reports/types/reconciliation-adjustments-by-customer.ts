import type { ReportDefinition } from '../report-definition';
import { monthOfPeriod, periodOfMonth } from '../report-month';
import { CURRENCY_COLUMN, CURRENCY_PARAMETER, count, currencyFilter, money, moneyColumn } from './money-cells';

/** Compensation items (reconciliation's adjustments) of a billing month per customer and currency; reversed items are left out. */
export const reconciliationAdjustmentsByCustomer: ReportDefinition = {
  report_type: 'reconciliation_adjustments_by_customer',
  title: 'Reconciliation adjustments by customer',
  description:
    "The billing month's reconciliation adjustments (compensation items, reversed ones left out) per customer and currency: credits where the estimate was higher than the bill, charges where it was lower, and the net.",
  update_cadence: 'monthly',
  parameters: [CURRENCY_PARAMETER],
  columns: [
    { name: 'customer_uuid', type: 'string', description: "The customer's uuid (empty when the records named none)." },
    { name: 'customer_name', type: 'string', description: "The customer's name." },
    CURRENCY_COLUMN,
    { name: 'credit_count', type: 'integer', description: 'Credits issued.' },
    { name: 'charge_count', type: 'integer', description: 'Charges issued.' },
    moneyColumn('credits', 'Total of the credits (negative).'),
    moneyColumn('charges', 'Total of the charges.'),
    moneyColumn('net', 'Credits + charges.'),
  ],
  months(db, orgId, params) {
    const periods = db
      .prepare(
        `SELECT DISTINCT substr(billing_period, 1, 7) FROM compensation_items
         WHERE org_id = @org AND reversed_at IS NULL AND (@currency IS NULL OR currency = @currency)`,
      )
      .pluck()
      .all({ org: orgId, currency: currencyFilter(params.currency) }) as string[];
    return periods.map(monthOfPeriod);
  },
  rows(db, orgId, month, params) {
    const groups = db
      .prepare(
        `SELECT customer_uuid, customer_name, currency,
           sum(kind = 'credit') AS credit_count, sum(kind = 'charge') AS charge_count,
           coalesce(sum(CASE WHEN kind = 'credit' THEN amount_micros END), 0) AS credits,
           coalesce(sum(CASE WHEN kind = 'charge' THEN amount_micros END), 0) AS charges
         FROM compensation_items
         WHERE org_id = @org AND billing_period = @billing AND reversed_at IS NULL AND (@currency IS NULL OR currency = @currency)
         GROUP BY customer_uuid, customer_name, currency
         ORDER BY customer_name IS NULL, customer_name, customer_uuid IS NULL, customer_uuid, currency`,
      )
      .safeIntegers(true)
      .all({ org: orgId, billing: `${periodOfMonth(month)}-01`, currency: currencyFilter(params.currency) }) as Array<{
      customer_uuid: string | null;
      customer_name: string | null;
      currency: string;
      credit_count: bigint;
      charge_count: bigint;
      credits: bigint;
      charges: bigint;
    }>;
    return groups.map((g) => ({
      customer_uuid: g.customer_uuid,
      customer_name: g.customer_name,
      currency: g.currency,
      credit_count: count(g.credit_count),
      charge_count: count(g.charge_count),
      credits: money(g.credits),
      charges: money(g.charges),
      net: money(g.credits + g.charges),
    }));
  },
};
