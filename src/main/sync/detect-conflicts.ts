import type { Database } from '../db/driver';
import { localRow, localValues, rowHash, serverHash } from './record-state';
import type { PulledRecord } from './sources/source-adapter';

/** What the sync does with one pulled record, judged against its link's hashes. */
export type Verdict =
  /** Write it (no baseline, or only the server changed). */
  | { kind: 'write' }
  /** The server sent the version the last sync wrote: nothing to do; a local change is kept. */
  | { kind: 'same'; localId: number }
  /** Changed here and on the server (or reconciled here and changed on the server): not written. */
  | { kind: 'conflict'; localId: number };

interface LinkState {
  local_id: number;
  server_hash: string | null;
  local_hash: string | null;
}

/**
 * Judges pulled records of one source. A link without hashes (written before conflicts
 * existed, or a record blocked in a finalized month) has no baseline: the record is written
 * as before. A local row that no longer exists (an undone batch) is not a conflict either.
 */
export function conflictJudge(db: Database.Database, orgId: string, source: string) {
  const getLink = db.prepare('SELECT local_id, server_hash, local_hash FROM sync_links WHERE org_id = ? AND source = ? AND entity = ? AND source_id = ?');
  return (entity: string, record: PulledRecord): Verdict => {
    const link = getLink.get(orgId, source, entity, record.sourceId) as LinkState | undefined;
    if (!link || link.server_hash === null) return { kind: 'write' };
    if (serverHash(record.fields) === link.server_hash) return { kind: 'same', localId: link.local_id };
    const row = localRow(db, entity, link.local_id);
    if (!row) return { kind: 'write' };
    const reconciled = row.is_reconciled === 1;
    if (reconciled || rowHash(row) !== link.local_hash) return { kind: 'conflict', localId: link.local_id };
    return { kind: 'write' };
  };
}

/** Keep (or refresh: one open conflict per record) a conflict with both values. */
export function conflictStore(db: Database.Database, orgId: string, source: string, runId: number, now: string) {
  const upsert = db.prepare(
    `INSERT INTO sync_conflicts (org_id, source, entity, source_id, local_id, run_id, local_values, server_values, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (org_id, source, entity, source_id) WHERE status = 'open'
     DO UPDATE SET local_id = excluded.local_id, run_id = excluded.run_id, local_values = excluded.local_values, server_values = excluded.server_values, detected_at = excluded.detected_at`,
  );
  return (entity: string, record: PulledRecord, localId: number): void => {
    const row = localRow(db, entity, localId) ?? {};
    const local = localValues(db, row, Object.keys(record.fields));
    upsert.run(orgId, source, entity, record.sourceId, localId, runId, JSON.stringify(local), JSON.stringify(record.fields), now);
  };
}

/** After the writes: each written record's link remembers the server's version and the local row as they now stand. */
export function stampLinks(db: Database.Database, orgId: string, source: string, stamps: Array<{ entity: string; record: PulledRecord; localId: number }>): void {
  const update = db.prepare('UPDATE sync_links SET server_hash = ?, local_hash = ? WHERE org_id = ? AND source = ? AND entity = ? AND source_id = ?');
  for (const { entity, record, localId } of stamps) {
    update.run(serverHash(record.fields), rowHash(localRow(db, entity, localId)), orgId, source, entity, record.sourceId);
  }
}
