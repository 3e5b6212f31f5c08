import type { Migration } from './types';

// Sync of seeds 004 and 000 (issue 13): a synced statement or report month the server no
// longer lists is marked on its link, not deleted. The mark lives on sync_links rather than
// on the record's row because a statement's link hashes its whole row (the baseline of
// conflicts): a column there would read as a local edit. NULL: listed by the last run that
// read the complete list.
export const syncedLinkGone: Migration = {
  id: 43,
  name: 'synced-link-gone',
  sql: `
    ALTER TABLE sync_links ADD COLUMN deleted_on_server_at TEXT;
  `,
};
