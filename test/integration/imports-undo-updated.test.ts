import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../src/shared/contract/imports';
import type { Database } from '../../src/main/db/driver';
import { startImportBatch } from '../../src/main/imports/records/import-batch';
import { tempWorkspace } from '../support/temp-workspace';
import { call, digest, ok, OPEN, ORG, sale, seedOrg } from './imports-records-support';

// Undoing a batch that *updated* rows (it created none): refused while a row it changed
// sits in a finalized month, before or after the change, and while a later batch changed
// the same row (undo-checks.ts). Refused means nothing changes.

function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

type Ctx = ReturnType<typeof setup>;
const NOVEMBER = '2026-11';

const revenues = (ctx: Ctx, input: object) => ok<BatchResponse>(ctx.core, 'revenues.batch', { orgId: ORG, ...input });
const update = (ctx: Ctx, records: object[]) => revenues(ctx, { operation: 'create_or_update', records });

function finalize(db: Database.Database, period: string): void {
  db.prepare("INSERT INTO periods VALUES (?, ?, 'finalized', '2026-12-01T00:00:00Z') ON CONFLICT (org_id, period) DO UPDATE SET status = 'finalized'").run(ORG, period);
}

/** Everything an undo could write: the records and the batches' status. */
function state(db: Database.Database) {
  return { records: digest(db), batches: db.prepare('SELECT id, status, undone_at FROM import_batches ORDER BY id').all() };
}

async function expectRefused(ctx: Ctx, batchId: number, error: object): Promise<void> {
  const before = state(ctx.workspace.db);
  expect(await call(ctx.core, 'imports.undo', { batchId })).toMatchObject({ ok: false, error: { type: 'conflict', ...error } });
  expect(state(ctx.workspace.db)).toEqual(before);
}

describe('undo of a batch that updated rows, in a finalized month', () => {
  it('is refused when the update moved the row out of the month now finalized (its previous period)', async () => {
    const ctx = setup();
    await revenues(ctx, { records: [sale('ch_1', '10.00', { occurred_at: `${OPEN}-20T12:00:00Z` })] });
    const moved = await update(ctx, [sale('ch_1', '10.00', { occurred_at: `${NOVEMBER}-02T12:00:00Z` })]);
    expect(moved.meta).toMatchObject({ updated: 1, created: 0 });
    finalize(ctx.workspace.db, OPEN);
    await expectRefused(ctx, moved.meta.batch_id!, { code: 'period_locked', detail: { batchId: moved.meta.batch_id, period: OPEN } });
  });

  it('is refused when the update moved the row into the month now finalized (its current period)', async () => {
    const ctx = setup();
    await revenues(ctx, { records: [sale('ch_1', '10.00', { occurred_at: `${NOVEMBER}-02T12:00:00Z` })] });
    const moved = await update(ctx, [sale('ch_1', '10.00', { occurred_at: `${OPEN}-20T12:00:00Z` })]);
    finalize(ctx.workspace.db, OPEN);
    await expectRefused(ctx, moved.meta.batch_id!, { code: 'period_locked', detail: { period: OPEN } });
  });

  it('is refused when the update changed an amount in the month now finalized, and allowed once it is open again', async () => {
    const ctx = setup();
    await revenues(ctx, { records: [sale('ch_1', '10.00')] });
    const afterCreate = digest(ctx.workspace.db);
    const changed = await update(ctx, [sale('ch_1', '12.00')]);
    finalize(ctx.workspace.db, OPEN);
    await expectRefused(ctx, changed.meta.batch_id!, { code: 'period_locked', detail: { period: OPEN } });
    ctx.workspace.db.prepare("UPDATE periods SET status = 'in_progress', finalized_at = NULL WHERE org_id = ? AND period = ?").run(ORG, OPEN);
    expect(await ok(ctx.core, 'imports.undo', { batchId: changed.meta.batch_id })).toMatchObject({ removed: 0, restored: 1 });
    expect(digest(ctx.workspace.db)).toBe(afterCreate);
  });

  it('billing: is refused when a record it finalized is in a finalized month', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    db.prepare(
      `INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
       VALUES (?, 'XSP1', 'vm-1', '2026-10-01', 5000000, 4000000, '2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z')`,
    ).run(ORG);
    const batch = startImportBatch(db, { orgId: ORG, entity: 'billing', source: 'file', operation: 'update_only', fileName: 'billing.csv' });
    const { rows } = batch.write([{ rowNumber: 2, record: { license_reference: 'XSP1', resource_name: 'vm-1', billing_period: '2026-10', final_sell: '6.00', final_buy: '4.50' } }]);
    expect(rows[0]).toMatchObject({ outcome: 'updated' });
    const { batchId } = batch.finish({ onError: 'reject' });
    finalize(db, OPEN);
    await expectRefused(ctx, batchId!, { code: 'period_locked', detail: { period: OPEN } });
  });
});

describe('undo of a batch that updated rows a later batch changed again', () => {
  it('is refused until the later batch is undone, naming it; then both undo in order', async () => {
    const ctx = setup();
    await revenues(ctx, { records: [sale('ch_1', '10.00'), sale('ch_2', '1.00')] });
    const afterCreate = digest(ctx.workspace.db);
    const second = await update(ctx, [sale('ch_1', '12.00')]);
    const afterSecond = digest(ctx.workspace.db);
    // The third batch changes the row the second one updated (it created nothing).
    const third = await update(ctx, [sale('ch_1', '15.00'), sale('ch_2', '1.00')]);
    expect(third.data.map((r) => r.status)).toEqual(['updated', 'unchanged']);

    await expectRefused(ctx, second.meta.batch_id!, { code: 'later_batch', detail: { batchId: second.meta.batch_id, laterBatchId: third.meta.batch_id } });
    await ok(ctx.core, 'imports.undo', { batchId: third.meta.batch_id });
    expect(digest(ctx.workspace.db)).toBe(afterSecond);
    // An undone later batch no longer stands in the way.
    await ok(ctx.core, 'imports.undo', { batchId: second.meta.batch_id });
    expect(digest(ctx.workspace.db)).toBe(afterCreate);
  });

  it('a later batch that left the row unchanged, or changed another row, does not stand in the way', async () => {
    const ctx = setup();
    await revenues(ctx, { records: [sale('ch_1', '10.00'), sale('ch_2', '1.00')] });
    const afterCreate = digest(ctx.workspace.db);
    const second = await update(ctx, [sale('ch_1', '12.00')]);
    await update(ctx, [sale('ch_1', '12.00'), sale('ch_2', '2.00')]);
    const ch2 = ctx.workspace.db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'ch_2'").pluck();
    expect(await ok(ctx.core, 'imports.undo', { batchId: second.meta.batch_id })).toMatchObject({ restored: 1 });
    expect(ch2.get()).toBe(2_000_000);
    expect(ctx.workspace.db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'ch_1'").pluck().get()).toBe(10_000_000);
    expect(digest(ctx.workspace.db)).not.toBe(afterCreate);
  });
});
