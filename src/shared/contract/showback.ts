import { z } from 'zod';
import { method } from './define';
import { IMPORT_OPERATIONS, ON_ERROR_CHOICES, recordObject, type BatchRecordResult, type OutcomeCounts } from './imports';
import { orgIdSchema, periodSchema } from './orgs';
import type { MoneyString } from '../money';

// Showback of commitments (issue 12, item 2): the data behind the showback_by_account,
// showback_by_service and showback_by_child_org allocation reports. Records are checked one
// by one on the server (a bad record fails alone, naming its field), like the seed's batches.

export const MAX_SHOWBACK_BATCH = 100;
export const MAX_USAGE_PAGE = 1000;
export const SHOWBACK_DIMENSIONS = ['account', 'service', 'child_org'] as const;
export type ShowbackDimension = (typeof SHOWBACK_DIMENSIONS)[number];
export const SHOWBACK_ALLOCATION_METHODS = ['proportional', 'even', 'fixed'] as const;
export type ShowbackAllocationMethod = (typeof SHOWBACK_ALLOCATION_METHODS)[number];

/** A commitment as commitments.batch takes it. Amounts are decimal strings, per month, in `currency`. */
export interface CommitmentInput {
  external_id: string;
  name: string;
  /** ISO 4217; the org's currency when not given. */
  currency?: string;
  /** YYYY-MM-DD, on or before term_start. */
  purchase_date: string;
  /** YYYY-MM-DD: the commitment counts in every calendar month from term_start's to term_end's. */
  term_start: string;
  /** YYYY-MM-DD, inclusive, not before term_start. */
  term_end: string;
  monthly_premium: MoneyString;
  /** Monthly commitment cost (an upfront fee spread over the term, say); "0" when not given. */
  commitment_cost?: MoneyString;
  /** Monthly rebates, which lower the effective cost; "0" when not given. */
  rebates?: MoneyString;
  /** proportional (default): to covered usage; even: the same to every target with covered usage; fixed: by fixed_shares. */
  allocation_method?: ShowbackAllocationMethod;
  /** Required with fixed, refused otherwise: the percentages (adding up to exactly 100) per target of one dimension. */
  fixed_shares?: { dimension: ShowbackDimension; shares: Array<{ target: string; percent: string }> } | null;
}

/** One month's usage of an account's service by an org (the holder or one below it). */
export interface ShowbackUsageInput {
  /** YYYY-MM (YYYY-MM-01 is accepted). */
  month: string;
  account: string;
  service: string;
  /** The org whose usage it is: the org itself (default) or an org below it. */
  child_org_id?: string;
  currency?: string;
  /** Usage no commitment covered, at on-demand rates. */
  on_demand_cost: MoneyString;
  /** The on-demand equivalent of the usage commitments covered. */
  covered_cost: MoneyString;
}

export interface CommitmentRow {
  id: number;
  external_id: string;
  name: string;
  currency: string;
  purchase_date: string;
  term_start: string;
  term_end: string;
  monthly_premium: MoneyString;
  commitment_cost: MoneyString;
  rebates: MoneyString;
  allocation_method: ShowbackAllocationMethod;
  fixed_shares: CommitmentInput['fixed_shares'];
}

export interface ShowbackUsageRow {
  id: number;
  month: string;
  account: string;
  service: string;
  child_org_id: string;
  currency: string;
  on_demand_cost: MoneyString;
  covered_cost: MoneyString;
}

export interface ShowbackBatchResponse {
  data: BatchRecordResult[];
  meta: OutcomeCounts & { total: number; batch_status: 'committed' };
}

function showbackBatch<T extends object>() {
  return z
    .object({
      orgId: orgIdSchema,
      operation: z.enum(IMPORT_OPERATIONS).default('create_or_update'),
      /** skip (default): valid records land, the rest are listed. reject: all or nothing. */
      onError: z.enum(ON_ERROR_CHOICES).default('skip'),
      records: z
        .array(recordObject<T>())
        .min(1, 'give at least one record')
        .max(MAX_SHOWBACK_BATCH, `at most ${MAX_SHOWBACK_BATCH} records per call`),
    })
    .strict();
}

export const showbackMethods = {
  'commitments.batch': method<ShowbackBatchResponse>()({
    summary: 'Create or update (by external_id) up to 100 commitments: term, monthly premium, commitment cost, rebates and how they are allocated.',
    permission: 'write:reports',
    input: showbackBatch<CommitmentInput>(),
  }),
  'commitments.list': method<{ commitments: CommitmentRow[] }>()({
    summary: "The org's commitments, by term start then external_id.",
    permission: 'read:reports',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
  'showback.usageBatch': method<ShowbackBatchResponse>()({
    summary: 'Set up to 100 usage rows (month, account, service, child org, currency): on-demand and covered cost.',
    permission: 'write:reports',
    input: showbackBatch<ShowbackUsageInput>(),
  }),
  'showback.usageList': method<{ count: number; usage: ShowbackUsageRow[] }>()({
    summary: "The org's showback usage, one month or all, in key order, a page at a time (count: rows across all pages).",
    permission: 'read:reports',
    input: z
      .object({
        orgId: orgIdSchema,
        month: periodSchema.optional(),
        limit: z.number().int().min(1).max(MAX_USAGE_PAGE, `a page holds at most ${MAX_USAGE_PAGE} rows`).default(MAX_USAGE_PAGE),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  }),
};
