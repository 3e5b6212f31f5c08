import { z } from 'zod';
import { method } from './define';
import { filterModelSchema, pageCheck, pageFields, sortModelSchema, type Page } from './grid';
import { consumptionScopeFields } from './consumption';
import { orgIdSchema, periodSchema } from './orgs';
import type { CurrencyAmount } from './imports';
import type { MoneyString } from '../money';

// Reconciliation (seed 003): for each finalized record the adjustment final - consumed (sell;
// buy kept for the margin). Within the workspace's tolerance it reconciles on its own; above it
// waits for review (approve with a note, or hold). A non-zero reconciled adjustment becomes a
// compensation item, a credit or a charge to the customer. Every step is kept in the history.

const recordUuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'expected a uuid');
const noteText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(2000, `${what} holds at most 2000 characters`);
/** A tolerance is a plain decimal string of at least zero. */
const nonNegativeDecimal = (field: string, max?: string) =>
  z
    .string()
    .regex(/^-?\d{1,9}(\.\d{1,6})?$/, `${field} is a plain decimal number below 1,000,000,000 with at most 6 decimals, such as "1.50"`)
    .refine((text) => !text.startsWith('-') || /^-0+(\.0+)?$/.test(text), `${field} cannot be below zero`)
    .refine((text) => max === undefined || Number(text) <= Number(max), `${field} is at most ${max}`);

export const MAX_REVIEW_RECORDS = 1000;
const reviewUuids = z.array(recordUuid).min(1, 'name at least one record').max(MAX_REVIEW_RECORDS, `at most ${MAX_REVIEW_RECORDS} records per call`);

export interface ToleranceSetting {
  /** Largest absolute difference that reconciles without review, in the record's currency. */
  tolerance_amount: MoneyString;
  /** Largest difference as a percent of the estimate. Both limits must hold. */
  tolerance_percent: string;
  updated_at: string | null;
}

export interface ReconciliationRunResult {
  org_id: string;
  period: string;
  /** Reconciled by this run (within tolerance). */
  reconciled: number;
  /** Above tolerance, waiting for approve or hold. */
  needs_review: number;
  held: number;
  /** Already reconciled before this run: left as they were. */
  already_reconciled: number;
  /** No final amount although the month has ended. */
  missing_final: number;
  /** No final amount yet, month not over. */
  not_finalized: number;
  compensation_items_created: number;
  /** Adjustments reconciled by this run, per currency. */
  adjusted: CurrencyAmount[];
}

export interface ReviewResult {
  /** The records the call changed, by uuid. */
  records: string[];
  compensation_items_created: number;
}

export const RECONCILIATION_ACTIONS = ['auto_reconciled', 'approved', 'held', 'needs_review', 'reversed'] as const;
export type ReconciliationAction = (typeof RECONCILIATION_ACTIONS)[number];

export interface ReconciliationEvent {
  id: number;
  record_uuid: string;
  action: ReconciliationAction;
  adjustment_amount: MoneyString | null;
  compensation_item_uuid: string | null;
  note: string | null;
  actor: string;
  at: string;
}

export interface CompensationItemRow {
  uuid: string;
  kind: 'credit' | 'charge';
  amount: MoneyString;
  buy_amount: MoneyString;
  currency: string;
  billing_period: string;
  customer_uuid: string | null;
  customer_name: string | null;
  record_uuid: string;
  invoice_item_uuid: string | null;
  created: string;
  reversed_at: string | null;
  reversal_reason: string | null;
}

export const COMPENSATION_COLUMNS = [
  'uuid',
  'kind',
  'amount',
  'buy_amount',
  'currency',
  'billing_period',
  'customer_name',
  'record_uuid',
  'invoice_item_uuid',
  'created',
  'reversed_at',
  'reversal_reason',
] as const satisfies ReadonlyArray<keyof CompensationItemRow>;
export type CompensationColumn = (typeof COMPENSATION_COLUMNS)[number];

export const reconciliationMethods = {
  'reconciliation.run': method<ReconciliationRunResult>()({
    summary: "Reconcile an org's month: adjustments within tolerance reconcile (with a compensation item when not zero), the rest wait for review.",
    permission: 'write:reconciliation',
    input: z.object({ orgId: orgIdSchema, period: periodSchema }).strict(),
  }),
  'reconciliation.approve': method<ReviewResult>()({
    summary: 'Approve reviewed records (above tolerance or held) with a note: each reconciles with its compensation item.',
    permission: 'write:reconciliation',
    input: z.object({ uuids: reviewUuids, note: noteText('note') }).strict(),
  }),
  'reconciliation.hold': method<ReviewResult>()({
    summary: 'Hold records out of reconciliation until approved; an optional note says why.',
    permission: 'write:reconciliation',
    input: z.object({ uuids: reviewUuids, note: noteText('note').nullish() }).strict(),
  }),
  'reconciliation.reverse': method<ReviewResult>()({
    summary: 'Reverse a reconciliation with a reason: the record is restored as before it and its compensation item is marked reversed.',
    permission: 'write:reconciliation',
    input: z.object({ uuid: recordUuid, reason: noteText('reason') }).strict(),
  }),
  'reconciliation.history': method<ReconciliationEvent[]>()({
    summary: "A record's reconciliation steps, oldest first.",
    permission: 'read:reconciliation',
    input: z.object({ uuid: recordUuid }).strict(),
  }),
  'reconciliation.compensationItems': method<Page<CompensationItemRow>>()({
    summary: "An org's compensation items (credits and charges) for a grid, sorted and filtered in the database.",
    permission: 'read:reconciliation',
    input: z
      .object({ ...consumptionScopeFields, sortModel: sortModelSchema.default([]), filterModel: filterModelSchema.default({}), ...pageFields })
      .strict()
      .superRefine(...pageCheck),
  }),
  'reconciliation.settings': method<ToleranceSetting>()({
    summary: "The workspace's reconciliation tolerance (absolute amount and percent of the estimate).",
    permission: 'read:reconciliation',
    input: z.object({}).strict(),
  }),
  'reconciliation.setTolerance': method<ToleranceSetting>()({
    summary: "Set the workspace's tolerance: a difference within both limits reconciles without review.",
    permission: 'write:reconciliation',
    input: z
      .object({ tolerance_amount: nonNegativeDecimal('tolerance_amount'), tolerance_percent: nonNegativeDecimal('tolerance_percent', '100') })
      .strict(),
  }),
};
