import type { Database } from '../db/driver';
import type { ServerListing } from './sources/source-adapter';

// A record the server no longer lists (seeds 004 and 000 list no deletions; a complete
// listing is the only evidence) is marked on its link, never deleted here: it was the
// server's record, and a closed month may rest on it. Migration 43.

export interface GoneLink {
  source_id: string;
  local_id: number;
}

export interface GoneOutcome {
  /** Links newly marked deleted_on_server_at. */
  marked: number;
  /** Gone from the server, but the record is in a finalized month here: not marked (nothing changes in a closed month). */
  blocked: number;
  /** Marked before and listed again: the mark went. */
  relisted: Set<string>;
}

/**
 * The links of one source and entity judged against the server's complete listing: a link
 * the listing covers but lacks is marked with `now` (unless `locked` says its record is in
 * a finalized month); a marked link listed again loses its mark.
 */
export function markGone(db: Database.Database, orgId: string, source: string, entity: string, listing: ServerListing, now: string, locked: (link: GoneLink) => boolean): GoneOutcome {
  const links = db.prepare('SELECT source_id, local_id, deleted_on_server_at FROM sync_links WHERE org_id = ? AND source = ? AND entity = ?').all(orgId, source, entity) as Array<
    GoneLink & { deleted_on_server_at: string | null }
  >;
  const setMark = db.prepare('UPDATE sync_links SET deleted_on_server_at = ? WHERE org_id = ? AND source = ? AND entity = ? AND source_id = ?');
  const outcome: GoneOutcome = { marked: 0, blocked: 0, relisted: new Set() };
  for (const link of links) {
    const listed = listing.ids.has(link.source_id);
    if (listed && link.deleted_on_server_at !== null) {
      setMark.run(null, orgId, source, entity, link.source_id);
      outcome.relisted.add(link.source_id);
    } else if (!listed && link.deleted_on_server_at === null && (listing.covers?.(link.source_id) ?? true)) {
      if (locked(link)) {
        outcome.blocked++;
      } else {
        setMark.run(now, orgId, source, entity, link.source_id);
        outcome.marked++;
      }
    }
  }
  return outcome;
}
