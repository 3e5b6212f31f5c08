import type { Migration } from './types';

// Consumption records as in seed 003: consumed_* are estimates from usage, final_* arrive
// with the billing export (null until then), adjustment_amount is set by reconciliation.
// Money is integer micro-units, each within Number.MAX_SAFE_INTEGER.
//
// Match key for billing rows: one record per (org, license_reference, resource,
// billing_period), where the resource is the resource_uuid when known, else the
// resource_name (resource_key below). Billing exports name a license and a resource per
// month; the uuid is preferred because resource names may be renamed or repeated.
export const consumptionRecords: Migration = {
  id: 6,
  name: 'consumption-records',
  sql: `
    CREATE TABLE consumption_records (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      uuid TEXT,
      resource TEXT,
      resource_uuid TEXT,
      resource_name TEXT,
      resource_key TEXT NOT NULL GENERATED ALWAYS AS (coalesce('uuid:' || lower(resource_uuid), 'name:' || resource_name)) STORED,
      project_uuid TEXT,
      project_name TEXT,
      customer_uuid TEXT,
      customer_name TEXT,
      license_reference TEXT NOT NULL CHECK (length(trim(license_reference)) > 0),
      -- first day of the billing month
      billing_period TEXT NOT NULL CHECK (billing_period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-01' AND substr(billing_period, 6, 2) BETWEEN '01' AND '12'),
      period TEXT NOT NULL GENERATED ALWAYS AS (substr(billing_period, 1, 7)) VIRTUAL,
      consumed_sell_micros INTEGER CHECK (consumed_sell_micros IS NULL OR (typeof(consumed_sell_micros) = 'integer' AND abs(consumed_sell_micros) <= 9007199254740991)),
      consumed_buy_micros INTEGER CHECK (consumed_buy_micros IS NULL OR (typeof(consumed_buy_micros) = 'integer' AND abs(consumed_buy_micros) <= 9007199254740991)),
      final_sell_micros INTEGER CHECK (final_sell_micros IS NULL OR (typeof(final_sell_micros) = 'integer' AND abs(final_sell_micros) <= 9007199254740991)),
      final_buy_micros INTEGER CHECK (final_buy_micros IS NULL OR (typeof(final_buy_micros) = 'integer' AND abs(final_buy_micros) <= 9007199254740991)),
      adjustment_amount_micros INTEGER CHECK (adjustment_amount_micros IS NULL OR (typeof(adjustment_amount_micros) = 'integer' AND abs(adjustment_amount_micros) <= 9007199254740991)),
      invoice_item_uuid TEXT,
      compensation_item_uuid TEXT,
      last_sync_at TEXT,
      is_finalized INTEGER NOT NULL DEFAULT 0 CHECK (is_finalized IN (0, 1)),
      finalized_at TEXT,
      is_reconciled INTEGER NOT NULL DEFAULT 0 CHECK (is_reconciled IN (0, 1)),
      reconciled_at TEXT,
      raw_data TEXT CHECK (raw_data IS NULL OR json_valid(raw_data)),
      batch_id INTEGER REFERENCES import_batches(id),
      source_row INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (resource_uuid IS NOT NULL OR resource_name IS NOT NULL),
      CHECK (is_finalized = 0 OR (final_sell_micros IS NOT NULL AND final_buy_micros IS NOT NULL AND finalized_at IS NOT NULL)),
      CHECK (is_reconciled = 0 OR reconciled_at IS NOT NULL)
    );
    CREATE UNIQUE INDEX consumption_records_match ON consumption_records(org_id, license_reference, resource_key, billing_period);
    CREATE INDEX consumption_records_period ON consumption_records(org_id, billing_period);
  `,
};
