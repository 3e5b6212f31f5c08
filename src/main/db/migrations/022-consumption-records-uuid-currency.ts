import type { Migration } from './types';

/** A random version-4 uuid in SQL, for records written without one (older rows, direct inserts). */
export const SQL_RANDOM_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

// Consumption records as the seed shows them: every record gets a uuid (the API's id) and the
// currency its amounts are in (the org's reporting currency unless the consumption file names
// one), so a final amount in another currency than the estimate can be refused and totals
// never add currencies together. adjustment_buy_micros keeps final_buy - consumed_buy for
// the margin. Indexes serve consumption.list's filters. The table is rebuilt the documented
// way (new table, copy keeping ids, drop, rename, indexes again).
//
// Import batches and profiles gain the entity 'consumption' (consumed amounts from a file or
// the batch API). Their entity CHECKs cannot change in place, so both are rebuilt too; other
// tables reference import_batches, so this step runs with foreign keys off and is checked
// with foreign_key_check before it commits (see applyMigrations).
export const consumptionRecordsUuidCurrency: Migration = {
  id: 22,
  name: 'consumption-records-uuid-currency',
  foreignKeysOff: true,
  sql: `
    CREATE TABLE consumption_records_rebuilt (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      uuid TEXT NOT NULL DEFAULT (${SQL_RANDOM_UUID}) CHECK (length(uuid) = 36),
      currency TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency = upper(currency))),
      resource TEXT,
      resource_uuid TEXT,
      resource_name TEXT,
      resource_key TEXT NOT NULL GENERATED ALWAYS AS (coalesce('uuid:' || lower(resource_uuid), 'name:' || resource_name)) STORED,
      project_uuid TEXT,
      project_name TEXT,
      customer_uuid TEXT,
      customer_name TEXT,
      license_reference TEXT NOT NULL CHECK (length(trim(license_reference)) > 0),
      billing_period TEXT NOT NULL CHECK (billing_period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-01' AND substr(billing_period, 6, 2) BETWEEN '01' AND '12'),
      period TEXT NOT NULL GENERATED ALWAYS AS (substr(billing_period, 1, 7)) VIRTUAL,
      consumed_sell_micros INTEGER CHECK (consumed_sell_micros IS NULL OR (typeof(consumed_sell_micros) = 'integer' AND abs(consumed_sell_micros) <= 9007199254740991)),
      consumed_buy_micros INTEGER CHECK (consumed_buy_micros IS NULL OR (typeof(consumed_buy_micros) = 'integer' AND abs(consumed_buy_micros) <= 9007199254740991)),
      final_sell_micros INTEGER CHECK (final_sell_micros IS NULL OR (typeof(final_sell_micros) = 'integer' AND abs(final_sell_micros) <= 9007199254740991)),
      final_buy_micros INTEGER CHECK (final_buy_micros IS NULL OR (typeof(final_buy_micros) = 'integer' AND abs(final_buy_micros) <= 9007199254740991)),
      adjustment_amount_micros INTEGER CHECK (adjustment_amount_micros IS NULL OR (typeof(adjustment_amount_micros) = 'integer' AND abs(adjustment_amount_micros) <= 9007199254740991)),
      adjustment_buy_micros INTEGER CHECK (adjustment_buy_micros IS NULL OR (typeof(adjustment_buy_micros) = 'integer' AND abs(adjustment_buy_micros) <= 9007199254740991)),
      invoice_item_uuid TEXT,
      compensation_item_uuid TEXT,
      last_sync_at TEXT,
      is_finalized INTEGER NOT NULL DEFAULT 0 CHECK (is_finalized = 0 OR is_finalized = 1),
      finalized_at TEXT,
      is_reconciled INTEGER NOT NULL DEFAULT 0 CHECK (is_reconciled = 0 OR is_reconciled = 1),
      reconciled_at TEXT,
      raw_data TEXT CHECK (raw_data IS NULL OR json_valid(raw_data)),
      batch_id INTEGER REFERENCES import_batches(id),
      source_row INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (resource_uuid IS NOT NULL OR resource_name IS NOT NULL),
      CHECK (is_finalized = 0 OR (final_sell_micros IS NOT NULL AND final_buy_micros IS NOT NULL AND finalized_at IS NOT NULL)),
      CHECK (is_reconciled = 0 OR (reconciled_at IS NOT NULL AND is_finalized = 1))
    );
    INSERT INTO consumption_records_rebuilt (id, org_id, uuid, currency, resource, resource_uuid, resource_name, project_uuid, project_name, customer_uuid,
        customer_name, license_reference, billing_period, consumed_sell_micros, consumed_buy_micros, final_sell_micros, final_buy_micros,
        adjustment_amount_micros, adjustment_buy_micros, invoice_item_uuid, compensation_item_uuid, last_sync_at, is_finalized, finalized_at,
        is_reconciled, reconciled_at, raw_data, batch_id, source_row, created_at, updated_at)
      SELECT c.id, c.org_id, coalesce(lower(c.uuid), ${SQL_RANDOM_UUID}), o.currency, c.resource, c.resource_uuid, c.resource_name, c.project_uuid, c.project_name,
        c.customer_uuid, c.customer_name, c.license_reference, c.billing_period, c.consumed_sell_micros, c.consumed_buy_micros, c.final_sell_micros,
        c.final_buy_micros, c.adjustment_amount_micros,
        CASE WHEN c.adjustment_amount_micros IS NULL THEN NULL ELSE c.final_buy_micros - coalesce(c.consumed_buy_micros, 0) END,
        c.invoice_item_uuid, c.compensation_item_uuid, c.last_sync_at, c.is_finalized, c.finalized_at, c.is_reconciled, c.reconciled_at, c.raw_data,
        c.batch_id, c.source_row, c.created_at, c.updated_at
      FROM consumption_records c JOIN orgs o ON o.id = c.org_id ORDER BY c.id;
    DROP TABLE consumption_records;
    ALTER TABLE consumption_records_rebuilt RENAME TO consumption_records;
    CREATE UNIQUE INDEX consumption_records_match ON consumption_records(org_id, license_reference, resource_key, billing_period);
    CREATE UNIQUE INDEX consumption_records_uuid ON consumption_records(uuid);
    CREATE INDEX consumption_records_period ON consumption_records(org_id, billing_period);
    CREATE INDEX consumption_records_customer ON consumption_records(customer_uuid, billing_period) WHERE customer_uuid IS NOT NULL;
    CREATE INDEX consumption_records_project ON consumption_records(project_uuid, billing_period) WHERE project_uuid IS NOT NULL;
    CREATE INDEX consumption_records_resource ON consumption_records(resource_uuid, billing_period) WHERE resource_uuid IS NOT NULL;
    CREATE INDEX consumption_records_license ON consumption_records(license_reference, billing_period);
    CREATE INDEX consumption_records_all_periods ON consumption_records(billing_period);
    -- A row written without its currency (a direct insert) takes its org's.
    CREATE TRIGGER consumption_records_currency AFTER INSERT ON consumption_records WHEN NEW.currency IS NULL
    BEGIN
      UPDATE consumption_records SET currency = (SELECT currency FROM orgs WHERE id = NEW.org_id) WHERE id = NEW.id;
    END;

    CREATE TABLE import_batches_rebuilt (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      entity TEXT NOT NULL CHECK (entity = 'revenues' OR entity = 'payees' OR entity = 'products' OR entity = 'billing' OR entity = 'consumption'),
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
    INSERT INTO import_batches_rebuilt (id, org_id, entity, source, file_name, file_size, file_sha256, profile, operation, on_error, status,
        same_file_batch_id, total_rows, created_count, updated_count, unchanged_count, skipped_duplicate_count, blocked_locked_period_count,
        error_count, rows_written, created_first_id, created_last_id, created_at, undone_at, mapping_sha256)
      SELECT id, org_id, entity, source, file_name, file_size, file_sha256, profile, operation, on_error, status,
        same_file_batch_id, total_rows, created_count, updated_count, unchanged_count, skipped_duplicate_count, blocked_locked_period_count,
        error_count, rows_written, created_first_id, created_last_id, created_at, undone_at, mapping_sha256 FROM import_batches ORDER BY id;
    DROP TABLE import_batches;
    ALTER TABLE import_batches_rebuilt RENAME TO import_batches;
    CREATE INDEX import_batches_org ON import_batches(org_id, id);
    CREATE INDEX import_batches_file ON import_batches(org_id, entity, file_sha256) WHERE file_sha256 IS NOT NULL;

    CREATE TABLE import_profiles_rebuilt (
      name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
      entity TEXT NOT NULL CHECK (entity = 'revenues' OR entity = 'payees' OR entity = 'products' OR entity = 'billing' OR entity = 'consumption'),
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
  `,
};
