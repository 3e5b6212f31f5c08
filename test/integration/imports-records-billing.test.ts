import { describe, expect, it } from 'vitest';
import { startImportBatch } from '../../src/main/imports/records/import-batch';
import { tempWorkspace } from '../support/temp-workspace';
import { digest, ok, ORG, seedOrg } from './imports-records-support';

const VM = '6f1c2a9e-0000-4000-8000-000000000001';
const DISK = '6f1c2a9e-0000-4000-8000-000000000002';

function setup() {
  const ctx = tempWorkspace();
  const db = ctx.workspace.db;
  seedOrg(db);
  // Consumption records as the usage sync leaves them: estimated amounts, no final ones yet.
  const insert = db.prepare(
    `INSERT INTO consumption_records (org_id, license_reference, resource_uuid, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
     VALUES (?, 'XSP12345', ?, ?, ?, ?, ?, '2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z')`,
  );
  insert.run(ORG, VM, 'vm-web-1', '2026-10-01', 120_000_000, 90_000_000);
  insert.run(ORG, null, 'backup-vault', '2026-10-01', 10_000_000, 8_000_000);
  insert.run(ORG, DISK, 'disk-1', '2026-09-01', 5_000_000, 4_000_000);
  return ctx;
}

const row = (fields: Record<string, unknown>) => ({ license_reference: 'XSP12345', billing_period: '2026-10', final_sell: '121.50', final_buy: '91.00', ...fields });

function importBilling(db: ReturnType<typeof setup>['workspace']['db'], records: Array<Record<string, unknown>>, operation: 'create_only' | 'create_or_update' | 'update_only' = 'create_or_update') {
  const batch = startImportBatch(db, { orgId: ORG, entity: 'billing', source: 'file', operation, fileName: 'billing-2026-10.csv' });
  const { rows } = batch.write(records.map((record, i) => ({ rowNumber: i + 2, record })));
  return { rows, summary: batch.finish({ onError: 'skip' }) };
}

describe('billing export rows: final amounts of consumption records', () => {
  it('finalizes matched records, creates unmatched ones, and refuses locked, bad and reconciled rows', () => {
    const { workspace } = setup();
    const db = workspace.db;
    const { rows, summary } = importBilling(db, [
      row({ resource_uuid: VM.toUpperCase(), resource_name: 'vm-web-1' }),
      row({ resource_name: 'backup-vault', final_sell: '10.25', final_buy: '8.00' }),
      row({ resource_name: 'new-ip', final_sell: '3.00', final_buy: '2.00', customer_name: 'Acme' }),
      row({ resource_uuid: DISK, billing_period: '2026-09-01' }),
      row({ resource_name: 'x', final_sell: '1,5' }),
      row({ resource_name: 'y', billing_period: '2026-10-15' }),
    ]);
    expect(rows.map((r) => r.outcome)).toEqual(['updated', 'updated', 'created', 'blocked_locked_period', 'error', 'error']);
    expect(rows[0]).toMatchObject({ id: 1, changes: ['final_sell', 'final_buy', 'is_finalized'], externalId: `XSP12345 / ${VM} / 2026-10-01` });
    expect(rows[4]).toMatchObject({ column: 'final_sell', message: expect.stringMatching(/^final_sell: "1,5" is not a plain decimal/) });
    expect(rows[5]).toMatchObject({ column: 'billing_period', message: expect.stringMatching(/first day/) });
    const vm = db.prepare('SELECT final_sell_micros, final_buy_micros, consumed_sell_micros, is_finalized, finalized_at FROM consumption_records WHERE id = 1').get();
    expect(vm).toEqual({ final_sell_micros: 121_500_000, final_buy_micros: 91_000_000, consumed_sell_micros: 120_000_000, is_finalized: 1, finalized_at: expect.any(String) });
    // rows written: two updated + one created; amount: their final_sell
    expect(summary).toMatchObject({ rowsWritten: 3, amountWritten: [{ currency: 'USD', amount: '134.75' }] });

    const again = importBilling(db, [row({ resource_uuid: VM }), row({ resource_name: 'new-ip', final_sell: '3', final_buy: '2' })]);
    expect(again.rows.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    const createOnly = importBilling(db, [row({ resource_uuid: VM })], 'create_only');
    expect(createOnly.rows[0]).toMatchObject({ outcome: 'skipped_duplicate', id: 1 });

    db.prepare("UPDATE consumption_records SET is_reconciled = 1, reconciled_at = '2026-11-01T00:00:00Z' WHERE id = 1").run();
    const late = importBilling(db, [row({ resource_uuid: VM, final_sell: '130.00' })]);
    expect(late.rows[0]).toMatchObject({ outcome: 'error', column: 'final_sell', message: expect.stringMatching(/already reconciled/) });
    const missing = importBilling(db, [row({ resource_name: 'ghost' })], 'update_only');
    expect(missing.rows[0]).toMatchObject({ outcome: 'error', message: expect.stringMatching(/no consumption record matches/) });
  });

  it('undo restores the records exactly as the sync left them', async () => {
    const { workspace, core } = setup();
    const before = digest(workspace.db);
    const { summary } = importBilling(workspace.db, [row({ resource_uuid: VM }), row({ resource_name: 'backup-vault' }), row({ resource_name: 'new-ip' })]);
    expect(summary.counts).toMatchObject({ updated: 2, created: 1 });
    expect(await ok(core, 'imports.undo', { batchId: summary.batchId })).toMatchObject({ removed: 1, restored: 2 });
    expect(digest(workspace.db)).toBe(before);
  });
});
