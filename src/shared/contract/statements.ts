import { z } from 'zod';
import { method } from './define';
import { orgIdSchema } from './orgs';
import type { MoneyString } from '../money';

// Statements (seed 004): generated from an org's price plans, usage per billing cycle and
// credits; listed in three shapes and fetched one by one; never posted.

export const MAX_STATEMENT_BATCH = 100;
export const STATEMENT_SERIALIZERS = ['name', 'list', 'detail'] as const;
export type StatementSerializer = (typeof STATEMENT_SERIALIZERS)[number];
export const MAX_STATEMENT_PAGE_SIZE = 100;

const NON_NEGATIVE_MONEY = /^(0|[1-9]\d{0,8})(\.\d{1,6})?$/;
/** A price: a plain non-negative decimal string with at most 6 decimals. */
const priceSchema = z
  .string()
  .refine((text) => !text.trim().startsWith('-'), { message: 'must not be negative', abort: true })
  .refine((text) => NON_NEGATIVE_MONEY.test(text), { message: 'must be a plain decimal number such as "12.50" (at most 6 decimals)' });
const countSchema = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day YYYY-MM-DD');
const externalIdSchema = z.string().trim().min(1).max(200);
const anchorDaySchema = z
  .number({ error: 'must be a day of the month, 1 to 31' })
  .int('must be a day of the month, 1 to 31')
  .min(1, 'must be a day of the month, 1 to 31 (0 is not a day)')
  .max(31, 'must be a day of the month, 1 to 31');

/** Prices per unit, as decimal strings of the org's currency. */
export interface PlanPricesInput {
  /** Per seat per month. */
  subscription_price: MoneyString;
  /** Per pay-per-use record. */
  ppu_price: MoneyString;
  /** Per section widget use. */
  section_widget_price: MoneyString;
  /** Per column widget use. */
  column_widget_price: MoneyString;
  /** Per record version stored. */
  record_storage_price: MoneyString;
  /** Per 100 GB of files per month. */
  file_storage_price: MoneyString;
  /** Per backup. */
  backup_price: MoneyString;
}

const planRecordSchema = z
  .object({
    external_id: externalIdSchema.optional(),
    name: z.string().trim().min(1, 'must not be empty').max(200),
    effective_from: daySchema,
    /** Inclusive; null or absent: open-ended. */
    effective_to: daySchema.nullish(),
    is_subscription: z.boolean().default(true),
    subscription_price: priceSchema,
    ppu_price: priceSchema.default('0'),
    section_widget_price: priceSchema.default('0'),
    column_widget_price: priceSchema.default('0'),
    record_storage_price: priceSchema.default('0'),
    file_storage_price: priceSchema.default('0'),
    backup_price: priceSchema.default('0'),
  })
  .strict();
export type PlanRecordInput = z.input<typeof planRecordSchema>;

const usageRecordSchema = z
  .object({
    /** The cycle's first day (a start under the org's anchor day). */
    cycle_start: daySchema,
    seats: countSchema.default(0),
    record_count: countSchema.default(0),
    section_widget_uses: countSchema.default(0),
    column_widget_uses: countSchema.default(0),
    version_count: countSchema.default(0),
    /** Files stored, in MB (1 GB = 1,000 MB). */
    file_size_mb: countSchema.default(0),
    backups: countSchema.default(0),
  })
  .strict();
export type UsageRecordInput = z.input<typeof usageRecordSchema>;

const creditRecordSchema = z
  .object({
    external_id: externalIdSchema.optional(),
    granted_on: daySchema,
    amount: priceSchema.refine((text) => /[1-9]/.test(text), { message: 'must be more than zero' }),
    note: z.string().trim().max(500).nullish(),
  })
  .strict();
export type CreditRecordInput = z.input<typeof creditRecordSchema>;

function batchOf<T extends z.ZodType>(record: T) {
  return z
    .object({
      orgId: orgIdSchema,
      records: z.array(record).min(1, 'give at least one record').max(MAX_STATEMENT_BATCH, `at most ${MAX_STATEMENT_BATCH} records per call`),
    })
    .strict();
}

export interface StatementBatchResult {
  created: number;
  updated: number;
  /** The ids of the records, in the order sent. */
  ids: Array<number | string>;
}

export interface PlanRow extends PlanPricesInput {
  id: number;
  external_id: string | null;
  name: string;
  effective_from: string;
  effective_to: string | null;
  is_subscription: boolean;
  currency: string;
}

export interface UsageRow {
  cycle_start: string;
  cycle_end: string;
  seats: number;
  record_count: number;
  section_widget_uses: number;
  column_widget_uses: number;
  version_count: number;
  file_size_mb: number;
  backups: number;
}

export interface CreditRow {
  id: number;
  external_id: string | null;
  granted_on: string;
  note: string | null;
  granted: MoneyString;
  applied: MoneyString;
  remaining: MoneyString;
}

export interface CreditLedger {
  currency: string;
  credits: CreditRow[];
  granted: MoneyString;
  applied: MoneyString;
  remaining: MoneyString;
}

export interface BillingSettings {
  orgId: string;
  anchor_day: number;
  currency: string;
  /** The cycle holding today (on the org's clock). */
  current_cycle: { date_start: string; date_end: string };
}

/** Seed 004, serializer "name". */
export interface StatementName {
  sid: string;
  name: string;
}

/** Exact decimal strings beside the display strings (machine-readable). */
export interface StatementAmounts {
  currency: string;
  subscription_price: MoneyString;
  ppu_price: MoneyString;
  section_widget_price: MoneyString;
  column_widget_price: MoneyString;
  record_storage_price: MoneyString;
  file_storage_price: MoneyString;
  backup_price: MoneyString;
  subscription_cost: MoneyString;
  ppu_cost: MoneyString;
  section_widget_usage_cost: MoneyString;
  column_widget_usage_cost: MoneyString;
  record_storage_cost: MoneyString;
  file_storage_cost: MoneyString;
  backup_cost: MoneyString;
  total: MoneyString;
  credits_applied: MoneyString;
  amount_due: MoneyString;
  available_credits: MoneyString;
  section_widget_uses: number;
  column_widget_uses: number;
  backups: number;
  file_size_mb: number;
  /** Which plan covered which days of the cycle (more than one: the costs are prorated by days). */
  plan_segments: Array<{ plan_id: number; date_start: string; date_end: string; days: number }>;
}

/** Where a statement comes from: generated here, or synced from the org's online system (sync.run, seed 004); not a seed field. */
export type StatementOrigin = 'local' | 'synced';

/** Seed 004, serializer "list" (+ amounts). */
export interface StatementListItem extends StatementName {
  date_start: string;
  date_end: string;
  subscription_cost: string;
  ppu_cost: string;
  section_widget_usage_cost: string;
  column_widget_usage_cost: string;
  record_storage_cost: string;
  file_storage_cost: string;
  backup_cost: string;
  total: string;
  change_permission: boolean;
  origin: StatementOrigin;
  /** A synced statement the server no longer lists: when a sync found it gone (it is kept here); null otherwise. Not a seed field. */
  deleted_on_server_at: string | null;
  amounts: StatementAmounts;
}

/** Seed 004, serializer "detail" and statements.get (+ amounts). */
export interface StatementDetail extends StatementName {
  date_start: string;
  date_end: string;
  subscription_price: string;
  seats: number;
  subscription_cost: string;
  ppu_price: string;
  record_count: number;
  ppu_cost: string;
  section_widget_usage_cost: string;
  column_widget_usage_cost: string;
  version_count: number;
  record_storage_price: string;
  record_storage_cost: string;
  file_storage_price: string;
  file_size: string;
  file_storage_cost: string;
  backup_cost: string;
  total: string;
  available_credits: string;
  is_current: boolean;
  is_subscription: boolean;
  origin: StatementOrigin;
  /** A synced statement the server no longer lists: when a sync found it gone (it is kept here); null otherwise. Not a seed field. */
  deleted_on_server_at: string | null;
  amounts: StatementAmounts;
}

/** Seed 004's page: next and previous are page numbers (null at either end). */
export interface StatementPage<T> {
  page_size: number;
  page_number: number;
  page_count: number;
  count: number;
  next: number | null;
  previous: number | null;
  add_permission: boolean;
  results: T[];
}

export type StatementResult = StatementName | StatementListItem | StatementDetail;

export const statementsMethods = {
  'statements.list': method<StatementPage<StatementResult>>()({
    summary: "An org's statements, newest cycle first, in one of seed 004's shapes (name, list, detail); generated first where a cycle has none yet.",
    permission: 'read:statements',
    input: z
      .object({
        orgId: orgIdSchema,
        serializer: z.enum(STATEMENT_SERIALIZERS, { error: 'must be one of name, list, detail' }).default('list'),
        page_size: z
          .number({ error: `must be a whole number from 1 to ${MAX_STATEMENT_PAGE_SIZE}` })
          .int(`must be a whole number from 1 to ${MAX_STATEMENT_PAGE_SIZE}`)
          .min(1, `must be at least 1 (at most ${MAX_STATEMENT_PAGE_SIZE})`)
          .max(MAX_STATEMENT_PAGE_SIZE, `must be at most ${MAX_STATEMENT_PAGE_SIZE}`)
          .default(10),
        page_number: z.number({ error: 'must be a whole number from 1' }).int('must be a whole number from 1').min(1, 'must be at least 1').default(1),
      })
      .strict(),
  }),
  'statements.get': method<StatementDetail>()({
    summary: 'One statement by sid, in the detail shape (404 statement_not_found when unknown).',
    permission: 'read:statements',
    input: z.object({ sid: z.string().trim().min(1).max(100) }).strict(),
  }),
  'statements.create': method<never>()({
    summary: 'Refused: statements are generated from plans, usage and credits, never posted.',
    permission: 'write:statements',
    input: z.unknown(),
  }),
  'billing.get': method<BillingSettings>()({
    summary: "The org's billing anchor day and its current billing cycle.",
    permission: 'read:statements',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
  'billing.update': method<BillingSettings>()({
    summary: 'Set the billing anchor day (1..31; a month shorter than it starts its cycle on its last day); refused once usage or statements exist.',
    permission: 'write:statements',
    input: z.object({ orgId: orgIdSchema, anchor_day: anchorDaySchema }).strict(),
  }),
  'plans.list': method<{ plans: PlanRow[] }>()({
    summary: "The org's price plans, oldest first.",
    permission: 'read:statements',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
  'plans.batch': method<StatementBatchResult>()({
    summary: 'Create or update (by external_id) up to 100 price plans; all or nothing, overlapping dates refused.',
    permission: 'write:statements',
    input: batchOf(planRecordSchema),
  }),
  'usage.list': method<{ usage: UsageRow[] }>()({
    summary: "The org's usage per billing cycle, oldest first.",
    permission: 'read:statements',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
  'usage.batch': method<StatementBatchResult>()({
    summary: "Set the usage of up to 100 billing cycles (by cycle_start); all or nothing; the current statement is recomputed.",
    permission: 'write:statements',
    input: batchOf(usageRecordSchema),
  }),
  'credits.list': method<CreditLedger>()({
    summary: "The org's credits ledger: each grant with what was applied and what remains.",
    permission: 'read:statements',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
  'credits.batch': method<StatementBatchResult>()({
    summary: 'Grant up to 100 credits (external_id once each); all or nothing; applied oldest first to the statements generated from then on.',
    permission: 'write:statements',
    input: batchOf(creditRecordSchema),
  }),
};
