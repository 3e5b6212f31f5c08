import type { SyncCounts, SyncSource } from '../../shared/contract/sync';
import type { Database } from '../db/driver';
import { LinkKeeper } from './detect-conflicts';
import { markGone } from './gone-from-server';
import { serverHash } from './record-state';
import type { Pull } from './sources/source-adapter';
import type { StoredPull } from './store-pull';

// Seed 000's results as rows of synced_report_results (migration 40), one per org, report
// and month, inside the sync's transaction. They are the server's figures, kept beside the
// local computation (never mixed into it), so nothing here edits them and there is nothing
// to be in conflict with. A result the same as the stored one (content_hash) writes
// nothing; a changed result of a month finalized here is not changed (blocked_locked_period:
// the month was closed against the figures kept). A first result of a finalized month is
// kept: it changes nothing of the month's own data. A month the server no longer lists is
// marked on its link (deleted_on_server_at, migration 43), never deleted; listed again, the
// mark goes.

interface StoredResult {
  id: number;
  content_hash: string;
}

export function storeReportsPull(db: Database.Database, orgId: string, source: SyncSource, _label: string, pull: Pull, runId: number, now: string): StoredPull {
  const counts: SyncCounts = { fetched: 0, created: 0, updated: 0, unchanged: 0, blocked_locked_period: 0, conflict: 0 };
  const links = new LinkKeeper(db, orgId, source, runId, now);
  const find = db.prepare('SELECT id, content_hash FROM synced_report_results WHERE org_id = ? AND report_type = ? AND year = ? AND month = ?');
  const finalized = new Set(db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized'").pluck().all(orgId) as string[]);
  const insert = db.prepare(
    `INSERT INTO synced_report_results (org_id, report_type, year, month, status, title, parameters, columns, rows, row_count, content_hash, run_id, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare('UPDATE synced_report_results SET status = ?, title = ?, parameters = ?, columns = ?, rows = ?, row_count = ?, content_hash = ?, run_id = ?, synced_at = ? WHERE id = ?');
  // Source ids read this run, and those found as stored: a mark that goes is counted once, as updated.
  const fetched = new Set<string>();
  const unchanged = new Set<string>();
  for (const { entity, records } of pull.entities) {
    if (entity !== 'reports') throw new Error(`The reports source does not write ${entity}`);
    counts.fetched += records.length;
    for (const record of records) {
      const f = record.fields as { report_type: string; year: number; month: number; status: string; title: string; parameters: object; columns: unknown[]; rows: unknown[] };
      fetched.add(record.sourceId);
      const hash = serverHash(record.fields);
      const existing = find.get(orgId, f.report_type, f.year, f.month) as StoredResult | undefined;
      const values = [f.status, f.title, JSON.stringify(f.parameters), JSON.stringify(f.columns), JSON.stringify(f.rows), f.rows.length, hash, runId, now] as const;
      let id: number;
      if (existing?.content_hash === hash) {
        counts.unchanged++;
        unchanged.add(record.sourceId);
        id = existing.id;
      } else if (existing && finalized.has(`${f.year}-${String(f.month).padStart(2, '0')}`)) {
        counts.blocked_locked_period++;
        id = existing.id;
      } else if (existing) {
        update.run(...values, existing.id);
        counts.updated++;
        id = existing.id;
      } else {
        id = Number(insert.run(orgId, f.report_type, f.year, f.month, ...values).lastInsertRowid);
        counts.created++;
      }
      links.link(entity, record, id, false);
    }
  }
  links.finish();
  const listing = pull.entities.find((e) => e.entity === 'reports')?.listing;
  if (listing) {
    // A synced month the server no longer lists is marked, not deleted; one finalized here is left as it is.
    const gone = markGone(db, orgId, source, 'reports', listing, now, (link) => finalized.has(link.source_id.slice(-7)));
    counts.updated += gone.marked;
    counts.blocked_locked_period += gone.blocked;
    for (const sourceId of gone.relisted) {
      if (unchanged.has(sourceId)) counts.unchanged--;
      else if (fetched.has(sourceId)) continue;
      counts.updated++;
    }
  }
  return { counts, batches: {} };
}
