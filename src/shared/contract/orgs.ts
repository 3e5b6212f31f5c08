import { z } from 'zod';
import { method } from './define';
import type { PeriodStatus } from '../period';
import { isKnownCurrency } from '../currency';

export interface Org {
  id: string;
  name: string;
  parentId: string | null;
  /** The org's reporting currency, an ISO 4217 code ("USD"). */
  currency: string;
  createdAt: string;
}

export interface PeriodInfo {
  period: string;
  status: PeriodStatus;
  finalizedAt: string | null;
}

export const ORG_NAME_MAX = 200;

export const orgIdSchema = z.string().min(1).max(64);
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a calendar month YYYY-MM');

export const orgNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(ORG_NAME_MAX, `must be at most ${ORG_NAME_MAX} characters`)
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters (tabs, line breaks)');

/** An ISO 4217 code as the standard writes it: three capitals that Intl knows. */
export const currencyCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, { message: 'must be a three-letter ISO 4217 code, such as USD or EUR', abort: true })
  .refine((code) => code === code.toUpperCase(), { message: 'must be written in capitals, such as USD', abort: true })
  .refine(isKnownCurrency, { error: (issue) => `${String(issue.input)} is not an ISO 4217 currency code` });

export const orgsMethods = {
  'orgs.list': method<{ orgs: Org[] }>()({
    summary: 'The organization and its child orgs, parents first.',
    permission: 'read:orgs',
    input: z.object({}).strict(),
  }),
  'orgs.create': method<Org>()({
    summary: 'Create an organization, or a child org under parentId; names are unique among siblings.',
    permission: 'write:orgs',
    input: z
      .object({
        name: orgNameSchema,
        currency: currencyCodeSchema,
        parentId: orgIdSchema.nullish(),
      })
      .strict(),
  }),
  'orgs.update': method<Org>()({
    summary: "Rename an org, move it under another parent (null: top level), or change its reporting currency while it holds no money rows.",
    permission: 'write:orgs',
    input: z
      .object({
        id: orgIdSchema,
        name: orgNameSchema.optional(),
        currency: currencyCodeSchema.optional(),
        parentId: orgIdSchema.nullable().optional(),
      })
      .strict()
      .refine((input) => input.name !== undefined || input.currency !== undefined || input.parentId !== undefined, {
        message: 'nothing to change: give name, currency or parentId',
      }),
  }),
  'periods.list': method<{ periods: PeriodInfo[] }>()({
    summary: "An org's calendar-month periods, most recent first.",
    permission: 'read:orgs',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
};
