import type { PayoutPayeeLine } from '../../../shared/contract/payouts';
import type { ReportDefinition } from '../report-definition';
import { monthOfPeriod, periodOfMonth } from '../report-month';
import { CURRENCY_COLUMN, CURRENCY_PARAMETER, currencyFilter, moneyColumn } from './money-cells';
import { compareText } from './revenue-by-product-and-kind';

const MONEY_FIELDS: Array<[keyof PayoutPayeeLine, string, string]> = [
  ['opening', 'opening', 'Carried in from the latest earlier run.'],
  ['earned', 'earned', 'Shares of the month’s sales.'],
  ['reversed', 'reversed', 'Shares of the month’s refunds (negative).'],
  ['adjusted', 'adjusted', 'Shares of the month’s adjustments.'],
  ['held', 'held', 'Kept back: the payee is on hold.'],
  ['belowThreshold', 'below_threshold', 'Carried forward: under the payee’s minimum payout.'],
  ['payable', 'payable', 'Paid for the month.'],
  ['closing', 'closing', 'Carried out to the next month (held + below threshold).'],
];

/** The stored payout run of the month, one row per payee and currency (the figures as signed off, not recomputed). */
export const payoutsByPayee: ReportDefinition = {
  report_type: 'payouts_by_payee',
  title: 'Payouts by payee',
  description: "The month's stored payout run per payee and currency: opening balance, earned, reversed, adjusted, held, below threshold, payable and closing. Only months whose payouts were run.",
  update_cadence: 'monthly',
  parameters: [CURRENCY_PARAMETER],
  columns: [
    { name: 'payee_external_id', type: 'string', description: "The payee's external id." },
    { name: 'payee_name', type: 'string', description: "The payee's name." },
    CURRENCY_COLUMN,
    ...MONEY_FIELDS.map(([, name, description]) => moneyColumn(name, description)),
    { name: 'reason', type: 'string', description: 'Why held or below threshold (empty when payable).' },
  ],
  months(db, orgId, params) {
    const currency = currencyFilter(params.currency);
    const runs = db.prepare('SELECT period, result FROM payout_runs WHERE org_id = ?').all(orgId) as Array<{ period: string; result: string }>;
    return runs.filter((run) => currency === null || linesOf(run.result).some((l) => l.currency === currency)).map((run) => monthOfPeriod(run.period));
  },
  rows(db, orgId, month, params) {
    const result = db.prepare('SELECT result FROM payout_runs WHERE org_id = ? AND period = ?').pluck().get(orgId, periodOfMonth(month)) as string | undefined;
    if (result === undefined) return [];
    const currency = currencyFilter(params.currency);
    return linesOf(result)
      .filter((line) => currency === null || line.currency === currency)
      .sort((a, b) => compareText(a.payeeName, b.payeeName) || a.payeeId - b.payeeId || compareText(a.currency, b.currency))
      .map((line) => {
        const row: Record<string, string | null> = { payee_external_id: line.payeeExternalId, payee_name: line.payeeName, currency: line.currency };
        for (const [field, name] of MONEY_FIELDS) row[name] = line[field] as string;
        row.reason = line.reason;
        return row;
      });
  },
};

function linesOf(result: string): PayoutPayeeLine[] {
  return (JSON.parse(result) as { payees: PayoutPayeeLine[] }).payees;
}
