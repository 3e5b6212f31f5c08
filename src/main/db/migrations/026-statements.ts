import type { Migration } from './types';

// Generated statements, one per org and billing cycle. A past cycle's row is written once
// and never changed; the current cycle's row (is_current = 1) is recomputed as usage, plans
// or credits change. Line costs are already rounded to the currency's minor unit (stored in
// micro-units); prices are those in effect on the cycle's last day, for display, and
// plan_segments (JSON) records which plans covered which days (the proration).
export const statements: Migration = {
  id: 26,
  name: 'statements',
  sql: `
    CREATE TABLE statements (
      id INTEGER PRIMARY KEY,
      sid TEXT NOT NULL UNIQUE,
      org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      date_start TEXT NOT NULL,
      date_end TEXT NOT NULL,
      currency TEXT NOT NULL,
      is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
      is_subscription INTEGER NOT NULL CHECK (is_subscription IN (0, 1)),
      seats INTEGER NOT NULL,
      record_count INTEGER NOT NULL,
      section_widget_uses INTEGER NOT NULL,
      column_widget_uses INTEGER NOT NULL,
      version_count INTEGER NOT NULL,
      file_size_mb INTEGER NOT NULL,
      backups INTEGER NOT NULL,
      subscription_price_micros INTEGER NOT NULL,
      ppu_price_micros INTEGER NOT NULL,
      section_widget_price_micros INTEGER NOT NULL,
      column_widget_price_micros INTEGER NOT NULL,
      record_storage_price_micros INTEGER NOT NULL,
      file_storage_price_micros INTEGER NOT NULL,
      backup_price_micros INTEGER NOT NULL,
      subscription_cost_micros INTEGER NOT NULL,
      ppu_cost_micros INTEGER NOT NULL,
      section_widget_usage_cost_micros INTEGER NOT NULL,
      column_widget_usage_cost_micros INTEGER NOT NULL,
      record_storage_cost_micros INTEGER NOT NULL,
      file_storage_cost_micros INTEGER NOT NULL,
      backup_cost_micros INTEGER NOT NULL,
      total_micros INTEGER NOT NULL,
      credits_applied_micros INTEGER NOT NULL CHECK (credits_applied_micros >= 0 AND credits_applied_micros <= total_micros),
      amount_due_micros INTEGER NOT NULL CHECK (amount_due_micros = total_micros - credits_applied_micros),
      available_credits_micros INTEGER NOT NULL CHECK (available_credits_micros >= 0),
      plan_segments TEXT NOT NULL,
      generated_at TEXT NOT NULL,
      UNIQUE (org_id, date_start)
    );
    CREATE INDEX statements_org_newest ON statements (org_id, date_start DESC);
    CREATE TABLE credit_applications (
      statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
      credit_id INTEGER NOT NULL REFERENCES credit_grants(id),
      amount_micros INTEGER NOT NULL CHECK (amount_micros > 0),
      PRIMARY KEY (statement_id, credit_id)
    ) WITHOUT ROWID;
    CREATE INDEX credit_applications_credit ON credit_applications (credit_id);
  `,
};
