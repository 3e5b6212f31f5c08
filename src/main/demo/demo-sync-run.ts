import type { SyncSource } from '../../shared/contract/sync';
import type { Database } from '../db/driver';
import { ADAPTERS } from '../sync/adapters';
import { insertRun, NO_COUNTS } from '../sync/history';
import { localRow, rowHash, TABLE_OF } from '../sync/record-state';
import type { Pull } from '../sync/sources/source-adapter';
import { storePull, type StoredPull } from '../sync/store-pull';
import { storeReportsPull } from '../sync/store-reports';
import { storeStatementsPull } from '../sync/store-statements';

// One past sync of the demo: a pull the demo made up (records in the shape the source's
// adapter hands over) stored by the very functions sync.run stores a fetched pull with, in
// one transaction with its run and the connection's cursors, as run-sync.ts does after the
// network. Only the clock differs: the import writers stamp rows and batches with the time
// of day, so those stamps are set to the run's demo time afterwards (the same seed makes the
// same workspace), and the links' local hashes follow, since the row is as the sync left it.

/** Store a made-up pull as a committed run at `at`; returns what the store counted. */
export function storeDemoRun(db: Database.Database, orgId: string, source: SyncSource, pull: Pull, at: string, finishedAt: string): StoredPull & { runId: number } {
  const label = ADAPTERS[source]!.label;
  return db.transaction(() => {
    const runId = insertRun(db, {
      orgId,
      source,
      status: 'committed',
      startedAt: at,
      counts: NO_COUNTS,
      batches: {},
      message: null,
    });
    const store = source === 'statements' ? storeStatementsPull : source === 'reports' ? storeReportsPull : storePull;
    const stored = store(db, orgId, source, label, pull, runId, at);
    const { counts } = stored;
    db.prepare(
      `UPDATE sync_runs SET fetched = ?, created_count = ?, updated_count = ?, unchanged_count = ?, blocked_locked_period_count = ?, conflict_count = ?, batches = ?, finished_at = ? WHERE id = ?`,
    ).run(counts.fetched, counts.created, counts.updated, counts.unchanged, counts.blocked_locked_period, counts.conflict, JSON.stringify(stored.batches), finishedAt, runId);
    db.prepare('UPDATE sync_connections SET cursors = ?, updated_at = ? WHERE org_id = ? AND source = ?').run(JSON.stringify(pull.cursors), finishedAt, orgId, source);
    for (const [entity, batchId] of Object.entries(stored.batches)) restampBatch(db, orgId, entity, batchId, at);
    return { ...stored, runId };
  })();
}

/** The time columns an import writer sets to its batch's clock time. */
const TIME_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  revenues: ['created_at', 'updated_at'],
  payees: ['created_at', 'updated_at'],
  products: ['created_at', 'updated_at'],
  consumption_records: ['created_at', 'updated_at', 'last_sync_at', 'finalized_at'],
};

/**
 * An import batch's clock times set to `at`: the batch's, and those of the rows it created
 * or updated. A sync link that held the row's hash as the batch left it is given the new
 * hash (re-timing is not a local change); a row changed here since keeps its old link hash.
 */
export function restampBatch(db: Database.Database, orgId: string, entity: string, batchId: number, at: string): void {
  const clock = db.prepare('SELECT created_at FROM import_batches WHERE id = ?').pluck().get(batchId) as string;
  db.prepare('UPDATE import_batches SET created_at = ? WHERE id = ?').run(at, batchId);
  const table = TABLE_OF[entity]!;
  const ids = db
    .prepare(
      `SELECT id FROM ${table} WHERE org_id = ? AND batch_id = ?
       UNION SELECT record_id FROM import_outcomes WHERE batch_id = ? AND outcome = 'updated' AND record_id IS NOT NULL`,
    )
    .pluck()
    .all(orgId, batchId, batchId) as number[];
  const columns = TIME_COLUMNS[table]!;
  const retime = db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = CASE WHEN ${c} = @clock THEN @at ELSE ${c} END`).join(', ')} WHERE id = @id`);
  const entities = Object.keys(TABLE_OF).filter((e) => TABLE_OF[e] === table);
  const follow = db.prepare(`UPDATE sync_links SET local_hash = ? WHERE org_id = ? AND local_id = ? AND local_hash = ? AND entity IN (SELECT value FROM json_each(?))`);
  for (const id of ids) {
    const before = rowHash(localRow(db, entity, id));
    retime.run({ clock, at, id });
    const after = rowHash(localRow(db, entity, id));
    if (before !== null && after !== before) follow.run(after, orgId, id, before, JSON.stringify(entities));
  }
}
