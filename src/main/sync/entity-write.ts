import type { SyncCounts, SyncSource } from '../../shared/contract/sync';
import type { ImportEntity } from '../../shared/contract/imports';
import type { Database } from '../db/driver';
import { startImportBatch, type ImportBatch } from '../imports/records/import-batch';
import type { RowOutcome } from '../imports/records/outcome';
import type { PulledRecord } from './sources/source-adapter';
import { rowValuesHash, TABLE_OF } from './record-state';
import { SyncFault } from './sync-fault';

/** Records per write call: each chunk's outcomes give the links, then are dropped. */
export const CHUNK = 5000;

/** Outcomes that name a local record the source's id now points at. */
const LINKED = new Set(['created', 'updated', 'unchanged', 'skipped_duplicate', 'blocked_locked_period']);

/** Where a written record's link goes (LinkKeeper; FirstSyncLinks in a first sync). `stamp`: remember both versions. */
export interface Linker {
  link(entity: string, record: PulledRecord, localId: number, stamp: boolean, localHash?: string | null): void;
}

export interface WriteTarget {
  db: Database.Database;
  orgId: string;
  source: SyncSource;
  label: string;
  counts: SyncCounts;
  links: Linker;
}

/**
 * One entity's records as one import batch (source 'api', profile 'sync:<source>') in a
 * SAVEPOINT of the sync's transaction, written CHUNK records at a time as they are added:
 * a pull read whole adds them all at once, a first sync page by page (first-sync.ts), and
 * both write the same chunks. A refused record aborts the batch and throws a SyncFault
 * naming it.
 */
export class EntityWrite {
  private batch: ImportBatch | null = null;
  private waiting: PulledRecord[] = [];
  /** Row number of the first waiting record. */
  private nextRow = 1;

  constructor(
    private readonly target: WriteTarget,
    readonly entity: ImportEntity,
    /** create_only only where it writes what create_or_update would (see first-sync.ts). */
    private readonly operation: 'create_or_update' | 'create_only' = 'create_or_update',
    /**
     * Rows no later write of the run changes (first-sync.ts): each chunk's rows are read
     * back while they are in the page cache and their local hash goes with their links,
     * instead of a pass over every link and row after the writes.
     */
    private readonly hashEachChunk = false,
  ) {}

  add(records: readonly PulledRecord[]): void {
    for (const record of records) {
      this.waiting.push(record);
      if (this.waiting.length === CHUNK) this.write();
    }
  }

  /** The batch's id once the last chunk is written, or null when no record came. */
  finish(): number | null {
    if (this.waiting.length > 0) this.write();
    if (!this.batch) return null;
    const summary = this.batch.finish({ onError: 'skip' });
    const { counts } = this.target;
    counts.created += summary.counts.created;
    counts.updated += summary.counts.updated;
    counts.unchanged += summary.counts.unchanged + summary.counts.skipped_duplicate;
    counts.blocked_locked_period += summary.counts.blocked_locked_period;
    return summary.batchId!;
  }

  private write(): void {
    const { db, orgId, source, label, links } = this.target;
    const chunk = this.waiting;
    const first = this.nextRow;
    this.waiting = [];
    this.nextRow += chunk.length;
    const batch = (this.batch ??= startImportBatch(db, { orgId, entity: this.entity, source: 'api', operation: this.operation, profile: `sync:${source}`, keepRejected: false, nested: true }));
    let rows: RowOutcome[];
    try {
      rows = batch.write(
        chunk.map((r, i) => ({ rowNumber: first + i, record: r.fields })),
        { rows: 'all' },
      ).rows;
    } catch (error) {
      batch.abort();
      throw error;
    }
    const refused = rows.find((row) => row.outcome === 'error');
    if (refused) {
      batch.abort();
      throw new SyncFault(`${label}: ${this.entity} record ${chunk[refused.rowNumber - first].label} was refused: ${refused.message ?? 'invalid'}`);
    }
    const hashes = this.hashEachChunk ? this.rowHashes(rows) : null;
    for (const row of rows) {
      if (row.id === null || !LINKED.has(row.outcome)) continue;
      const stamp = row.outcome !== 'blocked_locked_period';
      links.link(this.entity, chunk[row.rowNumber - first], row.id, stamp, stamp && hashes ? (hashes.get(row.id) ?? null) : undefined);
    }
  }

  /** Local id -> rowHash of the row now, for the rows of a chunk (read in id order: they are its newest). */
  private rowHashes(rows: readonly RowOutcome[]): Map<number, string> {
    let min = Infinity;
    let max = -Infinity;
    for (const { id } of rows) {
      if (id === null) continue;
      if (id < min) min = id;
      if (id > max) max = id;
    }
    const hashes = new Map<number, string>();
    if (min > max) return hashes;
    const read = this.target.db.prepare(`SELECT * FROM ${TABLE_OF[this.entity]} WHERE id BETWEEN ? AND ?`).raw(true);
    const idAt = read.columns().findIndex((c) => c.name === 'id');
    for (const row of read.iterate(min, max) as Iterable<unknown[]>) hashes.set(row[idAt] as number, rowValuesHash(row));
    return hashes;
  }
}
