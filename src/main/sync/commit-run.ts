import type { SyncRun, SyncSource } from '../../shared/contract/sync';
import type { Database } from '../db/driver';
import { getRun, insertRun } from './history';
import type { StoredPull } from './store-pull';

/**
 * End a source's transaction once its pull is stored: a run that changed nothing rolls back
 * and keeps only its history row (nothing_changed); else the run's counts and batches and
 * the source's cursors are written and the transaction committed.
 */
export function commitRun(db: Database.Database, orgId: string, source: SyncSource, runId: number, startedAt: string, stored: StoredPull, cursors: Record<string, string>): SyncRun {
  const { counts } = stored;
  if (counts.created + counts.updated + counts.blocked_locked_period + counts.conflict === 0) {
    // Records the server sent again unchanged: nothing to keep but the history row.
    db.exec('ROLLBACK');
    return getRun(db, insertRun(db, { orgId, source, status: 'nothing_changed', startedAt, counts, batches: {}, message: null }));
  }
  db.prepare(
    `UPDATE sync_runs SET fetched = ?, created_count = ?, updated_count = ?, unchanged_count = ?, blocked_locked_period_count = ?, conflict_count = ?, batches = ?, finished_at = ? WHERE id = ?`,
  ).run(counts.fetched, counts.created, counts.updated, counts.unchanged, counts.blocked_locked_period, counts.conflict, JSON.stringify(stored.batches), new Date().toISOString(), runId);
  db.prepare('UPDATE sync_connections SET cursors = ?, updated_at = ? WHERE org_id = ? AND source = ?').run(JSON.stringify(cursors), new Date().toISOString(), orgId, source);
  db.exec('COMMIT');
  return getRun(db, runId);
}
