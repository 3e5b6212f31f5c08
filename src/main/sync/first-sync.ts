import type { SyncCounts, SyncRun, SyncSource } from '../../shared/contract/sync';
import type { ImportEntity } from '../../shared/contract/imports';
import type { Database } from '../db/driver';
import { commitRun } from './commit-run';
import { EntityWrite, type WriteTarget } from './entity-write';
import { LinkKeeper } from './detect-conflicts';
import { getRun, insertRun, NO_COUNTS } from './history';
import { streamAllocora } from './sources/allocora';
import type { PageSink } from './sources/allocora-pages';
import type { PullWatch, PulledRecord } from './sources/source-adapter';
import { storeRuleRecords, type StoredPull } from './store-pull';
import { SyncFault } from './sync-fault';

// A first sync (nothing of the source linked yet) has no baseline to judge a record
// against: every record is written. So its pages are written as they are read, inside the
// source's one transaction (BEGIN before the first page): the writer never waits for the
// whole pull, and a large entity is fetched on a second thread meanwhile (allocora-thread.ts).
// Any fault or a cancel still rolls the whole source back. The rows, links, hashes, counts
// and batches are those of the pull-then-store path (store-pull.ts): the same EntityWrite
// chunks, in the same order. A record read twice (changed on the server while its pages were
// read) would need writing again: the streamed run is abandoned and the source is read
// whole instead (storePull keeps the newest version in the first one's place).

/** Sources whose first sync streams: seed 001's revenues are the million-record case. */
const STREAMED: Partial<Record<SyncSource, (baseUrl: string, key: string, cursors: Record<string, string>, sink: PageSink, watch: PullWatch) => Promise<Record<string, string>>>> = {
  revenue: streamAllocora,
};

/** A record came a second time: this pull cannot be streamed. */
class ReadTwice extends Error {}

/** Nothing of the source is linked in the org: no record has a baseline. */
export function isFirstSync(db: Database.Database, orgId: string, source: SyncSource): boolean {
  return db.prepare('SELECT 1 FROM sync_links WHERE org_id = ? AND source = ? LIMIT 1').get(orgId, source) === undefined;
}

/** Off: every first sync reads the source whole before writing (CLOSEBOOK_SYNC_STREAM=0; tests and benches compare the two). */
let streaming = process.env.CLOSEBOOK_SYNC_STREAM !== '0';

/** Turn streamed first syncs on or off; returns the previous setting. */
export function setStreamedFirstSync(on: boolean): boolean {
  const previous = streaming;
  streaming = on;
  return previous;
}

export function streamsFirstSync(source: SyncSource): boolean {
  return streaming && STREAMED[source] !== undefined;
}

/** A first sync's store, fed page by page: one EntityWrite per entity in turn, rules at the end. */
class StreamedStore {
  readonly counts: SyncCounts = { fetched: 0, created: 0, updated: 0, unchanged: 0, blocked_locked_period: 0, conflict: 0 };
  private readonly batches: Record<string, number> = {};
  private readonly target: WriteTarget;
  private readonly links: LinkKeeper;
  private current: EntityWrite | null = null;
  private seen = new Set<string>();
  /** Rules are few and saved after every entity: kept by source id as storePull keeps them. */
  private readonly rules = new Map<string, PulledRecord>();

  constructor(
    db: Database.Database,
    orgId: string,
    source: SyncSource,
    private readonly label: string,
    runId: number,
    private readonly now: string,
  ) {
    this.links = new LinkKeeper(db, orgId, source, runId, now);
    this.target = { db, orgId, source, label, counts: this.counts, links: this.links };
  }

  add(entity: string, records: readonly PulledRecord[]): void {
    if (entity === 'rules') {
      for (const record of records) this.rules.set(record.sourceId, record);
      return;
    }
    if (this.current?.entity !== entity) {
      this.closeEntity();
      const bulk = this.bulkWrites(entity);
      this.current = new EntityWrite(this.target, entity as ImportEntity, bulk ? 'create_only' : 'create_or_update', bulk);
      this.seen = new Set();
    }
    for (const record of records) {
      if (this.seen.has(record.sourceId)) throw new ReadTwice();
      this.seen.add(record.sourceId);
    }
    this.counts.fetched += records.length;
    this.current.add(records);
  }

  end(): StoredPull {
    this.closeEntity();
    const rules = [...this.rules.values()];
    this.counts.fetched += rules.length;
    if (rules.length > 0) storeRuleRecords({ ...this.target, label: this.label }, rules, this.now);
    this.links.finish();
    return { counts: this.counts, batches: this.batches };
  }

  /**
   * Revenues into an org that has none: create_only, the CSV import's bulk path (rows held
   * back for multi-row INSERTs, no lookup of each external_id), writes what create_or_update
   * would, as there is nothing to update; a second record naming an external_id is a repeat
   * either way (skipped when the same, else refused). The batch says create_only. No later
   * write of the run changes a row it created (no update, rules leave revenues alone), so
   * each chunk's rows are hashed as soon as written (EntityWrite's hashEachChunk).
   */
  private bulkWrites(entity: string): boolean {
    return entity === 'revenues' && this.target.db.prepare('SELECT 1 FROM revenues WHERE org_id = ? LIMIT 1').get(this.target.orgId) === undefined;
  }

  private closeEntity(): void {
    if (!this.current) return;
    const id = this.current.finish();
    if (id !== null) this.batches[this.current.entity] = id;
    this.current = null;
    this.seen = new Set();
  }
}

/**
 * Run a first sync of `source` streamed (see above), in a transaction `begin` opens.
 * Returns the run, or null when a record came twice: nothing was written and the caller
 * reads the source whole instead.
 */
export async function runFirstSyncStreamed(
  db: Database.Database,
  run: { orgId: string; source: SyncSource; label: string; baseUrl: string; key: string; cursors: Record<string, string>; startedAt: string },
  watch: PullWatch,
  begin: (db: Database.Database) => void,
): Promise<SyncRun | null> {
  const { orgId, source, label, startedAt } = run;
  begin(db);
  try {
    const runId = insertRun(db, { orgId, source, status: 'committed', startedAt, counts: NO_COUNTS, batches: {}, message: null });
    const store = new StreamedStore(db, orgId, source, label, runId, startedAt);
    const cursors = await STREAMED[source]!(run.baseUrl, run.key, run.cursors, (entity, records) => store.add(entity, records), watch);
    const stored = store.end();
    if (stored.counts.fetched === 0) {
      db.exec('ROLLBACK');
      return getRun(db, insertRun(db, { orgId, source, status: 'nothing_changed', startedAt, counts: NO_COUNTS, batches: {}, message: null }));
    }
    return commitRun(db, orgId, source, runId, startedAt, stored, cursors);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof ReadTwice) return null;
    if (error instanceof SyncFault) return getRun(db, insertRun(db, { orgId, source, status: 'failed', startedAt, counts: NO_COUNTS, batches: {}, message: error.message }));
    throw error;
  }
}
