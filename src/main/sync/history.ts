import type { SyncCounts, SyncRun, SyncRunStatus, SyncSource } from '../../shared/contract/sync';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';

interface RunRow {
  id: number;
  source: SyncSource;
  status: SyncRunStatus;
  started_at: string;
  finished_at: string;
  fetched: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  blocked_locked_period_count: number;
  conflict_count: number;
  batches: string;
  message: string | null;
}

const COLUMNS = 'id, source, status, started_at, finished_at, fetched, created_count, updated_count, unchanged_count, blocked_locked_period_count, conflict_count, batches, message';

function toRun(row: RunRow): SyncRun {
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: {
      fetched: row.fetched,
      created: row.created_count,
      updated: row.updated_count,
      unchanged: row.unchanged_count,
      blocked_locked_period: row.blocked_locked_period_count,
      conflict: row.conflict_count,
    },
    batches: JSON.parse(row.batches) as Record<string, number>,
    message: row.message,
  };
}

export function syncHistory(db: Database.Database, orgId: string): SyncRun[] {
  assertOrg(db, orgId);
  return (db.prepare(`SELECT ${COLUMNS} FROM sync_runs WHERE org_id = ? ORDER BY id DESC LIMIT 200`).all(orgId) as RunRow[]).map(toRun);
}

export function getRun(db: Database.Database, id: number): SyncRun {
  return toRun(db.prepare(`SELECT ${COLUMNS} FROM sync_runs WHERE id = ?`).get(id) as RunRow);
}

export interface RunRecord {
  orgId: string;
  source: SyncSource;
  status: SyncRunStatus;
  startedAt: string;
  counts: SyncCounts;
  batches: Record<string, number>;
  message: string | null;
}

export function insertRun(db: Database.Database, run: RunRecord): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO sync_runs (org_id, source, status, started_at, finished_at, fetched, created_count, updated_count, unchanged_count, blocked_locked_period_count, conflict_count, batches, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      run.orgId,
      run.source,
      run.status,
      run.startedAt,
      new Date().toISOString(),
      run.counts.fetched,
      run.counts.created,
      run.counts.updated,
      run.counts.unchanged,
      run.counts.blocked_locked_period,
      run.counts.conflict,
      JSON.stringify(run.batches),
      run.message,
    );
  return Number(lastInsertRowid);
}

export const NO_COUNTS: SyncCounts = { fetched: 0, created: 0, updated: 0, unchanged: 0, blocked_locked_period: 0, conflict: 0 };
