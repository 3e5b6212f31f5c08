import { z } from 'zod';
import { method } from './define';
import type { PeriodStatus } from '../period';
import { isKnownCurrency } from '../currency';
import { canonicalTimeZone } from '../time-zone';

export interface Org {
  id: string;
  name: string;
  parentId: string | null;
  /** The org's reporting currency, an ISO 4217 code ("USD"). */
  currency: string;
  /** The IANA zone whose calendar months are the org's periods ("UTC", "America/Los_Angeles"). */
  timeZone: string;
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
  .refine(isKnownCurrency, { error: (issue) => `${String(issue.input)} is not an ISO 4217 currency code`, abort: true })
  // ISO's codes for "no currency" and for tests: real codes, but no org reports in them.
  .refine((code) => code !== 'XXX' && code !== 'XTS', { error: (issue) => `${String(issue.input)} is ISO 4217's code for ${issue.input === 'XXX' ? 'no currency' : 'testing'}, not a reporting currency` });

/** An IANA time-zone name, stored as the runtime spells it ("america/new_york" -> "America/New_York"). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .refine((name) => canonicalTimeZone(name) !== null, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a time zone: use an IANA name such as America/Los_Angeles, Europe/Berlin or UTC`,
  })
  .transform((name) => canonicalTimeZone(name)!);

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
        /** Default UTC. */
        timeZone: timeZoneSchema.optional(),
      })
      .strict(),
  }),
  'orgs.update': method<Org>()({
    summary:
      "Rename an org, move it under another parent (null: top level), change its reporting currency while it holds no money rows, or its time zone while no month is finalized (its revenues' periods are derived again).",
    permission: 'write:orgs',
    input: z
      .object({
        id: orgIdSchema,
        name: orgNameSchema.optional(),
        currency: currencyCodeSchema.optional(),
        parentId: orgIdSchema.nullable().optional(),
        timeZone: timeZoneSchema.optional(),
      })
      .strict()
      .refine((input) => input.name !== undefined || input.currency !== undefined || input.parentId !== undefined || input.timeZone !== undefined, {
        message: 'nothing to change: give name, currency, parentId or timeZone',
      }),
  }),
  'periods.list': method<{ periods: PeriodInfo[] }>()({
    summary: "An org's calendar-month periods, most recent first.",
    permission: 'read:orgs',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
};
