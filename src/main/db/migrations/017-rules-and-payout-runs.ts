import type { Migration } from './types';

// Allocation rules keep their history: `rules` holds the current state, `rule_versions`
// every saved state (version 1 is the create), so a run can pick the version in force on
// a revenue's date and an accountant can see who changed what. Splits are JSON lists of
// {payee_id, percentage, fixed_micros} (percentages as decimal strings, up to 4 decimals).
// `payout_runs` keeps the last result of each month's run: a finalized month is never
// re-run, so its stored figures are the ones that were signed off.
export const rulesAndPayoutRuns: Migration = {
  id: 17,
  name: 'rules-and-payout-runs',
  sql: `
    CREATE TABLE rules (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      external_id TEXT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      status TEXT NOT NULL CHECK (status = 'draft' OR status = 'active' OR status = 'inactive'),
      scope TEXT NOT NULL CHECK (scope = 'product' OR scope = 'category' OR scope = 'tag' OR scope = 'org'),
      product_id INTEGER REFERENCES products(id),
      category TEXT,
      tag TEXT,
      effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
      effective_to TEXT CHECK (effective_to IS NULL OR (effective_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND effective_to >= effective_from)),
      splits TEXT NOT NULL CHECK (json_valid(splits) AND json_type(splits) = 'array'),
      version INTEGER NOT NULL CHECK (version >= 1),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((scope = 'product') = (product_id IS NOT NULL)),
      CHECK ((scope = 'category') = (category IS NOT NULL)),
      CHECK ((scope = 'tag') = (tag IS NOT NULL))
    );
    CREATE UNIQUE INDEX rules_external_id ON rules(org_id, external_id) WHERE external_id IS NOT NULL;
    CREATE INDEX rules_org_scope ON rules(org_id, scope);

    CREATE TABLE rule_versions (
      rule_id INTEGER NOT NULL REFERENCES rules(id),
      version INTEGER NOT NULL CHECK (version >= 1),
      saved_at TEXT NOT NULL,
      saved_by TEXT NOT NULL,
      change TEXT NOT NULL CHECK (change = 'created' OR change = 'updated'),
      -- the fields this save changed, a JSON list
      changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array'),
      -- the whole state saved, the same fields as a rules row
      state TEXT NOT NULL CHECK (json_valid(state) AND json_type(state) = 'object'),
      PRIMARY KEY (rule_id, version)
    ) WITHOUT ROWID;

    CREATE TABLE payout_runs (
      org_id TEXT NOT NULL REFERENCES orgs(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      ran_at TEXT NOT NULL,
      ran_by TEXT NOT NULL,
      -- the run's answer (PayoutRun without ranAt/ranBy), JSON
      result TEXT NOT NULL CHECK (json_valid(result)),
      PRIMARY KEY (org_id, period)
    ) WITHOUT ROWID;
  `,
};
