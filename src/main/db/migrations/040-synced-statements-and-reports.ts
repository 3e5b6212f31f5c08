import type { Migration } from './types';

// Sync of seeds 004 and 000 (issue 13).
// - statements.origin: 'synced' for a statement pulled from the org's online system (its
//   provenance, the server's sid, is in sync_links as for every synced record); the
//   generator here leaves those rows alone. 'local' for the ones generated here.
// - synced_report_results: what the org's online system computed for one allocation report
//   and month (seed 000), kept whole (its declared columns and rows as JSON) beside the
//   local computation, so the Reports screen can show where the two disagree. content_hash
//   is the server's version: a re-run that reads the same result writes nothing.
export const syncedStatementsAndReports: Migration = {
  id: 40,
  name: 'synced-statements-and-reports',
  sql: `
    ALTER TABLE statements ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'synced'));

    CREATE TABLE synced_report_results (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      report_type TEXT NOT NULL CHECK (length(report_type) > 0),
      year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      status TEXT NOT NULL CHECK (status IN ('finalized', 'in_progress')),
      title TEXT NOT NULL,
      parameters TEXT NOT NULL CHECK (json_valid(parameters) AND json_type(parameters) = 'object'),
      columns TEXT NOT NULL CHECK (json_valid(columns) AND json_type(columns) = 'array'),
      rows TEXT NOT NULL CHECK (json_valid(rows) AND json_type(rows) = 'array'),
      row_count INTEGER NOT NULL CHECK (row_count >= 0),
      content_hash TEXT NOT NULL,
      run_id INTEGER NOT NULL REFERENCES sync_runs(id),
      synced_at TEXT NOT NULL,
      UNIQUE (org_id, report_type, year, month)
    );
  `,
};
