import { UNFINISHED_STATUSES, type TaskStatus } from '../../shared/contract/tasks';
import type { Database } from '../db/driver';
import type { PulledRecord } from './sources/source-adapter';
import { SyncFault } from './sync-fault';

export interface StoredTask {
  record: PulledRecord;
  id: number;
  outcome: 'created' | 'updated' | 'unchanged';
}

interface TaskState {
  id: number;
  client_id: string;
  origin: string;
  status: string;
  task_type: string;
  template: string | null;
  parameters: string;
  processing_notes: string;
  updated_at: string;
  deleted_on_server_at: string | null;
}

/**
 * Seed 002's tasks as the org's rows of `tasks`, origin 'synced' (inside the sync's
 * transaction). A task seen again is updated only when something the server says about it
 * changed (status, notes, ...); otherwise nothing is written. A uuid that is a close run
 * here, or another org's synced task, stops the source.
 */
export function storeTasks(db: Database.Database, orgId: string, label: string, records: PulledRecord[]): StoredTask[] {
  const find = db.prepare('SELECT id, client_id, origin, status, task_type, template, parameters, processing_notes, updated_at, deleted_on_server_at FROM tasks WHERE uuid = ?');
  const insert = db.prepare(
    `INSERT INTO tasks (uuid, client_id, user_id, task_type, template, status, parameters, processing_notes, runner, created_at, updated_at, finished_at, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 'synced')`,
  );
  // Listed again: no longer marked deleted on the server.
  const update = db.prepare(
    'UPDATE tasks SET status = ?, task_type = ?, template = ?, parameters = ?, processing_notes = ?, updated_at = ?, finished_at = ?, user_id = ?, deleted_on_server_at = NULL WHERE id = ?',
  );
  return records.map((record) => {
    const f = record.fields;
    const status = f.status as TaskStatus;
    const finishedAt = UNFINISHED_STATUSES.includes(status) ? null : (f.updated_at as string);
    const parameters = JSON.stringify(f.parameters);
    const notes = JSON.stringify(f.processing_notes);
    // The seed's user_id is the server's user number; ours is text (who started a close).
    const userId = f.user_id === null ? '' : String(f.user_id);
    const template = (f.template as string | null) ?? null;
    const existing = find.get(f.uuid) as TaskState | undefined;
    if (!existing) {
      const id = Number(insert.run(f.uuid, orgId, userId, f.task_type, template, status, parameters, notes, f.created_at, f.updated_at, finishedAt).lastInsertRowid);
      return { record, id, outcome: 'created' as const };
    }
    if (existing.origin !== 'synced') throw new SyncFault(`${label}: task ${f.uuid} has the uuid of a close run here; nothing of this source was written`);
    if (existing.client_id !== orgId) throw new SyncFault(`${label}: task ${f.uuid} was already synced for org ${existing.client_id}; nothing of this source was written`);
    const same =
      existing.status === status &&
      existing.task_type === f.task_type &&
      existing.template === template &&
      existing.parameters === parameters &&
      existing.processing_notes === notes &&
      existing.updated_at === f.updated_at &&
      existing.deleted_on_server_at === null;
    if (same) return { record, id: existing.id, outcome: 'unchanged' as const };
    update.run(status, f.task_type, template, parameters, notes, f.updated_at, finishedAt, userId, existing.id);
    return { record, id: existing.id, outcome: 'updated' as const };
  });
}

/**
 * The org's synced tasks created after `listedFrom` (all of them when null) that a complete
 * listing of that window lacks: deleted on the server. Each is marked with the time (not
 * removed: it was the server's record, and a close may name it); returns how many were
 * newly marked. Older tasks are not listed again, so their deletion is not seen.
 */
export function markDeletedTasks(db: Database.Database, orgId: string, listedFrom: string | null, listed: PulledRecord[], now: string): number {
  return db
    .prepare(
      `UPDATE tasks SET deleted_on_server_at = ?
       WHERE client_id = ? AND origin = 'synced' AND deleted_on_server_at IS NULL AND (? IS NULL OR created_at > ?)
         AND uuid NOT IN (SELECT value FROM json_each(?))`,
    )
    .run(now, orgId, listedFrom, listedFrom, JSON.stringify(listed.map((r) => r.sourceId))).changes;
}
