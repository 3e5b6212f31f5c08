import { z } from 'zod';
import { method } from './define';
import { filterModelSchema, pageCheck, pageFields, sortModelSchema, type Page } from './grid';
import { batchInputSchema, type BatchResponse } from './imports';
import { orgIdSchema, periodSchema } from './orgs';
import type { MoneyString } from '../money';

// Consumption records as seed 003 shows them: consumed_* estimated from usage during the
// month, final_* from the billing export, the adjustment set by reconciliation. Field names
// are the seed's; currency and org_id are ours (a record's amounts are in one currency).

export interface ConsumptionRecord {
  uuid: string;
  url: string;
  org_id: string;
  resource: string | null;
  resource_uuid: string | null;
  resource_name: string | null;
  project_uuid: string | null;
  project_name: string | null;
  customer_uuid: string | null;
  customer_name: string | null;
  license_reference: string;
  /** First day of the billing month, YYYY-MM-DD. */
  billing_period: string;
  currency: string;
  consumed_sell: MoneyString | null;
  consumed_buy: MoneyString | null;
  final_sell: MoneyString | null;
  final_buy: MoneyString | null;
  invoice_item_uuid: string | null;
  compensation_item_uuid: string | null;
  last_sync_at: string | null;
  finalized_at: string | null;
  reconciled_at: string | null;
  is_finalized: boolean;
  is_reconciled: boolean;
  adjustment_amount: MoneyString | null;
  raw_data: unknown;
  created: string;
  modified: string;
}

/** A consumption file row or consumption.batch record: the estimated amounts of one record. */
export interface ConsumptionRecordInput {
  license_reference?: string;
  resource_uuid?: string | null;
  resource_name?: string | null;
  resource?: string | null;
  /** The billing month: YYYY-MM or its first day YYYY-MM-01. */
  billing_period?: string;
  consumed_sell?: MoneyString;
  consumed_buy?: MoneyString;
  /** The currency of the amounts; the org's currency when not given. */
  currency?: string;
  customer_uuid?: string | null;
  customer_name?: string | null;
  project_uuid?: string | null;
  project_name?: string | null;
  /** When the usage was read from the consumption API (ISO date-time); the import's time when not given. */
  last_sync_at?: string | null;
  /** Raw consumption data for debugging: a JSON object, or its text. */
  raw_data?: unknown;
}

const uuidSchema = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'expected a uuid');
/** A billing month as the seed writes it (YYYY-MM-01); YYYY-MM is accepted and means the same. */
export const billingPeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/, 'expected the first day of a month, YYYY-MM-01')
  .transform((text) => (text.length === 7 ? `${text}-01` : text));
/** Query-string style booleans are accepted too ("true", "false"). */
const flagSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]);

export const CONSUMPTION_MAX_PAGE_SIZE = 1000;

export const consumptionListSchema = z
  .object({
    /** Records of one org; all orgs when not given. */
    orgId: orgIdSchema.nullish(),
    billing_period: billingPeriodSchema.optional(),
    billing_period_from: billingPeriodSchema.optional(),
    billing_period_to: billingPeriodSchema.optional(),
    customer_uuid: uuidSchema.optional(),
    project_uuid: uuidSchema.optional(),
    resource_uuid: uuidSchema.optional(),
    resource: z.string().min(1).max(500).optional(),
    license_reference: z.string().min(1).max(100).optional(),
    is_finalized: flagSchema.optional(),
    is_reconciled: flagSchema.optional(),
    page: z.number().int().min(1).default(1),
    page_size: z.number().int().min(1).max(CONSUMPTION_MAX_PAGE_SIZE, `a page holds at most ${CONSUMPTION_MAX_PAGE_SIZE} records`).default(100),
  })
  .strict();
export type ConsumptionListInput = z.output<typeof consumptionListSchema>;

export interface ConsumptionListPage {
  /** Records matching the filters, across all pages. */
  count: number;
  page: number;
  page_size: number;
  results: ConsumptionRecord[];
}

/** Where a record stands in the month-end review. */
export const RECORD_STATUSES = ['estimated', 'missing_final', 'finalized', 'needs_review', 'held', 'reconciled'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** A row of the Reconciliation screen's grid: the record and what the review needs beside it. */
export interface ConsumptionGridRow extends ConsumptionRecord {
  status: RecordStatus;
  /** final_sell - consumed_sell (the stored adjustment once reconciled); null until final. */
  adjustment: MoneyString | null;
  /** final_buy - consumed_buy; null until final. */
  adjustment_buy: MoneyString | null;
  /** adjustment / consumed_sell x 100, exact to 2 decimals (half away from zero); null without an estimate or a final amount. */
  percent_difference: string | null;
  /** Sell minus buy: final amounts once known, else the estimates. */
  margin: MoneyString | null;
  /** The adjustment is over the workspace's tolerance (null until final or once reconciled). */
  above_tolerance: boolean | null;
}

export const CONSUMPTION_GRID_COLUMNS = [
  'billing_period',
  'customer_name',
  'project_name',
  'resource_name',
  'license_reference',
  'currency',
  'consumed_sell',
  'final_sell',
  'adjustment',
  'percent_difference',
  'consumed_buy',
  'final_buy',
  'margin',
  'status',
  'finalized_at',
  'reconciled_at',
  'compensation_item_uuid',
  'invoice_item_uuid',
  'uuid',
] as const satisfies ReadonlyArray<keyof ConsumptionGridRow>;
export type ConsumptionGridColumn = (typeof CONSUMPTION_GRID_COLUMNS)[number];

/** Column headings of the grid and its CSV export. */
export const CONSUMPTION_COLUMN_LABELS: Record<ConsumptionGridColumn, string> = {
  billing_period: 'Month',
  customer_name: 'Customer',
  project_name: 'Project',
  resource_name: 'Resource',
  license_reference: 'License',
  currency: 'Currency',
  consumed_sell: 'Consumed',
  final_sell: 'Final',
  adjustment: 'Adjustment',
  percent_difference: '% difference',
  consumed_buy: 'Consumed buy',
  final_buy: 'Final buy',
  margin: 'Margin',
  status: 'Status',
  finalized_at: 'Finalized at',
  reconciled_at: 'Reconciled at',
  compensation_item_uuid: 'Compensation item',
  invoice_item_uuid: 'Invoice item',
  uuid: 'Record',
};

/** The screen's scope: an org, optionally one month and one customer. */
export const consumptionScopeFields = {
  orgId: orgIdSchema,
  period: periodSchema.nullable().default(null),
  customerUuid: uuidSchema.nullable().default(null),
  /** The org's records with those of every org below it (a parent's consolidated view). */
  includeChildren: z.boolean().default(false),
};

/** Totals that tie out: consumed + adjustment = final, per currency (finalized records only). */
export interface TieOut {
  currency: string;
  records: number;
  finalized: number;
  consumed: MoneyString;
  adjustment: MoneyString;
  final: MoneyString;
  /** Estimates of records with no final amount yet (outside the tie-out). */
  consumed_not_final: MoneyString;
}

export interface ConsumptionSummary {
  totals: TieOut[];
  by_customer: Array<TieOut & { customer_uuid: string | null; customer_name: string | null }>;
  by_month: Array<TieOut & { billing_period: string }>;
  /** Records in the scope by status. */
  statuses: Partial<Record<RecordStatus, number>>;
}

export const consumptionMethods = {
  'consumption.list': method<ConsumptionListPage>()({
    summary: "Consumption records with the seed's filters (billing period exact, from, to; customer, project, resource, license; flags), one page.",
    permission: 'read:consumption',
    input: consumptionListSchema,
  }),
  'consumption.get': method<ConsumptionRecord>()({
    summary: 'One consumption record by uuid (404 not_found when there is none).',
    permission: 'read:consumption',
    input: z.object({ uuid: uuidSchema }).strict(),
  }),
  'consumption.grid': method<Page<ConsumptionGridRow>>()({
    summary: "One page of an org's consumption records for the Reconciliation grid, sorted and filtered in the database.",
    permission: 'read:consumption',
    input: z
      .object({ ...consumptionScopeFields, sortModel: sortModelSchema.default([]), filterModel: filterModelSchema.default({}), ...pageFields })
      .strict()
      .superRefine(...pageCheck),
  }),
  'consumption.summary': method<ConsumptionSummary>()({
    summary: 'Totals of the scope per currency, per customer and per month: consumed + adjustment = final, exact.',
    permission: 'read:consumption',
    input: z.object({ ...consumptionScopeFields, filterModel: filterModelSchema.default({}) }).strict(),
  }),
  'consumption.export': method<{ path: string; rowCount: number; bytes: number }>()({
    summary: 'Write the Reconciliation grid of a scope (sort and filters applied, the columns in their order) to a CSV file with exact amounts.',
    permission: 'read:consumption',
    writesFile: true,
    input: z
      .object({
        ...consumptionScopeFields,
        sortModel: sortModelSchema.default([]),
        filterModel: filterModelSchema.default({}),
        columns: z.array(z.enum(CONSUMPTION_GRID_COLUMNS)).min(1).max(CONSUMPTION_GRID_COLUMNS.length).default([...CONSUMPTION_GRID_COLUMNS]),
        path: z.string().min(1),
        bom: z.boolean().default(true),
      })
      .strict(),
  }),
  'consumption.batch': method<BatchResponse>()({
    summary: 'Create or update up to 100 consumption records (consumed amounts) by license, resource and billing period.',
    permission: 'write:consumption',
    input: batchInputSchema<ConsumptionRecordInput>('create_or_update'),
  }),
};
