import type { Migration } from './types';

// Sync conflicts (issue 13, item 3). A link remembers two hashes: the server's version the
// last sync wrote or accepted (server_hash, of the source's fields) and the local row as it
// stood right after (local_hash, of every column). A record whose server version and local
// row both moved away from them is a conflict: not written, kept here with both values until
// the person resolves it. Links written before this migration have no hashes (no baseline:
// the next sync writes them as before and stamps them).
export const syncConflicts: Migration = {
  id: 38,
  name: 'sync-conflicts',
  sql: `
    ALTER TABLE sync_links ADD COLUMN server_hash TEXT;
    ALTER TABLE sync_links ADD COLUMN local_hash TEXT;
    ALTER TABLE sync_runs ADD COLUMN conflict_count INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      source TEXT NOT NULL,
      entity TEXT NOT NULL,
      source_id TEXT NOT NULL,
      local_id INTEGER NOT NULL,
      run_id INTEGER NOT NULL REFERENCES sync_runs(id),
      -- field -> value, in the source's field names
      local_values TEXT NOT NULL CHECK (json_valid(local_values)),
      server_values TEXT NOT NULL CHECK (json_valid(server_values)),
      detected_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
      choice TEXT CHECK (choice IN ('keep_local', 'take_server')),
      resolved_at TEXT,
      -- take_server: the one-record import batch that wrote the server's values
      batch_id INTEGER,
      CHECK ((status = 'resolved') = (choice IS NOT NULL AND resolved_at IS NOT NULL))
    );
    -- One open conflict per record: a later sync refreshes its server values.
    CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts(org_id, source, entity, source_id) WHERE status = 'open';
    CREATE INDEX sync_conflicts_org ON sync_conflicts(org_id, status, id);
  `,
};
