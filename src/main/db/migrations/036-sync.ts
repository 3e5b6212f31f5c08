import type { Migration } from './types';

// Sync (issue 13): one connection per org and source system (a seed's API), the runs that
// pulled from it, and for every record a run wrote or matched, the source's own id.
// A run's records land through import batches (source 'api', profile 'sync:<source>'), so
// the entity CHECK of import_batches needs no rebuild; sync_runs ties a run's batches to
// its source. The API key is never stored here (src/main/sync/key-store.ts).
const SOURCES = "'revenue', 'consumption', 'statements', 'reports', 'tasks'";

export const sync: Migration = {
  id: 36,
  name: 'sync',
  sql: `
    CREATE TABLE sync_connections (
      org_id TEXT NOT NULL REFERENCES orgs(id),
      source TEXT NOT NULL CHECK (source IN (${SOURCES})),
      base_url TEXT NOT NULL CHECK (base_url GLOB 'http://?*' OR base_url GLOB 'https://?*'),
      -- entity -> newest modified time of the last successful sync
      cursors TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(cursors) AND json_type(cursors) = 'object'),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (org_id, source)
    ) WITHOUT ROWID;

    CREATE TABLE sync_runs (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      source TEXT NOT NULL CHECK (source IN (${SOURCES})),
      status TEXT NOT NULL CHECK (status IN ('committed', 'nothing_changed', 'failed')),
      started_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      fetched INTEGER NOT NULL DEFAULT 0,
      created_count INTEGER NOT NULL DEFAULT 0,
      updated_count INTEGER NOT NULL DEFAULT 0,
      unchanged_count INTEGER NOT NULL DEFAULT 0,
      blocked_locked_period_count INTEGER NOT NULL DEFAULT 0,
      -- entity -> import batch id
      batches TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(batches) AND json_type(batches) = 'object'),
      message TEXT,
      CHECK ((status = 'failed') = (message IS NOT NULL))
    );
    CREATE INDEX sync_runs_org ON sync_runs(org_id, id);

    CREATE TABLE sync_links (
      org_id TEXT NOT NULL REFERENCES orgs(id),
      source TEXT NOT NULL CHECK (source IN (${SOURCES})),
      entity TEXT NOT NULL,
      -- the source's own id of the record (a UUID in seeds 001 and 003)
      source_id TEXT NOT NULL CHECK (length(source_id) > 0),
      local_id INTEGER NOT NULL,
      run_id INTEGER NOT NULL REFERENCES sync_runs(id),
      synced_at TEXT NOT NULL,
      PRIMARY KEY (org_id, source, entity, source_id)
    ) WITHOUT ROWID;
  `,
};
