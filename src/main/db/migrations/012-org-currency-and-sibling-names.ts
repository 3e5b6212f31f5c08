import type { Migration } from './types';

// Every org gets a reporting currency. An existing org takes the currency most of its
// revenues are in (USD when it has none); names become unique among siblings, compared
// without case (SQLite's lower() folds ASCII only; the handler compares fully first).
export const orgCurrencyAndSiblingNames: Migration = {
  id: 12,
  name: 'org-currency-and-sibling-names',
  sql: `
    ALTER TABLE orgs ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]');
    UPDATE orgs SET currency = (
      SELECT currency FROM revenues WHERE revenues.org_id = orgs.id GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1
    ) WHERE EXISTS (SELECT 1 FROM revenues WHERE revenues.org_id = orgs.id);
    -- Earlier files could hold two siblings of one name: the later one is told apart by its id.
    UPDATE orgs SET name = name || ' (' || id || ')' WHERE EXISTS (
      SELECT 1 FROM orgs o2 WHERE ifnull(o2.parent_id, '') = ifnull(orgs.parent_id, '') AND lower(trim(o2.name)) = lower(trim(orgs.name)) AND o2.rowid < orgs.rowid
    );
    CREATE UNIQUE INDEX orgs_sibling_name ON orgs(ifnull(parent_id, ''), lower(trim(name)));
  `,
};
