import type { ReportDefinition } from '../report-definition';
import { monthOfPeriod, periodOfMonth } from '../report-month';
import { CURRENCY_COLUMN, CURRENCY_PARAMETER, count, currencyFilter, money, moneyColumn } from './money-cells';

// Stored micro-unit columns and the report column each becomes.
const MONEY_COLUMNS: Array<[string, string, string]> = [
  ['subscription_cost_micros', 'subscription_cost', 'Price per seat × seats.'],
  ['ppu_cost_micros', 'ppu_cost', 'Price per record × records (pay per use).'],
  ['widget_cost_micros', 'widget_cost', 'Section and column widget usage.'],
  ['record_storage_cost_micros', 'record_storage_cost', 'Record storage (per version).'],
  ['file_storage_cost_micros', 'file_storage_cost', 'File storage (per 100 GB per month).'],
  ['backup_cost_micros', 'backup_cost', 'Backups.'],
  ['total_micros', 'total', 'The cycle’s total.'],
  ['credits_applied_micros', 'credits_applied', 'Credits applied to it.'],
  ['amount_due_micros', 'amount_due', 'Total − credits applied.'],
];

/** One row per generated statement whose billing cycle ends in the month (as statements.list shows them, summed by kind of cost). */
export const statementsSummary: ReportDefinition = {
  report_type: 'statements_summary',
  title: 'Statements summary',
  description: 'The statements of the billing cycles ending in the month: costs by kind, total, credits applied and amount due.',
  update_cadence: 'monthly',
  parameters: [CURRENCY_PARAMETER],
  columns: [
    { name: 'sid', type: 'string', description: "The statement's id." },
    { name: 'date_start', type: 'date', description: 'First day of the billing cycle.' },
    { name: 'date_end', type: 'date', description: 'Last day of the billing cycle.' },
    CURRENCY_COLUMN,
    { name: 'is_subscription', type: 'boolean', description: 'Billed by subscription (else pay per use).' },
    { name: 'seats', type: 'integer', description: 'Seats billed.' },
    { name: 'record_count', type: 'integer', description: 'Records billed.' },
    ...MONEY_COLUMNS.map(([, name, description]) => moneyColumn(name, description)),
  ],
  months(db, orgId, params) {
    const periods = db
      .prepare('SELECT DISTINCT substr(date_end, 1, 7) FROM statements WHERE org_id = @org AND (@currency IS NULL OR currency = @currency)')
      .pluck()
      .all({ org: orgId, currency: currencyFilter(params.currency) }) as string[];
    return periods.map(monthOfPeriod);
  },
  rows(db, orgId, month, params) {
    const period = periodOfMonth(month);
    const statements = db
      .prepare(
        `SELECT sid, date_start, date_end, currency, is_subscription, seats, record_count,
           subscription_cost_micros, ppu_cost_micros, section_widget_usage_cost_micros + column_widget_usage_cost_micros AS widget_cost_micros,
           record_storage_cost_micros, file_storage_cost_micros, backup_cost_micros, total_micros, credits_applied_micros, amount_due_micros
         FROM statements
         WHERE org_id = @org AND date_end BETWEEN @first AND @last AND (@currency IS NULL OR currency = @currency)
         ORDER BY date_end, date_start, sid`,
      )
      .safeIntegers(true)
      .all({ org: orgId, first: `${period}-01`, last: `${period}-31`, currency: currencyFilter(params.currency) }) as Array<Record<string, string | bigint>>;
    return statements.map((s) => {
      const row: Record<string, string | number | boolean> = {
        sid: s.sid as string,
        date_start: s.date_start as string,
        date_end: s.date_end as string,
        currency: s.currency as string,
        is_subscription: s.is_subscription === 1n,
        seats: count(s.seats as bigint),
        record_count: count(s.record_count as bigint),
      };
      for (const [stored, name] of MONEY_COLUMNS) row[name] = money(s[stored] as bigint);
      return row;
    });
  },
};
