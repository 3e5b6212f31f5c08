import type { Migration } from './types';

// Sync of seed 002 (issue 13): the org's report tasks pulled from its online system sit in
// `tasks` beside the closes this app runs. `origin` tells them apart: a synced task is the
// server's record (its provenance, the source's uuid, is in sync_links like every synced
// record), never run, cancelled or failed at start-up by this app.
export const syncedTasks: Migration = {
  id: 39,
  name: 'synced-tasks',
  sql: `
    ALTER TABLE tasks ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'synced'));
  `,
};
