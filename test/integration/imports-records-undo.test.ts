import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { tempWorkspace } from '../support/temp-workspace';
import { call, digest, ok, OPEN, ORG, sale, seedOrg } from './imports-records-support';

function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

type Core = ReturnType<typeof setup>['core'];
const revenues = (core: Core, input: object) => ok<BatchResponse>(core, 'revenues.batch', { orgId: ORG, ...input });
const batchCount = (db: ReturnType<typeof setup>['workspace']['db']) => db.prepare('SELECT count(*) FROM import_batches').pluck().get();

describe('a batch is one transaction', () => {
  it('onError reject: any refused record fails the call and leaves the workspace byte for byte as before', async () => {
    const { core, workspace } = setup();
    await revenues(core, { records: [sale('ch_1')] });
    const before = digest(workspace.db);
    const batches = batchCount(workspace.db);
    const result = await call(core, 'revenues.batch', { orgId: ORG, onError: 'reject', records: [sale('ch_2'), sale('ch_3', 'oops'), { external_id: 'ch_1', amount: '2' }] });
    expect(result).toMatchObject({ ok: false, error: { type: 'validation_error', code: 'batch_rejected', detail: { issues: [{ field: 'records.1.amount' }] } } });
    expect(digest(workspace.db)).toBe(before);
    expect(batchCount(workspace.db)).toBe(batches);
  });

  it('onError skip: the valid records are committed and the others listed', async () => {
    const { core, workspace } = setup();
    const res = await revenues(core, { onError: 'skip', records: [sale('ch_1'), sale('ch_2', 'oops'), sale('ch_3')] });
    expect(res.meta).toMatchObject({ created: 2, error: 1, batch_status: 'committed' });
    expect(workspace.db.prepare('SELECT external_id FROM revenues ORDER BY id').pluck().all()).toEqual(['ch_1', 'ch_3']);
  });

  it('the same batch twice creates nothing the second time and says so', async () => {
    const { core, workspace } = setup();
    const records = [sale('ch_1'), sale('ch_2', '2.50'), sale('ch_3', '-1', { kind: 'adjustment' })];
    await revenues(core, { records });
    const before = digest(workspace.db);
    const again = await revenues(core, { records });
    expect(again.meta).toMatchObject({ total: 3, created: 0, skipped_duplicate: 3 });
    expect(again.data.map((r) => r.existing_id)).toEqual([1, 2, 3]);
    expect(digest(workspace.db)).toBe(before);
  });

  it('records its row count and amount sum, which tie out exactly with a BigInt sum in SQL', async () => {
    const { core, workspace } = setup();
    await revenues(core, { records: [sale('ch_0', '1.00')] });
    const big = '9007199254.740991';
    const res = await revenues(core, {
      operation: 'create_or_update',
      records: [sale('ch_0', '0.000001'), sale('ch_1', big), sale('ch_2', big), sale('ch_3', '0.000007'), sale(null, '-3.5', { kind: 'adjustment' }), sale('ch_x', 'bad')],
    });
    const batch = workspace.db
      .prepare(
        `SELECT rows_written, (SELECT amount_micros FROM import_batch_totals t WHERE t.batch_id = b.id AND t.currency = 'USD') AS amount_written_micros
         FROM import_batches b WHERE id = ?`,
      )
      .safeIntegers(true)
      .get(res.meta.batch_id) as { rows_written: bigint; amount_written_micros: bigint };
    const written = workspace.db
      .prepare(
        `SELECT count(*) AS n, sum(amount_micros) AS total FROM revenues
         WHERE batch_id = @batch OR id IN (SELECT record_id FROM import_outcomes WHERE batch_id = @batch AND outcome = 'updated')`,
      )
      .safeIntegers(true)
      .get({ batch: res.meta.batch_id }) as { n: bigint; total: bigint };
    expect(written.n).toBe(batch.rows_written);
    expect(written.total).toBe(batch.amount_written_micros);
    expect(batch.amount_written_micros).toBe(2n * 9_007_199_254_740_991n + 1n + 7n - 3_500_000n);
    const shown = await ok<{ rowsWritten: number; amountWritten: string }>(core, 'imports.get', { batchId: res.meta.batch_id });
    expect(shown).toMatchObject({ rowsWritten: 5, amountWritten: [{ currency: 'USD', amount: '18014398505.98199' }] });
    expect(res.meta).toMatchObject({ rows_written: 5, amount_written: [{ currency: 'USD', amount: '18014398505.98199' }] });
  });
});

describe('imports.undo', () => {
  it('removes created rows: the workspace digest is back to what it was', async () => {
    const { core, workspace } = setup();
    const before = digest(workspace.db);
    const res = await revenues(core, { records: [sale('ch_1'), sale(null), sale('ch_2', '-1', { kind: 'refund', refund_of: 'ch_1' })] });
    const undone = await ok<{ removed: number; restored: number; batch: { status: string; undoneAt: string } }>(core, 'imports.undo', { batchId: res.meta.batch_id });
    expect(undone).toMatchObject({ removed: 3, restored: 0, batch: { status: 'undone' } });
    expect(digest(workspace.db)).toBe(before);
    const again = await call(core, 'imports.undo', { batchId: res.meta.batch_id });
    expect(again).toMatchObject({ ok: false, error: { type: 'conflict', code: 'already_undone' } });
  });

  it('restores updated rows to their previous values, for every entity', async () => {
    const { core, workspace } = setup();
    await revenues(core, { records: [sale('ch_1', '1.00', { description: 'first', payee_external_id: 'pe_1' })] });
    const payees = await ok<BatchResponse>(core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_1', name: 'Renamed', email: 'a@b.co' }] });
    const products = await ok<BatchResponse>(core, 'products.batch', { orgId: ORG, records: [{ external_id: 'pr_1', category: 'Maps', tags: ['x'] }] });
    const before = digest(workspace.db);
    const res = await revenues(core, {
      operation: 'create_or_update',
      // the same record twice in one batch: the second is refused, never a second update
      records: [sale('ch_1', '2.00', { description: null, payee_external_id: 'pe_2', occurred_at: '2026-11-01' }), sale('ch_1', '3.00'), sale('ch_2')],
    });
    expect(res.data.map((r) => r.status)).toEqual(['updated', 'error', 'created']);
    await ok(core, 'imports.undo', { batchId: res.meta.batch_id });
    expect(digest(workspace.db)).toBe(before);
    await ok(core, 'imports.undo', { batchId: products.meta.batch_id });
    await ok(core, 'imports.undo', { batchId: payees.meta.batch_id });
    const names = workspace.db.prepare("SELECT name, email FROM payees WHERE external_id = 'pe_1'").get();
    expect(names).toEqual({ name: 'Ada Books', email: null });
    expect(workspace.db.prepare("SELECT category, tags FROM products WHERE external_id = 'pr_1'").get()).toEqual({ category: null, tags: '[]' });
  });

  it('is refused while a period it wrote is finalized, and changes nothing', async () => {
    const { core, workspace } = setup();
    const res = await revenues(core, { records: [sale('ch_1')] });
    workspace.db.prepare("UPDATE periods SET status = 'finalized', finalized_at = '2026-11-01T00:00:00Z' WHERE org_id = ? AND period = ?").run(ORG, OPEN);
    const before = digest(workspace.db);
    const refused = await call(core, 'imports.undo', { batchId: res.meta.batch_id });
    expect(refused).toMatchObject({ ok: false, error: { type: 'conflict', code: 'period_locked', detail: { period: OPEN } } });
    expect(digest(workspace.db)).toBe(before);
    expect((await ok<{ status: string }>(core, 'imports.get', { batchId: res.meta.batch_id })).status).toBe('committed');
  });

  it('is refused when a later batch changed the same rows, or when other records depend on its rows', async () => {
    const { core } = setup();
    const first = await revenues(core, { records: [sale('ch_1')] });
    const second = await revenues(core, { operation: 'create_or_update', records: [sale('ch_1', '5.00')] });
    expect(await call(core, 'imports.undo', { batchId: first.meta.batch_id })).toMatchObject({ ok: false, error: { code: 'later_batch', detail: { laterBatchId: second.meta.batch_id } } });
    await ok(core, 'imports.undo', { batchId: second.meta.batch_id });
    await revenues(core, { records: [sale('re_1', '-1', { kind: 'refund', refund_of: 'ch_1' })] });
    expect(await call(core, 'imports.undo', { batchId: first.meta.batch_id })).toMatchObject({ ok: false, error: { code: 'records_in_use' } });

    const payees = await ok<BatchResponse>(core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_9', name: 'New' }] });
    await revenues(core, { records: [sale('ch_9', '1', { payee_external_id: 'pe_9' })] });
    expect(await call(core, 'imports.undo', { batchId: payees.meta.batch_id })).toMatchObject({ ok: false, error: { code: 'records_in_use' } });
    expect(await call(core, 'imports.undo', { batchId: 999 })).toMatchObject({ ok: false, error: { type: 'not_found' } });
  });

  it('keeps the outcomes of an undone batch listable, created rows included', async () => {
    const { core } = setup();
    const res = await revenues(core, { records: [sale('ch_1'), sale('ch_1'), sale(null)] });
    await ok(core, 'imports.undo', { batchId: res.meta.batch_id });
    const outcomes = await ok<{ rows: Array<{ rowNumber: number; outcome: string; externalId: string | null }> }>(core, 'imports.outcomes', {
      batchId: res.meta.batch_id,
      startRow: 0,
      endRow: 10,
    });
    expect(outcomes.rows.map((r) => [r.rowNumber, r.outcome, r.externalId])).toEqual([
      [0, 'created', 'ch_1'],
      [1, 'skipped_duplicate', 'ch_1'],
      [2, 'created', null],
    ]);
  });
});
