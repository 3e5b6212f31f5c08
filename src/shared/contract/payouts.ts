import { z } from 'zod';
import { method } from './define';
import { orgIdSchema, periodSchema } from './orgs';
import type { MoneyString } from '../money';

/** One currency of a run: allocated + unallocated = revenue, exactly. */
export interface PayoutCurrencyTotals {
  currency: string;
  revenue: MoneyString;
  allocated: MoneyString;
  unallocated: MoneyString;
}

/**
 * One payee in one currency. earned (sales) + reversed (refunds) + adjusted (adjustments)
 * = held + belowThreshold + payable. Opening and closing balances come in a later step.
 */
export interface PayoutPayeeLine {
  payeeId: number;
  payeeExternalId: string | null;
  payeeName: string;
  currency: string;
  earned: MoneyString;
  reversed: MoneyString;
  adjusted: MoneyString;
  /** The payee is on hold: the month's net is kept back. */
  held: MoneyString;
  /** The net is under the payee's minimum payout: carried forward. */
  belowThreshold: MoneyString;
  payable: MoneyString;
  /** Why held or below threshold, e.g. "held: 18.40 < 25.00 minimum, carried forward"; null when payable. */
  reason: string | null;
}

export interface PayoutRun {
  orgId: string;
  period: string;
  /** When and by whom this result was stored (the figures do not depend on them). */
  ranAt: string;
  ranBy: string;
  revenueCount: number;
  currencies: PayoutCurrencyTotals[];
  payees: PayoutPayeeLine[];
  /** Things the accountant should know that did not stop the run (refunds whose sale is missing, fallbacks over 100%). */
  warnings: string[];
}

const monthInput = z.object({ orgId: orgIdSchema, period: periodSchema }).strict();

export const payoutsMethods = {
  'payouts.run': method<PayoutRun>()({
    summary: "Allocate the month's revenues to payees under the rule versions in force, and store the result (refused for a finalized month or while rules conflict).",
    permission: 'write:payouts',
    input: monthInput,
  }),
  'payouts.get': method<PayoutRun>()({
    summary: 'The stored result of the last run of a month (404 when the month was never run).',
    permission: 'read:payouts',
    input: monthInput,
  }),
};
