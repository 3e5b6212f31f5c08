import type { Migration } from './types';

export const organizationsAndPeriods: Migration = {
  id: 1,
  name: 'organizations-and-periods',
  sql: `
    CREATE TABLE workspace_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE orgs (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      parent_id TEXT REFERENCES orgs(id),
      created_at TEXT NOT NULL
    );
    CREATE INDEX orgs_parent ON orgs(parent_id);
    CREATE TABLE periods (
      org_id TEXT NOT NULL REFERENCES orgs(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12'),
      status TEXT NOT NULL CHECK (status IN ('in_progress', 'finalized')),
      finalized_at TEXT,
      PRIMARY KEY (org_id, period)
    ) WITHOUT ROWID;
  `,
};
