import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../src/shared/contract/imports';
import type { Database } from '../../src/main/db/driver';
import { startImportBatch } from '../../src/main/imports/records/import-batch';
import { tempWorkspace } from '../support/temp-workspace';
import { digest, ok, ORG, sale, seedOrg } from './imports-records-support';

// Undo writes back every column the writers change (undo-batch.ts RESTORABLE): an update
// that changes every field of a record, then its undo, leaves the workspace byte for byte
// as before, for each entity. A column left out of the list would keep the updated value.

function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

type Ctx = ReturnType<typeof setup>;

/** The stored rows' updated_at set to a day long past, so an undo that leaves the new one out shows. */
function ageRows(db: Database.Database): void {
  for (const table of ['revenues', 'payees', 'products', 'consumption_records']) db.prepare(`UPDATE ${table} SET updated_at = '2026-01-01T00:00:00Z'`).run();
}

async function updateThenUndo(ctx: Ctx, method: string, records: object[]): Promise<BatchResponse> {
  const before = digest(ctx.workspace.db);
  const updated = await ok<BatchResponse>(ctx.core, method, { orgId: ORG, operation: 'update_only', records });
  expect(updated.meta).toMatchObject({ updated: records.length, created: 0, error: 0 });
  expect(digest(ctx.workspace.db)).not.toBe(before);
  expect(await ok(ctx.core, 'imports.undo', { batchId: updated.meta.batch_id })).toMatchObject({ removed: 0, restored: records.length });
  expect(digest(ctx.workspace.db)).toBe(before);
  return updated;
}

const changedFields = (res: BatchResponse) => res.data[0].changes;

describe('undo restores every field an update changed', () => {
  it('revenues: kind, date and month, payee, product, amount, currency, quantity, description, refund_of', async () => {
    const ctx = setup();
    await ok(ctx.core, 'products.batch', { orgId: ORG, records: [{ external_id: 'pr_2', name: 'Globe' }] });
    await ok(ctx.core, 'revenues.batch', {
      orgId: ORG,
      records: [
        sale('ch_1', '10.00'),
        sale('ch_2', '5.00', { currency: 'EUR', payee_external_id: 'pe_1', product_external_id: 'pr_1', quantity: 1, description: 'first' }),
      ],
    });
    ageRows(ctx.workspace.db);
    const res = await updateThenUndo(ctx, 'revenues.batch', [
      {
        external_id: 'ch_2',
        kind: 'refund',
        refund_of: 'ch_1',
        occurred_at: '2026-11-03T08:00:00Z',
        amount: '-2.00',
        currency: 'USD',
        payee_external_id: 'pe_2',
        product_external_id: 'pr_2',
        quantity: 3,
        description: 'second',
      },
    ]);
    expect(new Set(changedFields(res))).toEqual(
      new Set(['kind', 'refund_of', 'occurred_at', 'amount', 'currency', 'payee_external_id', 'product_external_id', 'quantity', 'description']),
    );
  });

  it('two rows of one batch that changed different fields are each restored (one statement per set of columns)', async () => {
    const ctx = setup();
    await ok(ctx.core, 'revenues.batch', { orgId: ORG, records: [sale('ch_1', '10.00', { description: 'one' }), sale('ch_2', '20.00', { description: 'two' })] });
    ageRows(ctx.workspace.db);
    const res = await updateThenUndo(ctx, 'revenues.batch', [
      { external_id: 'ch_1', amount: '11.00' },
      { external_id: 'ch_2', description: 'changed' },
    ]);
    expect(res.data.map((r) => r.changes)).toEqual([['amount'], ['description']]);
  });

  it('marks the batch undone, with the time of the undo to the second', async () => {
    const ctx = setup();
    const res = await ok<BatchResponse>(ctx.core, 'revenues.batch', { orgId: ORG, records: [sale('ch_1')] });
    const from = new Date(Math.floor(Date.now() / 1000) * 1000);
    await ok(ctx.core, 'imports.undo', { batchId: res.meta.batch_id });
    const to = new Date();
    const { status, undone_at: undoneAt } = ctx.workspace.db.prepare('SELECT status, undone_at FROM import_batches WHERE id = ?').get(res.meta.batch_id) as {
      status: string;
      undone_at: string;
    };
    expect(status).toBe('undone');
    expect(undoneAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(undoneAt)).toBeGreaterThanOrEqual(from.getTime());
    expect(Date.parse(undoneAt)).toBeLessThanOrEqual(to.getTime());
  });

  it('writes back only the columns a writer changes, whatever else the stored previous values name', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    await ok(ctx.core, 'revenues.batch', { orgId: ORG, records: [sale('ch_1', '10.00'), sale('ch_2', '20.00')] });
    const before = digest(db);
    const res = await ok<BatchResponse>(ctx.core, 'revenues.batch', {
      orgId: ORG,
      operation: 'update_only',
      records: [{ external_id: 'ch_1', amount: '11.00' }, { external_id: 'ch_2', amount: '21.00' }],
    });
    // An outcome row's previous values naming columns no writer changes (org-b, seeded, another
    // batch), and one naming nothing an undo may write: the undo ignores them.
    const previous = db.prepare("UPDATE import_outcomes SET previous = ? WHERE batch_id = ? AND outcome = 'updated' AND external_id = ?");
    previous.run(JSON.stringify({ amount_micros: 10_000_000, org_id: 'org-b', batch_id: null }), res.meta.batch_id, 'ch_1');
    previous.run(JSON.stringify({ org_id: 'org-b' }), res.meta.batch_id, 'ch_2');
    expect(await ok(ctx.core, 'imports.undo', { batchId: res.meta.batch_id })).toMatchObject({ restored: 2 });
    expect(db.prepare("SELECT external_id, org_id, amount_micros FROM revenues ORDER BY external_id").all()).toEqual([
      { external_id: 'ch_1', org_id: ORG, amount_micros: 10_000_000 },
      { external_id: 'ch_2', org_id: ORG, amount_micros: 21_000_000 },
    ]);
    expect(digest(db)).not.toBe(before);
  });

  it('payees: name, email, phone, address, payout currency, hold and its reason, threshold, fallback percentage', async () => {
    const ctx = setup();
    await ok(ctx.core, 'payees.batch', {
      orgId: ORG,
      records: [{ external_id: 'pe_9', name: 'Cy Press', email: 'cy@example.com', phone: '+1 555 0100', address: '1 Main St', payout_currency: 'USD', threshold: '10.00', fallback_percentage: '5' }],
    });
    ageRows(ctx.workspace.db);
    const res = await updateThenUndo(ctx, 'payees.batch', [
      {
        external_id: 'pe_9',
        name: 'Cy Press Ltd',
        email: 'office@example.com',
        phone: '+44 20 7946 0000',
        address: '2 High St',
        payout_currency: 'GBP',
        on_hold: true,
        hold_reason: 'tax form missing',
        threshold: '25.00',
        fallback_percentage: '7.5',
      },
    ]);
    expect(new Set(changedFields(res))).toEqual(
      new Set(['name', 'email', 'phone', 'address', 'payout_currency', 'on_hold', 'hold_reason', 'threshold', 'fallback_percentage']),
    );
  });

  it('products: name, category, tags, metadata, archived', async () => {
    const ctx = setup();
    await ok(ctx.core, 'products.batch', { orgId: ORG, records: [{ external_id: 'pr_9', name: 'Atlas', category: 'Maps', tags: ['a'], metadata: { isbn: '1' } }] });
    ageRows(ctx.workspace.db);
    const res = await updateThenUndo(ctx, 'products.batch', [{ external_id: 'pr_9', name: 'Atlas II', category: 'Books', tags: ['b', 'c'], metadata: { isbn: '2' }, archived: true }]);
    expect(new Set(changedFields(res))).toEqual(new Set(['name', 'category', 'tags', 'metadata', 'archived']));
  });

  it("billing: a row that gave a resource its uuid (matched by name) is undone to the record without one", async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    db.prepare(
      `INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
       VALUES (?, 'XSP1', 'vm-1', '2026-10-01', 5000000, 4000000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    ).run(ORG);
    const before = digest(db);
    const batch = startImportBatch(db, { orgId: ORG, entity: 'billing', source: 'file', operation: 'update_only', fileName: 'billing.csv' });
    const uuid = '11111111-1111-4111-8111-111111111111';
    const { rows } = batch.write([{ rowNumber: 2, record: { license_reference: 'XSP1', resource_uuid: uuid, resource_name: 'vm-1', billing_period: '2026-10', final_sell: '6.00', final_buy: '4.50' } }]);
    expect(rows[0]).toMatchObject({ outcome: 'updated' });
    expect(db.prepare('SELECT resource_uuid FROM consumption_records').pluck().get()).toBe(uuid);
    const { batchId } = batch.finish({ onError: 'reject' });
    expect(await ok(ctx.core, 'imports.undo', { batchId })).toMatchObject({ removed: 0, restored: 1 });
    expect(digest(db)).toBe(before);
  });

  it('billing: the descriptive columns, the final amounts and the finalized flag and time', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    db.prepare(
      `INSERT INTO consumption_records (org_id, license_reference, resource_uuid, resource_name, resource, customer_uuid, customer_name, project_uuid, project_name,
         invoice_item_uuid, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
       VALUES (?, 'XSP1', '11111111-1111-4111-8111-111111111111', 'vm-1', 'VM', '22222222-2222-4222-8222-222222222222', 'Acme', '33333333-3333-4333-8333-333333333333',
         'Web', '44444444-4444-4444-8444-444444444444', '2026-10-01', 5000000, 4000000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    ).run(ORG);
    const before = digest(db);
    const batch = startImportBatch(db, { orgId: ORG, entity: 'billing', source: 'file', operation: 'update_only', fileName: 'billing.csv' });
    const { rows } = batch.write([
      {
        rowNumber: 2,
        record: {
          license_reference: 'XSP1',
          resource_uuid: '11111111-1111-4111-8111-111111111111',
          resource_name: 'vm-one',
          resource: 'Virtual machine',
          customer_uuid: '55555555-5555-4555-8555-555555555555',
          customer_name: 'Acme Ltd',
          project_uuid: '66666666-6666-4666-8666-666666666666',
          project_name: 'Shop',
          invoice_item_uuid: '77777777-7777-4777-8777-777777777777',
          billing_period: '2026-10',
          final_sell: '6.00',
          final_buy: '4.50',
        },
      },
    ]);
    expect(rows[0]).toMatchObject({ outcome: 'updated' });
    const { batchId } = batch.finish({ onError: 'reject' });
    expect(digest(db)).not.toBe(before);
    expect(await ok(ctx.core, 'imports.undo', { batchId })).toMatchObject({ removed: 0, restored: 1 });
    expect(digest(db)).toBe(before);
  });
});
