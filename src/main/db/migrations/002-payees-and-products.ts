import type { Migration } from './types';

export const payeesAndProducts: Migration = {
  id: 2,
  name: 'payees-and-products',
  sql: `
    CREATE TABLE payees (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      external_id TEXT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      email TEXT,
      on_hold INTEGER NOT NULL DEFAULT 0 CHECK (on_hold IN (0, 1)),
      -- minimum payout, micro-units
      threshold_micros INTEGER NOT NULL DEFAULT 0 CHECK (typeof(threshold_micros) = 'integer'),
      -- share used when no rule matches, a decimal string such as "12.5"
      fallback_percentage TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX payees_external_id ON payees(org_id, external_id) WHERE external_id IS NOT NULL;
    CREATE TABLE products (
      id INTEGER PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES orgs(id),
      external_id TEXT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      category TEXT,
      tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
      metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX products_external_id ON products(org_id, external_id) WHERE external_id IS NOT NULL;
  `,
};
