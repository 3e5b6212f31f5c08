import { z } from 'zod';
import { method } from './define';
import { filterModelSchema, pageCheck, pageFields, sortModelSchema, type Page } from './grid';
import { orgIdSchema, periodSchema } from './orgs';
import type { MoneyString } from '../money';
import { batchInputSchema, recordObject, type BatchResponse, type RevenueRecordInput } from './imports';

export const REVENUE_KINDS = ['sale', 'refund', 'adjustment'] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

export interface RevenueRow {
  id: number;
  externalId: string | null;
  /** The org the revenue belongs to (the viewed org, or one of its children with includeChildren). */
  orgId: string;
  orgName: string;
  kind: RevenueKind;
  /** ISO 8601 UTC date-time. */
  occurredAt: string;
  period: string;
  payeeName: string | null;
  productName: string | null;
  productCategory: string | null;
  amount: MoneyString;
  currency: string;
  quantity: number;
  description: string | null;
  /** external_id of the sale a refund reverses. */
  refundOf: string | null;
}

/** Grid columns, in display order; the ids sort, filter and export accept. */
export const REVENUE_COLUMNS = [
  'externalId',
  'occurredAt',
  'kind',
  'payeeName',
  'productName',
  'productCategory',
  'amount',
  'currency',
  'orgName',
  'quantity',
  'description',
  'refundOf',
  'period',
] as const satisfies ReadonlyArray<keyof RevenueRow>;
export type RevenueColumn = (typeof REVENUE_COLUMNS)[number];

const viewFields = {
  orgId: orgIdSchema,
  /** null: every period. */
  period: periodSchema.nullable().default(null),
  /** The org's rows with those of every org below it (a parent's consolidated view). */
  includeChildren: z.boolean().default(false),
  sortModel: sortModelSchema.default([]),
  filterModel: filterModelSchema.default({}),
};

export const revenuesMethods = {
  'revenues.list': method<Page<RevenueRow>>()({
    summary: 'One page of revenues for a grid: sorted and filtered in the database.',
    permission: 'read:revenues',
    input: z
      .object({ ...viewFields, ...pageFields })
      .strict()
      .superRefine(...pageCheck),
  }),
  'revenues.summary': method<{ rowCount: number; totals: Array<{ currency: string; amount: MoneyString }> }>()({
    summary: 'Row count and exact amount totals per currency for the current view.',
    permission: 'read:revenues',
    input: z.object(viewFields).strict(),
  }),
  'revenues.export': method<{ path: string; rowCount: number; bytes: number }>()({
    summary:
      "Write the rows and columns of a view (sort and filters applied) to a CSV file: UTF-8 with a BOM unless bom is false, dates as YYYY-MM-DD HH:MM:SS on the org's clock, kinds as labelled on screen, exact amounts.",
    permission: 'read:revenues',
    writesFile: true,
    input: z
      .object({
        ...viewFields,
        columns: z.array(z.enum(REVENUE_COLUMNS)).min(1).max(REVENUE_COLUMNS.length),
        path: z.string().min(1),
        /** Start the file with a UTF-8 byte-order mark, so Excel reads it as UTF-8. */
        bom: z.boolean().default(true),
      })
      .strict(),
  }),
  'revenues.get': method<RevenueRow>()({
    summary: 'One revenue of the org by its record id (404 revenue_not_found when the org has none: never written, or removed by an undo).',
    permission: 'read:revenues',
    input: z.object({ orgId: orgIdSchema, id: z.number().int().min(1) }).strict(),
  }),
  'revenues.create': method<{ status: 'created' | 'skipped_duplicate'; revenue: RevenueRow; batchId: number }>()({
    summary: 'Create one revenue. An existing external_id returns the existing record as skipped_duplicate.',
    permission: 'write:revenues',
    input: z.object({ orgId: orgIdSchema, record: recordObject<RevenueRecordInput>() }).strict(),
  }),
  'revenues.batch': method<BatchResponse>()({
    summary: 'Create (or upsert by external_id) up to 100 revenues; per-record status and meta counts.',
    permission: 'write:revenues',
    input: batchInputSchema<RevenueRecordInput>('create_only'),
  }),
};
