import { z } from 'zod';
import { method } from './define';
import { orgIdSchema, periodSchema } from './orgs';
import type { Task, TaskCheck } from './tasks';
import type { PeriodStatus } from '../period';

/** A month's close checks, run now without closing (the Close screen's preview). */
export interface CloseReadiness {
  orgId: string;
  period: string;
  status: PeriodStatus;
  /** Why the month cannot be closed at all (already closed, not over yet); null when it can be tried. */
  refusal: { code: string; message: string } | null;
  checks: TaskCheck[];
  records_to_process: number;
}

/** One close or reopen of a month, kept forever. */
export interface CloseEvent {
  id: number;
  orgId: string;
  period: string;
  action: 'closed' | 'reopened';
  /** The close's task; null for a reopen. */
  task_uuid: string | null;
  reason: string | null;
  actor: string;
  at: string;
}

export interface ReopenResult {
  orgId: string;
  period: string;
  status: PeriodStatus;
  event: CloseEvent;
}

const monthInput = z.object({ orgId: orgIdSchema, period: periodSchema }).strict();

export const closeMethods = {
  'close.start': method<Task>()({
    summary:
      "Close a month as a ClosingPeriod task: the checks run with progress (imports' error rows, consumption reconciled or held, statements, the payout run up to date); no error and the month becomes finalized in one transaction, else the task is Failed and nothing is locked.",
    permission: 'write:close',
    input: monthInput,
  }),
  'close.checks': method<CloseReadiness>()({
    summary: "The month's close checks as they stand now, without closing (and why it cannot be closed, if so).",
    permission: 'read:close',
    input: monthInput,
  }),
  'close.reopen': method<ReopenResult>()({
    summary: 'Put a finalized month back in progress; the reason is required and kept in the history.',
    permission: 'write:close',
    input: z
      .object({
        orgId: orgIdSchema,
        period: periodSchema,
        reason: z.string().trim().min(1, 'say why the month is reopened').max(1000),
      })
      .strict(),
  }),
  'close.history': method<CloseEvent[]>()({
    summary: "The closes and reopens of an org's months, newest first (one month when period is given).",
    permission: 'read:close',
    input: z.object({ orgId: orgIdSchema, period: periodSchema.optional() }).strict(),
  }),
};
