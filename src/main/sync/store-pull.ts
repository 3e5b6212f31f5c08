import type { SyncCounts, SyncSource } from '../../shared/contract/sync';
import type { Database } from '../db/driver';
import type { ImportEntity } from '../../shared/contract/imports';
import { EntityWrite, type Linker } from './entity-write';
import { orgTimeZone } from '../orgs/org-time-zone';
import { conflictStore, LinkKeeper, type Verdict } from './detect-conflicts';
import { reconciledMatcher } from './kept-reconciled';
import type { Pull, PulledRecord } from './sources/source-adapter';
import { storeRules } from './store-rules';
import { isListedTasks } from './sources/report-tasks';
import { markDeletedTasks, storeTasks } from './store-tasks';

export interface StoredPull {
  counts: SyncCounts;
  batches: Record<string, number>;
}

interface PullContext {
  db: Database.Database;
  orgId: string;
  source: SyncSource;
  label: string;
  now: string;
  counts: SyncCounts;
  links: LinkKeeper;
  /** Keep the source's id of a local record (provenance); `stamp`: the sync wrote it, remember both versions (see detect-conflicts.ts). */
  link(entity: string, record: PulledRecord, localId: number, stamp?: boolean): void;
}

/**
 * Write one source's pull inside the caller's transaction: one import batch per entity
 * (source 'api', profile 'sync:<source>'), through the same writers and checks as an
 * import; rules as rules.batch saves them. A record refused throws a SyncFault naming the
 * source and the record, and the caller rolls the whole source back. Records in a finalized
 * month are counted as blocked_locked_period and left as they are. A record changed here and
 * on the server since the last sync is not written: it is kept as a conflict (counted
 * `conflict`); one the server sent as the last sync wrote it is left alone (a local change
 * to it is kept).
 */
export function storePull(db: Database.Database, orgId: string, source: SyncSource, label: string, pull: Pull, runId: number, now: string): StoredPull {
  const counts: SyncCounts = { fetched: 0, created: 0, updated: 0, unchanged: 0, blocked_locked_period: 0, conflict: 0 };
  const batches: Record<string, number> = {};
  const links = new LinkKeeper(db, orgId, source, runId, now);
  const ctx: PullContext = {
    db,
    orgId,
    source,
    label,
    now,
    counts,
    links,
    link: (entity, record, localId, stamp = false) => links.link(entity, record, localId, stamp),
  };
  // Every record is judged before any is written: a run's own writes are not local changes.
  const verdicts = new Map<PulledRecord, Verdict>();
  for (const { entity, records } of pull.entities) if (entity !== 'tasks') for (const record of records) verdicts.set(record, links.judge(entity, record));
  const keepConflict = conflictStore(db, orgId, source, runId, now);
  /** The records to write; the others are counted (unchanged, or a conflict kept) and linked. */
  const judged = (entity: string, records: PulledRecord[]) =>
    records.filter((record) => {
      const verdict = verdicts.get(record)!;
      if (verdict.kind === 'write') return true;
      if (verdict.kind === 'same') counts.unchanged++;
      else {
        counts.conflict++;
        keepConflict(entity, record, verdict.localId);
      }
      ctx.link(entity, record, verdict.localId);
      return false;
    });
  for (const pulled of pull.entities) {
    const { entity, records } = pulled;
    // An empty listing of a tasks window still says its synced tasks are gone.
    if (records.length === 0 && !isListedTasks(pulled)) continue;
    counts.fetched += records.length;
    if (entity === 'rules') {
      // Judged like the import entities: a rule saved here since the last sync and changed on the server is a conflict.
      storeRuleRecords(ctx, judged(entity, records), now);
      continue;
    }
    // run-sync.ts sends the statements and reports sources to their own stores.
    if (entity === 'statements' || entity === 'reports') throw new Error(`${entity} are stored by store-statements.ts / store-reports.ts, not storePull`);
    if (entity === 'tasks') {
      // Tasks are the server's alone (never edited here): no conflicts, changed ones updated.
      for (const row of storeTasks(db, orgId, label, records)) {
        counts[row.outcome]++;
        ctx.link(entity, row.record, row.id);
      }
      // Synced tasks of the window read again that the server no longer lists: marked (counted updated).
      if (isListedTasks(pulled)) counts.updated += markDeletedTasks(db, orgId, pulled.listedFrom, records, now);
      continue;
    }
    const toWrite = judged(entity, records);
    const written = entity === 'consumption' || entity === 'billing' ? withoutReconciled(ctx, entity, toWrite) : toWrite;
    if (written.length > 0) batches[entity] = writeBatch(ctx, entity, written);
  }
  // After every entity: consumption and billing write the same local row.
  links.finish();
  return { counts, batches };
}

/** Records reconciled here keep their reconciliation: not written, counted unchanged, still linked. */
function withoutReconciled(ctx: PullContext, entity: 'consumption' | 'billing', records: PulledRecord[]): PulledRecord[] {
  const reconciled = reconciledMatcher(ctx.db, ctx.orgId, orgTimeZone(ctx.db, ctx.orgId), entity);
  return records.filter((record) => {
    const id = reconciled(record.fields);
    if (id === null) return true;
    ctx.counts.unchanged++;
    ctx.link(entity, record, id);
    return false;
  });
}

/** One entity's records as one import batch in a SAVEPOINT of the sync's transaction; returns its id. */
function writeBatch(ctx: PullContext, entity: ImportEntity, records: PulledRecord[]): number {
  const write = new EntityWrite(ctx, entity);
  write.add(records);
  return write.finish()!;
}

/** Rules saved as rules.batch saves them, each saved one linked with both versions; counts the outcomes. */
export function storeRuleRecords(ctx: { db: Database.Database; orgId: string; label: string; counts: SyncCounts; links: Linker }, records: PulledRecord[], now: string): void {
  for (const row of storeRules(ctx.db, ctx.orgId, ctx.label, records, now)) {
    ctx.counts[row.outcome === 'created' ? 'created' : row.outcome === 'updated' ? 'updated' : 'unchanged']++;
    if (row.id !== null) ctx.links.link('rules', records[row.rowNumber], row.id, true);
  }
}
