import type { SyncCounts, SyncSource } from '../../shared/contract/sync';
import type { Database } from '../db/driver';
import { startImportBatch } from '../imports/records/import-batch';
import { FieldProblem } from '../imports/records/field-problem';
import type { RawRecord } from '../imports/records/field-readers';
import { RuleWriter } from '../rules/rule-batch';
import type { RowOutcome } from '../imports/records/outcome';
import { SyncFault } from './sync-fault';
import type { Pull, PulledRecord } from './sources/source-adapter';
import { orgTimeZone } from '../orgs/org-time-zone';
import { reconciledMatcher } from './kept-reconciled';

export interface StoredPull {
  counts: SyncCounts;
  batches: Record<string, number>;
}

const CHUNK = 5000;

/**
 * Rules are saved as rules.batch saves them (create_or_update by external_id, each save a
 * version, here saved by the sync), inside the sync's transaction; a refused rule stops the
 * source naming it.
 */
function storeRules(db: Database.Database, orgId: string, label: string, records: PulledRecord[], now: string): RowOutcome[] {
  const writer = new RuleWriter(db, orgId, 'create_or_update', now.slice(0, 19) + 'Z', `sync (${label})`);
  return records.map((record, index) => {
    try {
      return writer.write(index, record.fields as RawRecord);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      throw new SyncFault(`${label}: rules record ${record.label} was refused: ${error.field ? `${error.field}: ` : ''}${error.message}`);
    }
  });
}

/** Outcomes that name a local record the source's id now points at. */
const LINKED = new Set(['created', 'updated', 'unchanged', 'skipped_duplicate', 'blocked_locked_period']);

/**
 * Write one source's pull inside the caller's transaction: one import batch per entity
 * (source 'api', profile 'sync:<source>'), through the same writers and checks as an
 * import. A record the writer refuses throws a SyncFault naming the source and the record,
 * and the caller rolls the whole source back. Records in a finalized month are counted as
 * blocked_locked_period and left as they are.
 */
export function storePull(db: Database.Database, orgId: string, source: SyncSource, label: string, pull: Pull, runId: number, now: string): StoredPull {
  const counts: SyncCounts = { fetched: 0, created: 0, updated: 0, unchanged: 0, blocked_locked_period: 0 };
  const batches: Record<string, number> = {};
  const link = db.prepare(
    `INSERT INTO sync_links (org_id, source, entity, source_id, local_id, run_id, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (org_id, source, entity, source_id) DO UPDATE SET local_id = excluded.local_id, run_id = excluded.run_id, synced_at = excluded.synced_at`,
  );
  for (const pulled of pull.entities) {
    const { entity } = pulled;
    let records = pulled.records;
    if (records.length === 0) continue;
    counts.fetched += records.length;
    if (entity === 'rules') {
      const stored = storeRules(db, orgId, label, records, now);
      for (const row of stored) {
        counts[row.outcome === 'created' ? 'created' : row.outcome === 'updated' ? 'updated' : 'unchanged']++;
        if (row.id !== null) link.run(orgId, source, entity, records[row.rowNumber].sourceId, row.id, runId, now);
      }
      continue;
    }
    if (entity === 'consumption' || entity === 'billing') {
      // Reconciled here: kept as they are (counted unchanged), still linked to the source's id.
      const reconciled = reconciledMatcher(db, orgId, orgTimeZone(db, orgId), entity);
      const written: PulledRecord[] = [];
      for (const record of records) {
        const id = reconciled(record.fields);
        if (id === null) written.push(record);
        else {
          counts.unchanged++;
          link.run(orgId, source, entity, record.sourceId, id, runId, now);
        }
      }
      records = written;
      if (records.length === 0) continue;
    }
    const batch = startImportBatch(db, { orgId, entity, source: 'api', operation: 'create_or_update', profile: `sync:${source}`, keepRejected: false, nested: true });
    // In chunks: each chunk's outcomes give its records' local ids for the links, then go.
    for (let start = 0; start < records.length; start += CHUNK) {
      let rows: RowOutcome[];
      try {
        rows = batch.write(
          records.slice(start, start + CHUNK).map((r, i) => ({ rowNumber: start + i + 1, record: r.fields })),
          { rows: 'all' },
        ).rows;
      } catch (error) {
        batch.abort();
        throw error;
      }
      const refused = rows.find((row) => row.outcome === 'error');
      if (refused) {
        batch.abort();
        const record = records[refused.rowNumber - 1];
        throw new SyncFault(`${label}: ${entity} record ${record.label} was refused: ${refused.message ?? 'invalid'}`);
      }
      for (const row of rows) {
        if (row.id !== null && LINKED.has(row.outcome)) link.run(orgId, source, entity, records[row.rowNumber - 1].sourceId, row.id, runId, now);
      }
    }
    const summary = batch.finish({ onError: 'skip' });
    batches[entity] = summary.batchId!;
    counts.created += summary.counts.created;
    counts.updated += summary.counts.updated;
    counts.unchanged += summary.counts.unchanged + summary.counts.skipped_duplicate;
    counts.blocked_locked_period += summary.counts.blocked_locked_period;
  }
  return { counts, batches };
}
