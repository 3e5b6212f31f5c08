import type { CloseEvent } from '../../shared/contract/close';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';

const COLUMNS = 'id, org_id AS orgId, period, action, task_uuid, reason, actor, at';

export function recordCloseEvent(
  db: Database.Database,
  event: { orgId: string; period: string; action: 'closed' | 'reopened'; taskUuid: string | null; reason: string | null; actor: string; at: string },
): CloseEvent {
  const id = db
    .prepare('INSERT INTO period_close_events (org_id, period, action, task_uuid, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(event.orgId, event.period, event.action, event.taskUuid, event.reason, event.actor, event.at).lastInsertRowid;
  return db.prepare(`SELECT ${COLUMNS} FROM period_close_events WHERE id = ?`).get(id) as CloseEvent;
}

/** close.history: newest first. */
export function closeHistory(db: Database.Database, orgId: string, period?: string): CloseEvent[] {
  assertOrg(db, orgId);
  if (period) return db.prepare(`SELECT ${COLUMNS} FROM period_close_events WHERE org_id = ? AND period = ? ORDER BY id DESC`).all(orgId, period) as CloseEvent[];
  return db.prepare(`SELECT ${COLUMNS} FROM period_close_events WHERE org_id = ? ORDER BY id DESC`).all(orgId) as CloseEvent[];
}
