import type { Migration } from './types';

// Allocation reports (issue 12, seed 000): which report types an org has hidden from its
// catalog (a row per hidden report; showing it again deletes the row), and the index the
// revenue-by-product-and-kind report reads one month from without touching the table:
// (org, period) finds the month, currency and kind are sought when filtered on (a currency
// the month lacks is known at once), currency, kind and product group it, the amount is summed.
export const reportVisibility: Migration = {
  id: 30,
  name: 'report-visibility',
  sql: `
    CREATE TABLE report_hidden (
      org_id TEXT NOT NULL REFERENCES orgs(id),
      report_type TEXT NOT NULL CHECK (length(report_type) BETWEEN 1 AND 100),
      hidden_at TEXT NOT NULL,
      hidden_by TEXT NOT NULL,
      PRIMARY KEY (org_id, report_type)
    ) WITHOUT ROWID;
    CREATE INDEX revenues_period_product_kind ON revenues(org_id, period, currency, kind, product_id, amount_micros);
  `,
};
