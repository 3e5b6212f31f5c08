import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openWorkspace } from '../../../src/main/db/workspace';
import { tempDir } from '../../support/temp-workspace';

// Step 35 rebuilds import_batches / import_profiles (the entities 'commitments' and
// 'showback_usage', every earlier entity kept) and gives showback's tables batch_id and
// source_row, keeping every row, id and reference.
const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'showback-import-entities');
const OLD_ENTITIES = ['revenues', 'payees', 'products', 'billing', 'consumption', 'usage'];

function olderWorkspace(): string {
  const path = join(tempDir(), 'old.closebook');
  const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, BEFORE) });
  const db = old.db;
  db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES ('o', 'Org', 'USD', 'x')").run();
  const batch = db.prepare(
    "INSERT INTO import_batches (id, org_id, entity, source, operation, on_error, status, total_rows, created_count, rows_written, created_at) VALUES (?, 'o', ?, 'file', 'create_or_update', 'skip', 'committed', 1, 1, 1, 'x')",
  );
  OLD_ENTITIES.forEach((entity, i) => batch.run(10 + i, entity));
  db.prepare("INSERT INTO import_profiles (name, entity, header_key, profile, created_at, updated_at) VALUES ('Mine', 'usage', 'a|b', '{}', 'x', 'x')").run();
  db.prepare(
    `INSERT INTO showback_commitments (id, org_id, external_id, name, currency, purchase_date, term_start, term_end, monthly_premium_micros,
       commitment_cost_micros, rebates_micros, allocation_method, fixed_shares, created_at, updated_at)
     VALUES (5, 'o', 'c1', 'Plan', 'USD', '2026-01-01', '2026-02-01', '2026-12-31', 1000000, 0, 0, 'proportional', NULL, 'x', 'x')`,
  ).run();
  db.prepare(
    `INSERT INTO showback_usage (id, org_id, month, account, service, child_org_id, currency, on_demand_cost_micros, covered_cost_micros, created_at, updated_at)
     VALUES (8, 'o', '2026-02', 'a', 's', 'o', 'USD', 5, 6, 'x', 'x')`,
  ).run();
  old.close();
  return path;
}

describe('migration 35: showback import entities', () => {
  it('keeps every batch, profile and showback row, and accepts the two new entities while still refusing unknown ones', () => {
    const ws = openWorkspace(olderWorkspace());
    const db = ws.db;
    expect(db.prepare('SELECT id, entity FROM import_batches ORDER BY id').raw(true).all()).toEqual(OLD_ENTITIES.map((e, i) => [10 + i, e]));
    expect(db.prepare('SELECT name, entity FROM import_profiles').raw(true).all()).toEqual([['Mine', 'usage']]);
    expect(db.prepare('SELECT id, external_id, batch_id, source_row FROM showback_commitments').raw(true).all()).toEqual([[5, 'c1', null, null]]);
    expect(db.prepare('SELECT id, covered_cost_micros, batch_id, source_row FROM showback_usage').raw(true).all()).toEqual([[8, 6, null, null]]);
    const insert = db.prepare(
      "INSERT INTO import_batches (org_id, entity, source, operation, on_error, status, created_at) VALUES ('o', ?, 'file', 'create_or_update', 'skip', 'committed', 'x')",
    );
    for (const entity of ['commitments', 'showback_usage']) expect(insert.run(entity).changes).toBe(1);
    expect(() => insert.run('bogus')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO import_profiles VALUES ('P2', 'bogus', 'k', '{}', 'x', 'x')").run()).toThrow(/CHECK/);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('import_batches', 'import_profiles') AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(indexes).toEqual(['import_batches_file', 'import_batches_org', 'import_profiles_header']);
    // A showback row's batch_id must name a batch.
    expect(() => db.prepare('UPDATE showback_usage SET batch_id = 999 WHERE id = 8').run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    ws.close();
  });
});
