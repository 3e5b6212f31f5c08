import type { Migration } from './types';

// One row per import (API batch, file, CLI) and the per-row outcomes it produced.
// 'created' rows are never stored as outcomes: the created record itself carries
// batch_id + source_row, and created_first_id..created_last_id (the rowid range the
// batch appended to its entity table) finds them without an index on batch_id.
// Runs of consecutive rows that matched consecutive records (re-importing a file:
// all skipped_duplicate or unchanged) are stored as one row with run_length > 1.
export const importBatches: Migration = {
  id: 5,
  name: 'import-batches',
  sql: `
    CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      entity TEXT NOT NULL CHECK (entity IN ('revenues', 'payees', 'products', 'billing')),
      source TEXT NOT NULL CHECK (source IN ('api', 'file', 'cli')),
      file_name TEXT,
      file_size INTEGER CHECK (file_size IS NULL OR file_size >= 0),
      file_sha256 TEXT CHECK (file_sha256 IS NULL OR (length(file_sha256) = 64 AND file_sha256 NOT GLOB '*[^0-9a-f]*')),
      profile TEXT,
      operation TEXT NOT NULL CHECK (operation IN ('create_only', 'update_only', 'create_or_update')),
      on_error TEXT NOT NULL CHECK (on_error IN ('reject', 'skip')),
      status TEXT NOT NULL CHECK (status IN ('committed', 'rejected', 'undone')),
      -- an earlier committed batch of the same file (same org, entity and SHA-256)
      same_file_batch_id INTEGER REFERENCES import_batches(id),
      total_rows INTEGER NOT NULL DEFAULT 0,
      created_count INTEGER NOT NULL DEFAULT 0,
      updated_count INTEGER NOT NULL DEFAULT 0,
      unchanged_count INTEGER NOT NULL DEFAULT 0,
      skipped_duplicate_count INTEGER NOT NULL DEFAULT 0,
      blocked_locked_period_count INTEGER NOT NULL DEFAULT 0,
      error_count INTEGER NOT NULL DEFAULT 0,
      -- created + updated rows, and the sum of the amounts those rows now hold (micro-units)
      rows_written INTEGER NOT NULL DEFAULT 0,
      amount_written_micros INTEGER NOT NULL DEFAULT 0 CHECK (typeof(amount_written_micros) = 'integer'),
      created_first_id INTEGER,
      created_last_id INTEGER,
      created_at TEXT NOT NULL,
      undone_at TEXT,
      CHECK (total_rows = created_count + updated_count + unchanged_count + skipped_duplicate_count + blocked_locked_period_count + error_count)
    );
    CREATE INDEX import_batches_org ON import_batches(org_id, id);
    CREATE INDEX import_batches_file ON import_batches(org_id, entity, file_sha256) WHERE file_sha256 IS NOT NULL;

    CREATE TABLE import_outcomes (
      batch_id INTEGER NOT NULL REFERENCES import_batches(id),
      row_number INTEGER NOT NULL CHECK (row_number >= 0),
      -- 'created' is stored only when a batch is undone and its created records are deleted
      outcome TEXT NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged', 'skipped_duplicate', 'blocked_locked_period', 'error')),
      -- updated/unchanged: the record; skipped_duplicate: the matching record (first of a run)
      record_id INTEGER,
      run_length INTEGER NOT NULL DEFAULT 1 CHECK (run_length = 1 OR outcome IN ('unchanged', 'skipped_duplicate')),
      external_id TEXT,
      column_name TEXT,
      message TEXT,
      -- updated: the changed fields, comma-separated
      changes TEXT,
      -- updated: the changed columns' previous values (JSON object), which undo restores
      previous TEXT CHECK (previous IS NULL OR json_valid(previous)),
      PRIMARY KEY (batch_id, row_number)
    ) WITHOUT ROWID;
    CREATE INDEX import_outcomes_updated ON import_outcomes(record_id, batch_id) WHERE outcome = 'updated';

    ALTER TABLE revenues ADD COLUMN batch_id INTEGER REFERENCES import_batches(id);
    ALTER TABLE revenues ADD COLUMN source_row INTEGER;
    ALTER TABLE payees ADD COLUMN batch_id INTEGER REFERENCES import_batches(id);
    ALTER TABLE payees ADD COLUMN source_row INTEGER;
    ALTER TABLE products ADD COLUMN batch_id INTEGER REFERENCES import_batches(id);
    ALTER TABLE products ADD COLUMN source_row INTEGER;
  `,
};
