import { z } from 'zod';
import { method } from './define';
import { orgIdSchema } from './orgs';

// Generated tasks as seed 002 shows them: a month's close (`ClosingPeriod`) is one. Field
// names are the seed's; client_id is the org and user_id the name of whoever started it.

export const TASK_STATUSES = ['Pending', 'InProgress', 'Completed', 'Failed', 'Cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** A month's close, and a report's CSV written to a file (reports.export). */
export const TASK_TYPES = ['ClosingPeriod', 'ReportExport'] as const;
export type TaskType = (typeof TASK_TYPES)[number];
/** A task that can still change; the others are finished. */
export const UNFINISHED_STATUSES: readonly TaskStatus[] = ['Pending', 'InProgress'];

/** One error or warning in a task's notes: which check said it, a code and the words. */
export interface TaskNote {
  check: string;
  code: string;
  message: string;
  /** How many rows or records the note is about, when it counts them. */
  count?: number;
}

export type CheckOutcome = 'pass' | 'error' | 'warning';

/** One close check as the task ran it. */
export interface TaskCheck {
  id: string;
  label: string;
  outcome: CheckOutcome;
  message: string;
}

export interface TaskProcessingNotes {
  /** The month, YYYY-MM. */
  period: string;
  /** The month's revenues and consumption records the checks read. */
  records_to_process: number;
  errors: TaskNote[];
  warnings: TaskNote[];
  /** Each check's outcome, in the order they ran (ours: the seed's notes are open). */
  checks: TaskCheck[];
  /** How many checks have run so far. */
  checks_done: number;
  checks_total: number;
}

export interface TaskParameters {
  type: string;
  /** First and last day of the month, YYYY-MM-DD. */
  date_from: string;
  date_to: string;
  client_id: string;
}

export interface Task {
  uuid: string;
  created_at: string;
  updated_at: string;
  user_id: string;
  client_id: string;
  task_type: TaskType;
  template: string | null;
  status: TaskStatus;
  processing_notes: TaskProcessingNotes;
  parameters: TaskParameters;
  /** Not a seed field: 'synced' for a task pulled from the org's online system (sync, seed 002), never run here. */
  origin: TaskOrigin;
  /** Not a seed field: when a sync found this synced task no longer listed by the server (deleted there); null while it is listed, and always for a local task. */
  deleted_on_server_at: string | null;
}

export const TASK_ORIGINS = ['local', 'synced'] as const;
export type TaskOrigin = (typeof TASK_ORIGINS)[number];

export interface TaskList {
  count: number;
  /** The next and previous page as a query of the same filters; null at either end. */
  next: string | null;
  previous: string | null;
  results: Task[];
}

export const TASK_ORDERING_FIELDS = ['uuid', 'created_at', 'client_id', 'task_type', 'status', 'template'] as const;
export type TaskOrderingField = (typeof TASK_ORDERING_FIELDS)[number];
export const TASK_LIST_MAX_LIMIT = 100;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function realDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/**
 * A filter's instant as tasks store theirs (ISO UTC with milliseconds): a date (its
 * midnight, UTC), a date and time with a space (UTC), or RFC 3339 with Z or an offset.
 * A date-time with "T" and no zone is read as UTC too. null when it is none of these.
 */
export function parseFilterInstant(text: string): string | null {
  const day = DATE.exec(text);
  if (day) return realDay(day[1], day[2], day[3]) ? `${text}T00:00:00.000Z` : null;
  const m = DATE_TIME.exec(text);
  if (!m || !realDay(m[1], m[2], m[3])) return null;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8] ?? 'Z';
  const offset = zone === 'Z' ? '+00:00' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${(m[7] ?? '').slice(0, 4)}${offset}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const instantFilter = z.string().transform((text, ctx) => {
  const instant = parseFilterInstant(text.trim());
  if (instant === null) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date (2025-05-15), a date and time (2025-05-15 12:00:00) or RFC 3339 (2025-05-15T12:00:00Z)` });
    return z.NEVER;
  }
  return instant;
});

const dayFilter = z.string().refine((text) => DATE.test(text) && parseFilterInstant(text) !== null, { message: 'expected a date YYYY-MM-DD' });

/** One status or several: an array, or names separated by commas. */
const statusFilter = z.union([z.string(), z.array(z.string()).min(1)]).transform((value, ctx) => {
  const names = (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
  const unknown = names.filter((n) => !(TASK_STATUSES as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `${unknown.length ? `unknown status ${unknown.map((u) => `"${u}"`).join(', ')}` : 'no status given'}; one or more of ${TASK_STATUSES.join(', ')}` });
    return z.NEVER;
  }
  return [...new Set(names)] as TaskStatus[];
});

/** "-created_at,uuid": fields from the list, each ascending or (with -) descending. */
const orderingFilter = z.string().transform((text, ctx) => {
  const parts = text.split(',').map((s) => s.trim());
  const order: Array<{ field: TaskOrderingField; descending: boolean }> = [];
  for (const part of parts) {
    const descending = part.startsWith('-');
    const field = descending ? part.slice(1) : part;
    if (!(TASK_ORDERING_FIELDS as readonly string[]).includes(field)) {
      ctx.addIssue({ code: 'custom', message: `cannot order by "${field}": one of ${TASK_ORDERING_FIELDS.join(', ')}, each with - for descending` });
      return z.NEVER;
    }
    order.push({ field: field as TaskOrderingField, descending });
  }
  return order;
});

export const taskListInput = z
  .object({
    /** The org (the seed's client_id); every org when not given. */
    client_id: orgIdSchema.optional(),
    created_after: instantFilter.optional(),
    created_before: instantFilter.optional(),
    created_on: dayFilter.optional(),
    status: statusFilter.optional(),
    task_type: z.enum(TASK_TYPES).optional(),
    /** Part of the template's name. */
    template: z.string().min(1).max(200).optional(),
    /** The start of the task's uuid. */
    uuid: z.string().min(1).max(36).optional(),
    ordering: orderingFilter.optional(),
    limit: z.number().int().min(1, `limit: at least 1`).max(TASK_LIST_MAX_LIMIT, `at most ${TASK_LIST_MAX_LIMIT}`).default(20),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a task uuid');

export const tasksMethods = {
  'tasks.list': method<TaskList>()({
    summary: 'Tasks (closes of a month) with the seed\'s filters: created_after/before/on, status (several), task_type, template (part), uuid (start); ordering by several fields; limit (at most 100) and offset.',
    permission: 'read:tasks',
    input: taskListInput,
  }),
  'tasks.get': method<Task>()({
    summary: 'One task by uuid: its status, parameters and processing notes (404 task_not_found).',
    permission: 'read:tasks',
    input: z.object({ uuid: uuidSchema }).strict(),
  }),
  'tasks.cancel': method<Task>()({
    summary: 'Cancel a task that has not finished (refused for a Completed, Failed or Cancelled task).',
    permission: 'write:tasks',
    input: z.object({ uuid: uuidSchema }).strict(),
  }),
};
