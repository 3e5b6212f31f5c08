import type { Database } from '../db/driver';
import { sqlLiteral } from '../db/sql-literal';
import { ruleLocalValues } from './rule-values';
import { localRow, localValues, rowHash, rowHashSql, serverHashOf, TABLE_OF } from './record-state';
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

/** Tables two entities of one source write (consumption's estimates and billing's final amounts). */
const SHARED = new Set(['consumption_records']);
/** A written record's link waits with this local_hash until finish() stamps the row as the sync left it. */
const TO_STAMP = '';
/** Links per INSERT statement, and the values bound for each. */
const LINKS_PER_INSERT = 200;
const LINK_VALUES = 5;

/**
 * A source's links with their two hashes (see migration 38). Records are judged before any
 * write of the run; a written record's link is stamped with the server's version and, once
 * every entity is written (one UPDATE per table), the local row as the sync left it. For a
 * row two entities write, the other entity's link follows it when it was clean before the
 * run (the sync's own write is not a local change).
 */
export class LinkKeeper {
  private readonly getLink: Database.Statement;
  /** Links waiting to be written: [entity, source_id, local_id, server_hash, local_hash] flattened. */
  private pending: Array<string | number | null> = [];
  private readonly inserts = new Map<number, Database.Statement>();
  private readonly written = new Set<string>();
  /** Entity -> whether it has any link yet (a first sync has none to look up). */
  private readonly linked = new Map<string, boolean>();
  /** Shared rows: local id -> the row's hash before this run wrote it. */
  private readonly before = new Map<number, string | null>();

  constructor(
    private readonly db: Database.Database,
    private readonly orgId: string,
    private readonly source: string,
    private readonly runId: number,
    private readonly now: string,
  ) {
    this.getLink = db.prepare('SELECT local_id, server_hash, local_hash FROM sync_links WHERE org_id = ? AND source = ? AND entity = ? AND source_id = ?');
  }

  /**
   * A link without hashes (written before conflicts existed, or a record blocked in a
   * finalized month) has no baseline: the record is written as before. A local row that no
   * longer exists (an undone batch) is not a conflict either.
   */
  judge(entity: string, record: PulledRecord): Verdict {
    let any = this.linked.get(entity);
    if (any === undefined) {
      any = this.db.prepare('SELECT 1 FROM sync_links WHERE org_id = ? AND source = ? AND entity = ? LIMIT 1').get(this.orgId, this.source, entity) !== undefined;
      this.linked.set(entity, any);
    }
    if (!any) return { kind: 'write' };
    const link = this.getLink.get(this.orgId, this.source, entity, record.sourceId) as LinkState | undefined;
    if (!link || link.server_hash === null) return { kind: 'write' };
    const same = serverHashOf(record) === link.server_hash;
    const shared = SHARED.has(TABLE_OF[entity]);
    if (same && !shared) return { kind: 'same', localId: link.local_id };
    const row = localRow(this.db, entity, link.local_id);
    const hash = rowHash(row);
    if (shared && !this.before.has(link.local_id)) this.before.set(link.local_id, hash);
    if (same) return { kind: 'same', localId: link.local_id };
    if (!row) return { kind: 'write' };
    if (row.is_reconciled === 1 || hash !== link.local_hash) return { kind: 'conflict', localId: link.local_id };
    return { kind: 'write' };
  }

  /**
   * `stamp`: the sync wrote (or matched) the record: remember both versions. Written in bulk
   * (flush). `localHash`: the row's hash as the run leaves it, when the caller knows it
   * already (first-sync.ts); else finish() stamps it.
   */
  link(entity: string, record: PulledRecord, localId: number, stamp: boolean, localHash?: string | null): void {
    if (stamp && localHash === undefined) this.written.add(entity);
    this.pending.push(entity, record.sourceId, localId, stamp ? serverHashOf(record) : null, stamp ? (localHash === undefined ? TO_STAMP : localHash) : null);
    if (this.pending.length >= LINKS_PER_INSERT * LINK_VALUES) this.flush();
  }

  /**
   * The waiting links, LINKS_PER_INSERT to a statement (a first sync links every record:
   * one statement per link was a third of its writing). A link seen again keeps its hashes
   * unless this run gives new ones.
   */
  private flush(): void {
    const values = this.pending;
    if (values.length === 0) return;
    this.pending = [];
    const rows = values.length / LINK_VALUES;
    let statement = this.inserts.get(rows);
    if (!statement) {
      const fixed = [this.orgId, this.source].map(sqlLiteral);
      const tuple = `(${fixed.join(', ')}, ?, ?, ?, ${sqlLiteral(this.runId)}, ${sqlLiteral(this.now)}, ?, ?)`;
      statement = this.db.prepare(
        `INSERT INTO sync_links (org_id, source, entity, source_id, local_id, run_id, synced_at, server_hash, local_hash) VALUES ${Array(rows).fill(tuple).join(', ')}
         ON CONFLICT (org_id, source, entity, source_id) DO UPDATE SET local_id = excluded.local_id, run_id = excluded.run_id, synced_at = excluded.synced_at,
           server_hash = COALESCE(excluded.server_hash, server_hash), local_hash = COALESCE(excluded.local_hash, local_hash)`,
      );
      this.inserts.set(rows, statement);
    }
    statement.run(values);
  }

  /** After every entity is written: the local hash of each row the run wrote, as it now stands. */
  finish(): void {
    this.flush();
    for (const entity of this.written) {
      const table = TABLE_OF[entity];
      this.db
        .prepare(
          `UPDATE sync_links SET local_hash = (SELECT ${rowHashSql(this.db, table, 't')} FROM ${table} t WHERE t.id = sync_links.local_id)
           WHERE org_id = ? AND source = ? AND entity = ? AND local_hash = ?`,
        )
        .run(this.orgId, this.source, entity, TO_STAMP);
    }
    const follow = this.db.prepare(
      "UPDATE sync_links SET local_hash = ? WHERE org_id = ? AND source = ? AND entity IN ('consumption', 'billing') AND local_id = ? AND local_hash IS ?",
    );
    for (const [localId, was] of this.before) {
      const now = rowHash(localRow(this.db, 'consumption', localId));
      if (was !== null && now !== was) follow.run(now, this.orgId, this.source, localId, was);
    }
  }
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
    const fields = Object.keys(record.fields);
    const local = entity === 'rules' ? ruleLocalValues(db, orgId, localId, fields) : localValues(db, localRow(db, entity, localId) ?? {}, fields);
    upsert.run(orgId, source, entity, record.sourceId, localId, runId, JSON.stringify(local), JSON.stringify(record.fields), now);
  };
}
