import type { z } from 'zod';
import type { TaskList, taskListInput, TaskOrderingField } from '../../shared/contract/tasks';
import type { Database } from '../db/driver';
import { TASK_COLUMNS, taskOfRow, type TaskRow } from './task-store';

type ListInput = z.output<typeof taskListInput>;

// Ordering fields map to columns through this list only; no name from the input reaches SQL.
const ORDER_COLUMNS: Record<TaskOrderingField, string> = {
  uuid: 'uuid',
  created_at: 'created_at',
  client_id: 'client_id',
  task_type: 'task_type',
  status: 'status',
  template: 'template',
};

/** The next day of a YYYY-MM-DD date, as an instant. */
function nextDayInstant(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** LIKE with the pattern's own % and _ taken literally. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * tasks.list: created_after is inclusive (from that instant on), created_before exclusive
 * (up to it), created_on the UTC day; a date alone is its midnight UTC. Ties in the chosen
 * ordering fall back to creation order, so pages never overlap.
 */
export function listTasks(db: Database.Database, input: ListInput): TaskList {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (input.client_id !== undefined) add('client_id = ?', input.client_id);
  if (input.created_after !== undefined) add('created_at >= ?', input.created_after);
  if (input.created_before !== undefined) add('created_at < ?', input.created_before);
  if (input.created_on !== undefined) {
    where.push('created_at >= ? AND created_at < ?');
    params.push(`${input.created_on}T00:00:00.000Z`, nextDayInstant(input.created_on));
  }
  if (input.status !== undefined) {
    where.push(`status IN (${input.status.map(() => '?').join(', ')})`);
    params.push(...input.status);
  }
  if (input.task_type !== undefined) add('task_type = ?', input.task_type);
  if (input.template !== undefined) add("template LIKE ? ESCAPE '\\'", `%${likeEscaped(input.template)}%`);
  if (input.uuid !== undefined) add("uuid LIKE ? ESCAPE '\\'", `${likeEscaped(input.uuid.toLowerCase())}%`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const ordering = input.ordering ?? [{ field: 'created_at' as const, descending: true }];
  const orderSql = [...ordering.map((o) => `${ORDER_COLUMNS[o.field]} ${o.descending ? 'DESC' : 'ASC'}`), `id ${ordering[0]?.descending ? 'DESC' : 'ASC'}`].join(', ');

  const count = db.prepare(`SELECT count(*) FROM tasks ${whereSql}`).pluck().get(...params) as number;
  const rows = db.prepare(`SELECT ${TASK_COLUMNS} FROM tasks ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset) as TaskRow[];
  const { limit, offset } = input;
  return {
    count,
    next: offset + limit < count ? pageQuery(input, offset + limit) : null,
    previous: offset > 0 ? pageQuery(input, Math.max(0, offset - limit)) : null,
    results: rows.map(taskOfRow),
  };
}

/** "tasks.list?status=Failed&limit=20&offset=40": the same filters at another offset. */
function pageQuery(input: ListInput, offset: number): string {
  const query = new URLSearchParams();
  for (const key of ['client_id', 'created_after', 'created_before', 'created_on', 'task_type', 'template', 'uuid'] as const) {
    const value = input[key];
    if (value !== undefined) query.set(key, value);
  }
  if (input.status) query.set('status', input.status.join(','));
  if (input.ordering) query.set('ordering', input.ordering.map((o) => `${o.descending ? '-' : ''}${o.field}`).join(','));
  query.set('limit', String(input.limit));
  query.set('offset', String(offset));
  return `tasks.list?${query.toString()}`;
}
