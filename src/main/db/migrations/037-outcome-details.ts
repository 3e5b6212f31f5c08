import type { Migration } from './types';

// A refused row's details line (issue 16, item 6): the message stays in the accountant's
// words (the file's column, what to do); the outcome's code, the record's field as the API
// names it and technical words (SQLite's own message) are kept beside it. Rows stored
// before this step have no details.
export const outcomeDetails: Migration = {
  id: 37,
  name: 'outcome-details',
  sql: `ALTER TABLE import_outcomes ADD COLUMN details TEXT;`,
};
