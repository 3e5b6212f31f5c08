import type { PayoutRun } from '../../../shared/contract/payouts';
import { decimalToMicros, microsToDecimal, type MoneyString } from '../../../shared/money';

export const PAYEE_AMOUNTS = ['opening', 'earned', 'reversed', 'adjusted', 'held', 'belowThreshold', 'payable', 'closing'] as const;
export type PayeeAmount = (typeof PAYEE_AMOUNTS)[number];

export interface CurrencyTotalsRow {
  currency: string;
  revenue: MoneyString;
  allocated: MoneyString;
  unallocated: MoneyString;
  /** The payee columns summed over the currency's lines. */
  sums: Record<PayeeAmount, MoneyString>;
  /** allocated + unallocated = revenue, and the payees' earned + reversed + adjusted = allocated: exact, in micro-units. */
  tiesOut: boolean;
}

/** One totals row per currency, with the two checks that tie the payees to the month's revenue. */
export function currencyTotals(run: Pick<PayoutRun, 'currencies' | 'payees'>): CurrencyTotalsRow[] {
  const currencies = new Map(run.currencies.map((c) => [c.currency, c]));
  for (const line of run.payees) {
    // A currency with only balances carried in (no revenue this month).
    if (!currencies.has(line.currency)) currencies.set(line.currency, { currency: line.currency, revenue: '0.00', allocated: '0.00', unallocated: '0.00' });
  }
  return [...currencies.values()]
    .sort((a, b) => (a.currency < b.currency ? -1 : 1))
    .map((c) => {
      const sums = Object.fromEntries(PAYEE_AMOUNTS.map((k) => [k, 0n])) as Record<PayeeAmount, bigint>;
      for (const line of run.payees) {
        if (line.currency !== c.currency) continue;
        for (const k of PAYEE_AMOUNTS) sums[k] += decimalToMicros(line[k] ?? '0');
      }
      const allocated = decimalToMicros(c.allocated);
      const tiesOut = allocated + decimalToMicros(c.unallocated) === decimalToMicros(c.revenue) && sums.earned + sums.reversed + sums.adjusted === allocated;
      return {
        currency: c.currency,
        revenue: c.revenue,
        allocated: c.allocated,
        unallocated: c.unallocated,
        sums: Object.fromEntries(PAYEE_AMOUNTS.map((k) => [k, microsToDecimal(sums[k])])) as Record<PayeeAmount, MoneyString>,
        tiesOut,
      };
    });
}
