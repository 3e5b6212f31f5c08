import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { ApiFailure } from '../../src/main/api/failure';
import { startImportBatch } from '../../src/main/imports/records/import-batch';
import { undoBatch } from '../../src/main/imports/records/undo-batch';
import { tempWorkspace } from '../support/temp-workspace';
import { call, digest, ok, OPEN, ORG, sale, seedOrg } from './imports-records-support';

// Every refusal of imports.undo (undo-batch.ts, undo-checks.ts) word for word, with the
// record or month it is about, and nothing changed: the person reading it learns what
// stands in the way and what to do.

function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

type Ctx = ReturnType<typeof setup>;

const revenues = (ctx: Ctx, input: object) => ok<BatchResponse>(ctx.core, 'revenues.batch', { orgId: ORG, ...input });

async function expectRefusal(ctx: Ctx, batchId: number, error: { type: string; code: string; message: string; detail: unknown }): Promise<void> {
  const before = digest(ctx.workspace.db);
  const batches = ctx.workspace.db.prepare('SELECT id, status FROM import_batches ORDER BY id').all();
  const result = await call(ctx.core, 'imports.undo', { batchId });
  expect(result).toMatchObject({ ok: false, error: { type: error.type, code: error.code, message: error.message } });
  expect((result as { error: { detail: unknown } }).error.detail).toEqual(error.detail);
  expect(digest(ctx.workspace.db)).toBe(before);
  expect(ctx.workspace.db.prepare('SELECT id, status FROM import_batches ORDER BY id').all()).toEqual(batches);
}

describe('imports.undo refusals say what stands in the way', () => {
  it('a created row in a locked month names the month in words', async () => {
    const ctx = setup();
    const res = await revenues(ctx, { records: [sale('ch_1')] });
    ctx.workspace.db.prepare("UPDATE periods SET status = 'finalized', finalized_at = '2026-11-01T00:00:00Z' WHERE org_id = ? AND period = ?").run(ORG, OPEN);
    const id = res.meta.batch_id!;
    await expectRefusal(ctx, id, {
      type: 'conflict',
      code: 'period_locked',
      message: `Import batch ${id} cannot be undone: it wrote rows in October 2026 (2026-10), which is locked`,
      detail: { batchId: id, period: OPEN },
    });
  });

  it('a later batch that changed the same row is named, with what to do', async () => {
    const ctx = setup();
    const first = await revenues(ctx, { records: [sale('ch_1')] });
    const second = await revenues(ctx, { operation: 'create_or_update', records: [sale('ch_1', '5.00')] });
    const [a, b] = [first.meta.batch_id!, second.meta.batch_id!];
    await expectRefusal(ctx, a, {
      type: 'conflict',
      code: 'later_batch',
      message: `Import batch ${a} cannot be undone before batch ${b}, which changed the same rows; undo ${b} first`,
      detail: { batchId: a, laterBatchId: b },
    });
  });

  it('a refund of a sale it created, a revenue naming a payee or a product it created: the record in the way is named', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    const idOf = (table: string, externalId: string) => db.prepare(`SELECT id FROM ${table} WHERE external_id = ?`).pluck().get(externalId) as number;
    const inUse = (batchId: number, recordId: number) => ({
      type: 'conflict',
      code: 'records_in_use',
      message: `Import batch ${batchId} cannot be undone: record ${recordId} depends on rows it wrote (a reference, a refund or a reconciliation)`,
      detail: { batchId, recordId },
    });

    const sales = await revenues(ctx, { records: [sale('ch_1')] });
    await revenues(ctx, { records: [sale('re_1', '-1.00', { kind: 'refund', refund_of: 'ch_1' })] });
    await expectRefusal(ctx, sales.meta.batch_id!, inUse(sales.meta.batch_id!, idOf('revenues', 're_1')));

    const payees = await ok<BatchResponse>(ctx.core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_9', name: 'New payee' }] });
    const products = await ok<BatchResponse>(ctx.core, 'products.batch', { orgId: ORG, records: [{ external_id: 'pr_9', name: 'New product' }] });
    await revenues(ctx, { records: [sale('ch_p', '1.00', { payee_external_id: 'pe_9' }), sale('ch_q', '1.00', { product_external_id: 'pr_9' })] });
    await expectRefusal(ctx, payees.meta.batch_id!, inUse(payees.meta.batch_id!, idOf('revenues', 'ch_p')));
    await expectRefusal(ctx, products.meta.batch_id!, inUse(products.meta.batch_id!, idOf('revenues', 'ch_q')));
  });

  it('a billing row it finalized that is now reconciled is named', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    const recordId = Number(
      db
        .prepare(
          `INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
           VALUES (?, 'XSP1', 'vm-1', '2026-10-01', 5000000, 4000000, '2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z')`,
        )
        .run(ORG).lastInsertRowid,
    );
    const batch = startImportBatch(db, { orgId: ORG, entity: 'billing', source: 'file', operation: 'update_only', fileName: 'billing.csv' });
    batch.write([{ rowNumber: 2, record: { license_reference: 'XSP1', resource_name: 'vm-1', billing_period: '2026-10', final_sell: '6.00', final_buy: '4.50' } }]);
    const { batchId } = batch.finish({ onError: 'reject' });
    db.prepare("UPDATE consumption_records SET is_reconciled = 1, reconciled_at = '2026-11-02T00:00:00Z' WHERE id = ?").run(recordId);
    await expectRefusal(ctx, batchId!, {
      type: 'conflict',
      code: 'records_in_use',
      message: `Import batch ${batchId} cannot be undone: record ${recordId} depends on rows it wrote (a reference, a refund or a reconciliation)`,
      detail: { batchId, recordId },
    });
  });

  it('a product a rule is scoped to (a declared reference) keeps its batch from being undone', async () => {
    const ctx = setup();
    const products = await ok<BatchResponse>(ctx.core, 'products.batch', { orgId: ORG, records: [{ external_id: 'pr_9', name: 'New product' }] });
    const productId = ctx.workspace.db.prepare("SELECT id FROM products WHERE external_id = 'pr_9'").pluck().get();
    ctx.workspace.db
      .prepare(
        `INSERT INTO rules (org_id, name, status, scope, product_id, effective_from, splits, version, created_at, updated_at)
         VALUES (?, 'Atlas split', 'active', 'product', ?, '2026-10-01', '[]', 1, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')`,
      )
      .run(ORG, productId);
    const id = products.meta.batch_id!;
    await expectRefusal(ctx, id, {
      type: 'conflict',
      code: 'records_in_use',
      message: `Import batch ${id} cannot be undone: other records still refer to rows it created`,
      detail: { batchId: id },
    });
  });

  it('a batch already undone, a rejected batch and a batch that does not exist', async () => {
    const ctx = setup();
    const res = await revenues(ctx, { records: [sale('ch_1')] });
    const id = res.meta.batch_id!;
    await ok(ctx.core, 'imports.undo', { batchId: id });
    await expectRefusal(ctx, id, { type: 'conflict', code: 'already_undone', message: `Import batch ${id} was already undone`, detail: { batchId: id } });

    const rejected = startImportBatch(ctx.workspace.db, { orgId: ORG, entity: 'revenues', source: 'api', operation: 'create_only' });
    rejected.write([{ rowNumber: 0, record: sale('ch_2', '-5.00') }]);
    const { batchId, status } = rejected.finish({ onError: 'reject' });
    expect(status).toBe('rejected');
    await expectRefusal(ctx, batchId!, {
      type: 'conflict',
      code: 'batch_rejected',
      message: `Import batch ${batchId} was rejected: it wrote nothing, so there is nothing to undo`,
      detail: { batchId },
    });

    await expectRefusal(ctx, 999, { type: 'not_found', code: 'batch_not_found', message: 'There is no import batch 999', detail: { batchId: 999 } });
  });

  it('while another write is open on the connection, and changes nothing', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    const res = await revenues(ctx, { records: [sale('ch_1')] });
    db.exec('BEGIN');
    try {
      let thrown: unknown;
      try {
        undoBatch(db, res.meta.batch_id!);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ApiFailure);
      expect(thrown).toMatchObject({ type: 'conflict', code: 'write_in_progress', message: 'Another write is in progress in this workspace; try again when it ends.' });
    } finally {
      db.exec('ROLLBACK');
    }
    expect(db.prepare('SELECT status FROM import_batches WHERE id = ?').pluck().get(res.meta.batch_id)).toBe('committed');
  });
});
