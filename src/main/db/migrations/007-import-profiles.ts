import type { Migration } from './types';

// Saved mapping profiles: how a file layout is read, by name, for the whole workspace
// (a layout belongs to the exporting system, not to an org). The profile itself is
// stored as the JSON its schema checks; header_key (the normalized column names,
// sorted) finds the profile when a file with the same header comes again.
export const importProfiles: Migration = {
  id: 7,
  name: 'import-profiles',
  sql: `
    CREATE TABLE import_profiles (
      name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
      entity TEXT NOT NULL CHECK (entity IN ('revenues', 'payees', 'products', 'billing')),
      header_key TEXT NOT NULL,
      profile TEXT NOT NULL CHECK (json_valid(profile)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX import_profiles_header ON import_profiles(entity, header_key);
  `,
};
