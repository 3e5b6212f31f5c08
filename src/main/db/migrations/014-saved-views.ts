import type { Migration } from './types';

// A screen's review setup (sort, filters, columns; the shell's org and period) and the views
// saved from it under a name. name '' is the screen's current setup, kept as the user works;
// named views are unique per screen regardless of case. state is JSON checked by the API's
// schema on the way in.
export const savedViews: Migration = {
  id: 14,
  name: 'saved-views',
  sql: `
    CREATE TABLE saved_views (
      screen TEXT NOT NULL CHECK (length(screen) BETWEEN 1 AND 40),
      name TEXT NOT NULL CHECK (length(name) <= 100),
      state TEXT NOT NULL CHECK (json_valid(state)),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (screen, name)
    );
    CREATE UNIQUE INDEX saved_views_name_nocase ON saved_views(screen, name COLLATE NOCASE);
  `,
};
