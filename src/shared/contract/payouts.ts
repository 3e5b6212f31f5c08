import { z } from 'zod';
import { method } from './define';
import { currencyCodeSchema, orgIdSchema, periodSchema } from './orgs';
import { pageCheck, pageFields, type Page } from './grid';
import type { MoneyString } from '../money';

/** One currency of a run: allocated + unallocated = revenue, exactly. */
export interface PayoutCurrencyTotals {
  currency: string;
  revenue: MoneyString;
  allocated: MoneyString;
  unallocated: MoneyString;
}

/**
 * One payee in one currency: opening + earned (sales) + reversed (refunds) + adjusted
 * (adjustments) = held + belowThreshold + payable, and closing = held + belowThreshold.
 * What is held or below the threshold (or negative) carries into the next month's opening;
 * payable is paid and does not.
 */
export interface PayoutPayeeLine {
  payeeId: number;
  payeeExternalId: string | null;
  payeeName: string;
  currency: string;
  /** Carried in: the closing balance of the latest earlier month that was run (0 when none). */
  opening: MoneyString;
  earned: MoneyString;
  reversed: MoneyString;
  adjusted: MoneyString;
  /** The payee is on hold: the month's net is kept back. */
  held: MoneyString;
  /** The net is under the payee's minimum payout: carried forward. */
  belowThreshold: MoneyString;
  payable: MoneyString;
  /** Carried out to the next month: held + belowThreshold. */
  closing: MoneyString;
  /** Why held or below threshold, e.g. "held: 18.40 < 25.00 minimum, carried forward"; null when payable. */
  reason: string | null;
}

export interface PayoutRun {
  orgId: string;
  period: string;
  /** When and by whom this result was stored (the figures do not depend on them). */
  ranAt: string;
  ranBy: string;
  /** The earlier month whose stored run gave the opening balances; null when none was run. */
  openingFrom: string | null;
  /** Set when an earlier month was run again after this one and its closing balances changed: run this month again. */
  stale: string | null;
  revenueCount: number;
  currencies: PayoutCurrencyTotals[];
  payees: PayoutPayeeLine[];
  /** Things the accountant should know that did not stop the run (refunds whose sale is missing, fallbacks over 100%). */
  warnings: string[];
}

/** A payee line of a consolidated view, with the org whose run it comes from. */
export interface PayoutGroupLine extends PayoutPayeeLine {
  orgId: string;
  orgName: string;
}

/** One org of a consolidated view: whether its month was run, and whether that run is stale. */
export interface PayoutGroupOrg {
  orgId: string;
  orgName: string;
  status: 'run' | 'stale' | 'not_run';
  ranAt: string | null;
  revenueCount: number;
}

/**
 * A parent org's month with every org below it: the stored runs side by side, totals per
 * currency over the orgs that were run (never across currencies), and the orgs whose month
 * was not run, so a consolidated figure never silently leaves one out.
 */
export interface PayoutGroup {
  orgId: string;
  period: string;
  orgs: PayoutGroupOrg[];
  currencies: PayoutCurrencyTotals[];
  payees: PayoutGroupLine[];
}

/** One share of one revenue in payouts.explain: which revenue and which rule version made it. */
export interface PayoutExplainRow {
  revenueId: number;
  revenueExternalId: string | null;
  kind: 'sale' | 'refund' | 'adjustment';
  occurredAt: string;
  productExternalId: string | null;
  productName: string | null;
  currency: string;
  /** The revenue's whole amount. */
  amount: MoneyString;
  /** This payee's part of it. */
  share: MoneyString;
  /** The rule whose version allocated it (for a refund: its sale's rule); null when only fallbacks did. */
  ruleId: number | null;
  ruleExternalId: string | null;
  ruleName: string | null;
  ruleVersion: number | null;
  /** 'rule': the payee is in the rule's splits; 'fallback': the payee's fallback_percentage of what no rule claimed. */
  basis: 'rule' | 'fallback';
  /** For a refund, the sale it reverses. */
  refundOf: string | null;
}

export interface PayoutExplainPage extends Page<PayoutExplainRow> {
  payeeId: number;
  currency: string | null;
  /** Per currency (the one asked for, or all): the payee's shares over every row (earned + reversed + adjusted). */
  totals: Array<{ currency: string; share: MoneyString }>;
}

export interface PayoutCompareLine {
  payeeId: number;
  payeeExternalId: string | null;
  payeeName: string;
  currency: string;
  /** The month's net (earned + reversed + adjusted) under the rules as they are. */
  current: MoneyString;
  /** The same under the chosen versions. */
  proposed: MoneyString;
  difference: MoneyString;
}

export interface PayoutComparison {
  orgId: string;
  period: string;
  ruleVersions: Array<{ ruleId: number; version: number }>;
  currencies: Array<{ currency: string; revenue: MoneyString; currentAllocated: MoneyString; proposedAllocated: MoneyString; currentUnallocated: MoneyString; proposedUnallocated: MoneyString }>;
  /** Every payee and currency with a share either way, the ones that change first. */
  payees: PayoutCompareLine[];
}

const monthInput = z.object({ orgId: orgIdSchema, period: periodSchema }).strict();
const payeeIdSchema = z.number().int().min(1);

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
  'payouts.group': method<PayoutGroup>()({
    summary: "A parent org's month with every org below it: each org's stored run (or that it was not run), the payee lines with their org, and totals per currency over the orgs run.",
    permission: 'read:payouts',
    input: monthInput,
  }),
  'payouts.explain': method<PayoutExplainPage>()({
    summary: "One page of the revenue rows that make a payee's figures in a month: each row's share and the rule version that made it (revenue id order).",
    permission: 'read:payouts',
    input: z
      .object({
        orgId: orgIdSchema,
        period: periodSchema,
        payeeId: payeeIdSchema,
        /** Only the rows in this currency (a payee line is one currency); omitted: all of the payee's rows. */
        currency: currencyCodeSchema.optional(),
        ...pageFields,
      })
      .strict()
      .superRefine(...pageCheck),
  }),
  'payouts.compare': method<PayoutComparison>()({
    summary: 'The month run again, without saving, with the chosen rules at the chosen versions: the difference per payee and currency.',
    permission: 'read:payouts',
    input: z
      .object({
        orgId: orgIdSchema,
        period: periodSchema,
        ruleVersions: z
          .array(z.object({ ruleId: z.number().int().min(1), version: z.number().int().min(1) }).strict())
          .min(1)
          .max(100),
      })
      .strict(),
  }),
  'payouts.export': method<{ path: string; rowCount: number; bytes: number }>()({
    summary: "Write the month's payable list (the stored run's payees with an amount to pay, per currency) to a CSV file for payment.",
    permission: 'read:payouts',
    writesFile: true,
    input: z
      .object({
        orgId: orgIdSchema,
        period: periodSchema,
        path: z.string().min(1),
        /** Start the file with a UTF-8 byte-order mark, so Excel reads it as UTF-8. */
        bom: z.boolean().default(true),
      })
      .strict(),
  }),
};
