import { randomUUID } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import type { Task, TaskOrigin, TaskParameters, TaskProcessingNotes, TaskStatus, TaskType } from '../../shared/contract/tasks';
import { ApiFailure, notFound } from '../api/failure';
import type { Database } from '../db/driver';

/** Tasks' times: ISO UTC with milliseconds, so text order is time order. */
export function taskNow(): string {
  return new Date().toISOString();
}

/**
 * This core's name on the tasks it runs: process, thread and a random part. A task whose
 * runner is not a live core is left over from a crash (see recovery.ts).
 */
export const THIS_RUNNER = `${process.pid}:${threadId}:${randomUUID().slice(0, 8)}`;

export const TASK_COLUMNS = 'uuid, client_id, user_id, task_type, template, status, parameters, processing_notes, created_at, updated_at, origin, deleted_on_server_at';

export interface TaskRow {
  uuid: string;
  client_id: string;
  user_id: string;
  task_type: string;
  template: string | null;
  status: string;
  parameters: string;
  processing_notes: string;
  created_at: string;
  updated_at: string;
  origin: string;
  deleted_on_server_at: string | null;
}

/** A synced task's notes are the server's (open in seed 002): the list and the screen read these fields. */
const EMPTY_NOTES = { errors: [], warnings: [], checks: [], checks_done: 0, checks_total: 0 };

export function taskOfRow(row: TaskRow): Task {
  return {
    uuid: row.uuid,
    created_at: row.created_at,
    updated_at: row.updated_at,
    user_id: row.user_id,
    client_id: row.client_id,
    task_type: row.task_type as TaskType,
    template: row.template,
    status: row.status as TaskStatus,
    processing_notes: (row.origin === 'synced' ? { ...EMPTY_NOTES, ...JSON.parse(row.processing_notes) } : JSON.parse(row.processing_notes)) as TaskProcessingNotes,
    parameters: JSON.parse(row.parameters) as TaskParameters,
    origin: row.origin as TaskOrigin,
    deleted_on_server_at: row.deleted_on_server_at,
  };
}

export function createTask(
  db: Database.Database,
  task: { clientId: string; userId: string; taskType: TaskType; template: string | null; parameters: TaskParameters; notes: TaskProcessingNotes },
): Task {
  const now = taskNow();
  const uuid = randomUUID();
  db.prepare(
    `INSERT INTO tasks (uuid, client_id, user_id, task_type, template, status, parameters, processing_notes, runner, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Pending', ?, ?, ?, ?, ?)`,
  ).run(uuid, task.clientId, task.userId, task.taskType, task.template, JSON.stringify(task.parameters), JSON.stringify(task.notes), THIS_RUNNER, now, now);
  return getTask(db, uuid);
}

/** Move a task on: its status and notes; a finished status records when it finished. */
export function updateTask(db: Database.Database, uuid: string, status: TaskStatus, notes: TaskProcessingNotes): void {
  const now = taskNow();
  const finished = status === 'Pending' || status === 'InProgress' ? null : now;
  db.prepare('UPDATE tasks SET status = ?, processing_notes = ?, updated_at = ?, finished_at = ? WHERE uuid = ?').run(status, JSON.stringify(notes), now, finished, uuid);
}

export function getTask(db: Database.Database, uuid: string): Task {
  const row = db.prepare(`SELECT ${TASK_COLUMNS} FROM tasks WHERE uuid = ?`).get(uuid.toLowerCase()) as TaskRow | undefined;
  if (!row) throw notFound('task_not_found', `There is no task ${uuid}`, { field: 'uuid', uuid });
  return taskOfRow(row);
}

/** tasks.cancel: a Pending or InProgress task ends Cancelled; a finished one is refused as it is. */
export function cancelTask(db: Database.Database, uuid: string, by: string): Task {
  return db.transaction(() => {
    const task = getTask(db, uuid);
    if (task.origin === 'synced') {
      throw new ApiFailure('conflict', 'task_synced', `Task ${task.uuid} was synced from the org's online system: it runs there and cannot be cancelled here`, { field: 'uuid', uuid: task.uuid });
    }
    if (task.status !== 'Pending' && task.status !== 'InProgress') {
      throw new ApiFailure('conflict', 'task_finished', `Task ${task.uuid} is ${task.status}: a finished task cannot be cancelled`, {
        field: 'uuid',
        uuid: task.uuid,
        status: task.status,
      });
    }
    const notes = task.processing_notes;
    notes.warnings = [...notes.warnings, { check: 'task', code: 'cancelled', message: `Cancelled by ${by}` }];
    updateTask(db, task.uuid, 'Cancelled', notes);
    return getTask(db, task.uuid);
  }).immediate();
}
