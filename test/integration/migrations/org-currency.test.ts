import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { tempDir } from '../../support/temp-workspace';

// Step 12 gives every org a reporting currency and makes sibling names unique.
const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'org-currency-and-sibling-names');

function olderWorkspace() {
  const path = join(tempDir(), 'old.closebook');
  const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, BEFORE) });
  const org = old.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00Z')");
  org.run('eu', 'Acme EU', null);
  org.run('us', 'Acme US', null);
  org.run('empty', 'acme eu', null); // a sibling of "Acme EU" under another case
  const revenue = old.db.prepare(
    "INSERT INTO revenues (org_id, kind, occurred_at, period, amount_micros, currency, quantity, created_at, updated_at) VALUES (?, 'sale', '2026-10-01T00:00:00Z', '2026-10', 1000000, ?, 1, '', '')",
  );
  for (const currency of ['EUR', 'EUR', 'GBP']) revenue.run('eu', currency);
  revenue.run('us', 'USD');
  old.close();
  return path;
}

describe('migration 12: org currency and sibling names', () => {
  it("takes each org's most used revenue currency, USD when it has none, and tells same-named siblings apart", () => {
    const workspace = openWorkspace(olderWorkspace());
    const orgs = workspace.db.prepare('SELECT id, name, currency FROM orgs ORDER BY id').all();
    expect(orgs).toEqual([
      { id: 'empty', name: 'acme eu (empty)', currency: 'USD' },
      { id: 'eu', name: 'Acme EU', currency: 'EUR' },
      { id: 'us', name: 'Acme US', currency: 'USD' },
    ]);
    expect(() => workspace.db.prepare("INSERT INTO orgs (id, name, created_at) VALUES ('x', ' ACME us', '')").run()).toThrow(/UNIQUE/);
    expect(() => workspace.db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES ('y', 'Other', 'usd', '')").run()).toThrow(/CHECK/);
    workspace.close();
  });
});
