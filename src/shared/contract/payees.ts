import { z } from 'zod';
import { method } from './define';
import { pageCheck, filterModelSchema, pageFields, sortModelSchema, type Page } from './grid';
import { batchInputSchema, type BatchResponse } from './imports';
import { orgIdSchema } from './orgs';
import type { MoneyString } from '../money';

/** A payee record as sent to payees.batch (field names as in the seed). */
export interface PayeeRecordInput {
  external_id?: string | null;
  /** Required to create. */
  name?: string;
  email?: string | null;
  on_hold?: boolean | string;
  /** Minimum payout, a decimal string. */
  threshold?: MoneyString;
  /** Share used when no rule matches, a decimal string 0..100. */
  fallback_percentage?: string | null;
}

export interface PayeeRow {
  id: number;
  externalId: string | null;
  name: string;
  email: string | null;
  onHold: boolean;
  threshold: MoneyString;
  fallbackPercentage: string | null;
  createdAt: string;
  updatedAt: string;
}

export const PAYEE_COLUMNS = ['id', 'externalId', 'name', 'email', 'onHold', 'threshold', 'fallbackPercentage', 'createdAt', 'updatedAt'] as const satisfies ReadonlyArray<
  keyof PayeeRow
>;
export type PayeeColumn = (typeof PAYEE_COLUMNS)[number];

export const payeesMethods = {
  'payees.list': method<Page<PayeeRow>>()({
    summary: "One page of an org's payees for a grid: sorted and filtered in the database.",
    permission: 'read:payees',
    input: z
      .object({ orgId: orgIdSchema, sortModel: sortModelSchema.default([]), filterModel: filterModelSchema.default({}), ...pageFields })
      .strict()
      .superRefine(...pageCheck),
  }),
  'payees.batch': method<BatchResponse>()({
    summary: 'Create or update up to 100 payees by external_id; per-record status and meta counts.',
    permission: 'write:payees',
    input: batchInputSchema<PayeeRecordInput>('create_or_update'),
  }),
};
