import { z } from 'zod';
import { method } from './define';
import { pageCheck, filterModelSchema, pageFields, sortModelSchema, type Page } from './grid';
import { batchInputSchema, type BatchResponse } from './imports';
import { orgIdSchema } from './orgs';
import type { MoneyString } from '../money';

/** A payee record as sent to payees.batch (field names as in the seed). */
export interface PayeeRecordInput {
  /** Names a stored payee to update (one with no external_id, from a screen); never creates. */
  id?: number;
  external_id?: string | null;
  /** Required to create. */
  name?: string;
  email?: string | null;
  /** Digits, spaces and + ( ) . / -; at most 40 characters. */
  phone?: string | null;
  /** Postal address, free text (lines kept); at most 500 characters. */
  address?: string | null;
  /** ISO 4217 code the payee is paid in (e.g. "EUR"); a code not known is refused. */
  payout_currency?: string | null;
  on_hold?: boolean | string;
  /** Why the payouts are held; only with on_hold true (releasing clears it). */
  hold_reason?: string | null;
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
  phone: string | null;
  address: string | null;
  payoutCurrency: string | null;
  onHold: boolean;
  holdReason: string | null;
  threshold: MoneyString;
  fallbackPercentage: string | null;
  createdAt: string;
  updatedAt: string;
}

export const PAYEE_COLUMNS = [
  'id',
  'externalId',
  'name',
  'email',
  'phone',
  'address',
  'payoutCurrency',
  'onHold',
  'holdReason',
  'threshold',
  'fallbackPercentage',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof PayeeRow>;
export type PayeeColumn = (typeof PAYEE_COLUMNS)[number];
/** The values the payees grid's onHold column filters on (a set filter). */
export const PAYEE_HOLD_STATES = ['held', 'active'] as const;

/** A payee named by id or by external_id (one of them). */
export const payeeKeySchema = z
  .object({ orgId: orgIdSchema, id: z.number().int().min(1).optional(), externalId: z.string().min(1).max(200).optional() })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.externalId === undefined), { message: 'name the payee by id or by externalId (one of them)', path: ['id'] });

const payeeIdSchema = z.number().int().min(1);

export const payeesMethods = {
  'payees.get': method<PayeeRow>()({
    summary: 'One payee with its contact details, hold and threshold, by id or external_id (404 when not in the org).',
    permission: 'read:payees',
    input: payeeKeySchema,
  }),
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
  'payees.hold': method<PayeeRow>()({
    summary: "Put a payee on hold, saying why: its payouts are held (carried forward) until it is released. Recorded as a one-record batch.",
    permission: 'write:payees',
    input: z.object({ orgId: orgIdSchema, id: payeeIdSchema, reason: z.string().trim().min(1, 'say why the payouts are held').max(500) }).strict(),
  }),
  'payees.release': method<PayeeRow>()({
    summary: 'Release a payee from hold (its hold reason is cleared); recorded as a one-record batch.',
    permission: 'write:payees',
    input: z.object({ orgId: orgIdSchema, id: payeeIdSchema }).strict(),
  }),
};
