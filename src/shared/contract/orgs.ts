import { z } from 'zod';
import { method } from './define';
import type { PeriodStatus } from '../period';

export interface Org {
  id: string;
  name: string;
  parentId: string | null;
}

export interface PeriodInfo {
  period: string;
  status: PeriodStatus;
  finalizedAt: string | null;
}

export const orgIdSchema = z.string().min(1).max(64);
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a calendar month YYYY-MM');

export const orgsMethods = {
  'orgs.list': method<{ orgs: Org[] }>()({
    summary: 'The organization and its child orgs, parents first.',
    permission: 'read:orgs',
    input: z.object({}).strict(),
  }),
  'periods.list': method<{ periods: PeriodInfo[] }>()({
    summary: "An org's calendar-month periods, most recent first.",
    permission: 'read:orgs',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
};
