import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openWorkspace } from '../../../src/main/db/workspace';
import { tempDir } from '../../support/temp-workspace';

// Step 15 keeps a batch's control totals per currency (import_batch_totals) instead of one
// sum across currencies, filled for existing batches from the records they wrote.
const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'import-batch-totals');

function olderWorkspace() {
  const path = join(tempDir(), 'old.closebook');
  const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, BEFORE) });
  const db = old.db;
  db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES ('eu', 'Acme EU', 'EUR', 'x')").run();
  const batch = db.prepare(
    `INSERT INTO import_batches (id, org_id, entity, source, operation, on_error, status, total_rows, created_count, updated_count, rows_written, amount_written_micros, created_at)
     VALUES (?, 'eu', ?, 'file', 'create_or_update', 'skip', ?, ?, ?, ?, ?, ?, 'x')`,
  );
  const revenue = db.prepare(
    "INSERT INTO revenues (id, org_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at, batch_id) VALUES (?, 'eu', 'sale', '2026-10-01T00:00:00Z', '2026-10', ?, ?, 'x', 'x', ?)",
  );
  // 1: one currency; a record later changed by another batch: the stored sum stays.
  batch.run(1, 'revenues', 'committed', 2, 2, 0, 2, 30_000_000);
  revenue.run(1, 10_000_000, 'USD', 1);
  revenue.run(2, 99_000_000, 'USD', 1);
  // 2: three currencies, one record created and two updated.
  batch.run(2, 'revenues', 'committed', 3, 1, 2, 3, 1_510_009_990);
  revenue.run(3, 1_500_000_000, 'JPY', 2);
  revenue.run(4, 9_990_000, 'EUR', null);
  revenue.run(5, 10_000_000, 'USD', null);
  revenue.run(6, 5_000_000, 'USD', 2);
  db.prepare("INSERT INTO import_outcomes (batch_id, row_number, outcome, record_id, previous) VALUES (2, 3, 'updated', 4, '{}'), (2, 4, 'updated', 5, '{}')").run();
  // 3: billing, in the org's currency. 4: payees, no amounts. 5: rejected. 6: undone, its records gone.
  batch.run(3, 'billing', 'committed', 1, 1, 0, 1, 120_500_000);
  batch.run(4, 'payees', 'committed', 2, 2, 0, 2, 0);
  batch.run(5, 'revenues', 'rejected', 1, 1, 0, 0, 0);
  batch.run(6, 'revenues', 'undone', 1, 1, 0, 1, 7_000_000);
  old.close();
  return path;
}

describe('migration 15: import batch totals per currency', () => {
  it('fills each batch from its records: one currency exactly as stored, several per currency, none for payees or rejected batches', () => {
    const workspace = openWorkspace(olderWorkspace());
    const totals = workspace.db.prepare('SELECT batch_id, currency, amount_micros FROM import_batch_totals ORDER BY batch_id, currency').raw(true).all();
    expect(totals).toEqual([
      [1, 'USD', 30_000_000],
      [2, 'EUR', 9_990_000],
      [2, 'JPY', 1_500_000_000],
      // batch 2 created revenue 6 as well as updating 5: both USD.
      [2, 'USD', 15_000_000],
      [3, 'EUR', 120_500_000],
      [6, 'EUR', 7_000_000],
    ]);
    const columns = workspace.db.prepare("SELECT name FROM pragma_table_info('import_batches')").pluck().all();
    expect(columns).not.toContain('amount_written_micros');
    expect(() => workspace.db.prepare("INSERT INTO import_batch_totals VALUES (1, 'usd', 1)").run()).toThrow(/CHECK/);
    workspace.close();
  });
});
