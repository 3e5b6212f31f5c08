import type { Migration } from './types';

// Every close and reopen of a month, never edited: who, when, the close's task, and the
// reason a month was reopened (required).
export const periodCloseHistory: Migration = {
  id: 28,
  name: 'period-close-history',
  sql: `
    CREATE TABLE period_close_events (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      action TEXT NOT NULL CHECK (action = 'closed' OR action = 'reopened'),
      task_uuid TEXT REFERENCES tasks(uuid),
      reason TEXT,
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      CHECK ((action = 'reopened') = (reason IS NOT NULL AND length(trim(reason)) > 0))
    );
    CREATE INDEX period_close_events_month ON period_close_events(org_id, period, id);
  `,
};
