import type { Migration } from './types';

// Statements (seed 004) are computed from three inputs per org: its price plans (effective
// date ranges that never overlap; prices in micro-units of the org's currency), its usage
// per billing cycle (keyed by the cycle's first day), and a ledger of credits granted.
// The billing anchor day (1..31) sets where cycles start; no row means the 1st (calendar months).
export const pricePlansUsageCredits: Migration = {
  id: 25,
  name: 'price-plans-usage-credits',
  sql: `
    CREATE TABLE billing_settings (
      org_id TEXT PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
      anchor_day INTEGER NOT NULL CHECK (anchor_day BETWEEN 1 AND 31),
      updated_at TEXT NOT NULL
    );
    CREATE TABLE price_plans (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      external_id TEXT,
      name TEXT NOT NULL,
      effective_from TEXT NOT NULL,
      effective_to TEXT CHECK (effective_to IS NULL OR effective_to >= effective_from),
      is_subscription INTEGER NOT NULL DEFAULT 1 CHECK (is_subscription IN (0, 1)),
      subscription_price_micros INTEGER NOT NULL CHECK (subscription_price_micros >= 0),
      ppu_price_micros INTEGER NOT NULL CHECK (ppu_price_micros >= 0),
      section_widget_price_micros INTEGER NOT NULL CHECK (section_widget_price_micros >= 0),
      column_widget_price_micros INTEGER NOT NULL CHECK (column_widget_price_micros >= 0),
      record_storage_price_micros INTEGER NOT NULL CHECK (record_storage_price_micros >= 0),
      file_storage_price_micros INTEGER NOT NULL CHECK (file_storage_price_micros >= 0),
      backup_price_micros INTEGER NOT NULL CHECK (backup_price_micros >= 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (org_id, external_id)
    );
    CREATE INDEX price_plans_org_from ON price_plans (org_id, effective_from);
    CREATE TABLE cycle_usage (
      org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      cycle_start TEXT NOT NULL,
      seats INTEGER NOT NULL CHECK (seats >= 0),
      record_count INTEGER NOT NULL CHECK (record_count >= 0),
      section_widget_uses INTEGER NOT NULL CHECK (section_widget_uses >= 0),
      column_widget_uses INTEGER NOT NULL CHECK (column_widget_uses >= 0),
      version_count INTEGER NOT NULL CHECK (version_count >= 0),
      file_size_mb INTEGER NOT NULL CHECK (file_size_mb >= 0),
      backups INTEGER NOT NULL CHECK (backups >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (org_id, cycle_start)
    ) WITHOUT ROWID;
    CREATE TABLE credit_grants (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      external_id TEXT,
      granted_on TEXT NOT NULL,
      amount_micros INTEGER NOT NULL CHECK (amount_micros > 0),
      note TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (org_id, external_id)
    );
    CREATE INDEX credit_grants_org_order ON credit_grants (org_id, granted_on, id);
  `,
};
