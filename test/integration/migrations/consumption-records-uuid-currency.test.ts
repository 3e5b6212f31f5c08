import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openWorkspace } from '../../../src/main/db/workspace';
import { tempDir } from '../../support/temp-workspace';

// Step 22 rebuilds consumption_records (a uuid and a currency for every record), and
// import_batches / import_profiles (the entity 'consumption'), keeping every id and reference.
const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'consumption-records-uuid-currency');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function olderWorkspace(): string {
  const path = join(tempDir(), 'old.closebook');
  const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, BEFORE) });
  const db = old.db;
  db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES ('eu', 'Acme EU', 'EUR', 'x')").run();
  db.prepare(
    "INSERT INTO import_batches (id, org_id, entity, source, operation, on_error, status, total_rows, created_count, rows_written, created_at) VALUES (7, 'eu', 'billing', 'file', 'create_or_update', 'skip', 'committed', 2, 2, 2, 'x')",
  ).run();
  db.prepare("INSERT INTO import_batch_totals (batch_id, currency, amount_micros) VALUES (7, 'EUR', 3000000)").run();
  const insert = db.prepare(
    `INSERT INTO consumption_records (id, org_id, uuid, license_reference, resource_name, billing_period, consumed_sell_micros, final_sell_micros, final_buy_micros,
       is_finalized, finalized_at, batch_id, source_row, created_at, updated_at) VALUES (?, 'eu', ?, 'XSP1', ?, '2026-09-01', ?, ?, ?, 1, 'x', 7, ?, 'x', 'x')`,
  );
  insert.run(40, null, 'vm-1', 900_000, 1_000_000, 800_000, 2);
  insert.run(41, 'C0FFEE00-0000-4000-8000-000000000001', 'vm-2', null, 2_000_000, 1_500_000, 3);
  old.close();
  return path;
}

describe('migration 22: consumption records with uuid and currency', () => {
  it('keeps ids, batches and references, gives each record a uuid and its org currency, and accepts consumption batches', () => {
    const ws = openWorkspace(olderWorkspace());
    const rows = ws.db.prepare('SELECT id, uuid, currency, resource_name, batch_id, final_sell_micros FROM consumption_records ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.id, r.currency, r.resource_name, r.batch_id, r.final_sell_micros])).toEqual([
      [40, 'EUR', 'vm-1', 7, 1_000_000],
      [41, 'EUR', 'vm-2', 7, 2_000_000],
    ]);
    expect(rows[0].uuid).toMatch(UUID);
    expect(rows[1].uuid).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.prepare('SELECT amount_micros FROM import_batch_totals WHERE batch_id = 7').pluck().get()).toBe(3_000_000);
    ws.db.prepare("INSERT INTO import_batches (org_id, entity, source, operation, on_error, status, created_at) VALUES ('eu', 'consumption', 'api', 'create_or_update', 'skip', 'committed', 'x')").run();
    expect(() =>
      ws.db.prepare("INSERT INTO import_batches (org_id, entity, source, operation, on_error, status, created_at) VALUES ('eu', 'other', 'api', 'create_or_update', 'skip', 'committed', 'x')").run(),
    ).toThrow(/CHECK/);
    // A direct insert without uuid or currency gets both.
    ws.db.prepare("INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, created_at, updated_at) VALUES ('eu', 'XSP2', 'db', '2026-10-01', 'x', 'x')").run();
    const added = ws.db.prepare("SELECT uuid, currency FROM consumption_records WHERE license_reference = 'XSP2'").get() as { uuid: string; currency: string };
    expect(added.uuid).toMatch(UUID);
    expect(added.currency).toBe('EUR');
    ws.close();
  });
});
