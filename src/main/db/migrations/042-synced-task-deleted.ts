import type { Migration } from './types';

// Sync of seed 002 (issue 13): a synced task the server no longer lists is marked, not kept
// as if it were live. Seed 002 has no list of deleted tasks; what a sync can observe is
// the window it reads again (from just before the oldest unfinished task, or the newest
// one): a synced task created in it that the complete listing lacks is gone from the
// server. NULL: live (listed by the last sync that read its window).
export const syncedTaskDeleted: Migration = {
  id: 42,
  name: 'synced-task-deleted',
  sql: `
    ALTER TABLE tasks ADD COLUMN deleted_on_server_at TEXT CHECK (deleted_on_server_at IS NULL OR origin = 'synced');
  `,
};
