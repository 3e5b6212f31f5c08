import type { Migration } from './types';

// Showback of commitments (issue 12, seed 000's allocation reports): commitments an org
// bought (monthly figures over a term, in one currency, with how they are allocated) and
// usage per month, account, service and child org (on-demand and covered cost). Money is
// integer micro-units like every other amount in the workspace.
export const showback: Migration = {
  id: 29,
  name: 'showback',
  sql: `
    CREATE TABLE showback_commitments (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      external_id TEXT NOT NULL CHECK (length(trim(external_id)) > 0),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      purchase_date TEXT NOT NULL CHECK (purchase_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
      term_start TEXT NOT NULL CHECK (term_start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
      term_end TEXT NOT NULL CHECK (term_end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
      monthly_premium_micros INTEGER NOT NULL CHECK (monthly_premium_micros >= 0),
      commitment_cost_micros INTEGER NOT NULL CHECK (commitment_cost_micros >= 0),
      rebates_micros INTEGER NOT NULL CHECK (rebates_micros >= 0),
      allocation_method TEXT NOT NULL DEFAULT 'proportional' CHECK (allocation_method IN ('proportional', 'even', 'fixed')),
      -- fixed: {"dimension": "account" | "service" | "child_org", "shares": [{"target", "percent"}]}
      fixed_shares TEXT CHECK (fixed_shares IS NULL OR json_valid(fixed_shares)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (term_end >= term_start),
      CHECK ((allocation_method = 'fixed') = (fixed_shares IS NOT NULL)),
      UNIQUE (org_id, external_id)
    );
    CREATE INDEX showback_commitments_term ON showback_commitments(org_id, term_start, term_end);

    CREATE TABLE showback_usage (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      account TEXT NOT NULL CHECK (length(trim(account)) > 0),
      service TEXT NOT NULL CHECK (length(trim(service)) > 0),
      -- The org (the commitments' holder or one below it) whose usage this is.
      child_org_id TEXT NOT NULL REFERENCES orgs(id),
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      on_demand_cost_micros INTEGER NOT NULL CHECK (on_demand_cost_micros >= 0),
      covered_cost_micros INTEGER NOT NULL CHECK (covered_cost_micros >= 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (org_id, month, account, service, child_org_id, currency)
    );
  `,
};
