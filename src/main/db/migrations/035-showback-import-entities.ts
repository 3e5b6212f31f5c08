import type { Migration } from './types';

// Showback data from files: commitments and showback usage become import entities
// ('commitments', 'showback_usage'). Their tables gain batch_id and source_row, as every
// imported table has them: a batch's created rows are found by id range and undone, its
// updated rows restored by id. Import batches and profiles gain the two entities; their
// entity CHECKs cannot change in place, so both are rebuilt the documented way, as step 33
// did (keeping every entity it allowed); other tables reference import_batches, so this
// step runs with foreign keys off and is checked before it commits.
const ENTITIES = ['revenues', 'payees', 'products', 'billing', 'consumption', 'usage', 'commitments', 'showback_usage'];
const ENTITY_CHECK = ENTITIES.map((e) => `entity = '${e}'`).join(' OR ');
const BATCH_COLUMNS =
  'id, org_id, entity, source, file_name, file_size, file_sha256, profile, operation, on_error, status, same_file_batch_id, total_rows, created_count, ' +
  'updated_count, unchanged_count, skipped_duplicate_count, blocked_locked_period_count, error_count, rows_written, created_first_id, created_last_id, ' +
  'created_at, undone_at, mapping_sha256';

export const showbackImportEntities: Migration = {
  id: 35,
  name: 'showback-import-entities',
  foreignKeysOff: true,
  sql: `
    CREATE TABLE import_batches_rebuilt (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      entity TEXT NOT NULL CHECK (${ENTITY_CHECK}),
      source TEXT NOT NULL CHECK (source IN ('api', 'file', 'cli')),
      file_name TEXT,
      file_size INTEGER CHECK (file_size IS NULL OR file_size >= 0),
      file_sha256 TEXT CHECK (file_sha256 IS NULL OR (length(file_sha256) = 64 AND file_sha256 NOT GLOB '*[^0-9a-f]*')),
      profile TEXT,
      operation TEXT NOT NULL CHECK (operation IN ('create_only', 'update_only', 'create_or_update')),
      on_error TEXT NOT NULL CHECK (on_error IN ('reject', 'skip')),
      status TEXT NOT NULL CHECK (status IN ('committed', 'rejected', 'undone')),
      same_file_batch_id INTEGER REFERENCES import_batches(id),
      total_rows INTEGER NOT NULL DEFAULT 0,
      created_count INTEGER NOT NULL DEFAULT 0,
      updated_count INTEGER NOT NULL DEFAULT 0,
      unchanged_count INTEGER NOT NULL DEFAULT 0,
      skipped_duplicate_count INTEGER NOT NULL DEFAULT 0,
      blocked_locked_period_count INTEGER NOT NULL DEFAULT 0,
      error_count INTEGER NOT NULL DEFAULT 0,
      rows_written INTEGER NOT NULL DEFAULT 0,
      created_first_id INTEGER,
      created_last_id INTEGER,
      created_at TEXT NOT NULL,
      undone_at TEXT,
      mapping_sha256 TEXT CHECK (mapping_sha256 IS NULL OR (length(mapping_sha256) = 64 AND mapping_sha256 NOT GLOB '*[^0-9a-f]*')),
      CHECK (total_rows = created_count + updated_count + unchanged_count + skipped_duplicate_count + blocked_locked_period_count + error_count)
    );
    INSERT INTO import_batches_rebuilt (${BATCH_COLUMNS}) SELECT ${BATCH_COLUMNS} FROM import_batches ORDER BY id;
    DROP TABLE import_batches;
    ALTER TABLE import_batches_rebuilt RENAME TO import_batches;
    CREATE INDEX import_batches_org ON import_batches(org_id, id);
    CREATE INDEX import_batches_file ON import_batches(org_id, entity, file_sha256) WHERE file_sha256 IS NOT NULL;

    CREATE TABLE import_profiles_rebuilt (
      name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
      entity TEXT NOT NULL CHECK (${ENTITY_CHECK}),
      header_key TEXT NOT NULL,
      profile TEXT NOT NULL CHECK (json_valid(profile)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO import_profiles_rebuilt (name, entity, header_key, profile, created_at, updated_at)
      SELECT name, entity, header_key, profile, created_at, updated_at FROM import_profiles;
    DROP TABLE import_profiles;
    ALTER TABLE import_profiles_rebuilt RENAME TO import_profiles;
    CREATE INDEX import_profiles_header ON import_profiles(entity, header_key);

    ALTER TABLE showback_commitments ADD COLUMN batch_id INTEGER REFERENCES import_batches(id);
    ALTER TABLE showback_commitments ADD COLUMN source_row INTEGER;
    ALTER TABLE showback_usage ADD COLUMN batch_id INTEGER REFERENCES import_batches(id);
    ALTER TABLE showback_usage ADD COLUMN source_row INTEGER;
  `,
};
