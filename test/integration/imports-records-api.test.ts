import { describe, expect, it } from 'vitest';
import type { BatchResponse, OutcomeRow } from '../../src/shared/contract/imports';
import type { Page } from '../../src/shared/contract/grid';
import type { PayeeRow } from '../../src/shared/contract/payees';
import type { ProductRow } from '../../src/shared/contract/products';
import type { RevenueRow } from '../../src/shared/contract/revenues';
import { tempWorkspace } from '../support/temp-workspace';
import { call, CLOSED, ok, ORG, sale, seedOrg } from './imports-records-support';

function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

const batch = (core: ReturnType<typeof setup>['core'], method: string, input: object) => ok<BatchResponse>(core, method, { orgId: ORG, ...input });

describe('revenues.batch: one outcome per record', () => {
  it('reports created, skipped_duplicate, blocked_locked_period and error with seed-like meta counts', async () => {
    const { core } = setup();
    const first = await batch(core, 'revenues.batch', { records: [sale('ch_1')] });
    expect(first.data).toEqual([{ index: 0, status: 'created', id: 1, external_id: 'ch_1' }]);
    const res = await batch(core, 'revenues.batch', {
      records: [
        sale('ch_1'), // exists: the stored record is kept
        sale('ch_2'),
        sale('ch_2', '99.00'), // the same record as record 1, with another amount
        sale('ch_3', '5.00', { occurred_at: `${CLOSED}-15` }),
        sale('ch_4', '1.2.3'),
        sale('ch_2'), // the same record as record 1, value for value
      ],
    });
    expect(res.data.map((r) => r.status)).toEqual(['skipped_duplicate', 'created', 'error', 'blocked_locked_period', 'error', 'skipped_duplicate']);
    expect(res.data[0]).toMatchObject({ existing_id: 1, external_id: 'ch_1' });
    expect(res.data[2]).toEqual({
      index: 2,
      status: 'error',
      external_id: 'ch_2',
      same_as_index: 1,
      error: { field: 'external_id', message: 'same record as record 1, with a different amount; a batch writes each record once, so keep one of the two' },
    });
    expect(res.data[5]).toEqual({
      index: 5,
      status: 'skipped_duplicate',
      external_id: 'ch_2',
      existing_id: res.data[1].id,
      same_as_index: 1,
      message: 'same record as record 1, with the same values (skipped)',
    });
    expect(res.data[3].error).toEqual({ field: 'occurred_at', message: expect.stringMatching(/^September 2026 \(2026-09\) is locked/) });
    expect(res.data[4].error).toEqual({ field: 'amount', message: expect.stringMatching(/^amount: "1\.2\.3" is not a plain decimal/) });
    expect(res.meta).toMatchObject({ total: 6, created: 1, updated: 0, unchanged: 0, skipped_duplicate: 2, blocked_locked_period: 1, error: 2, batch_status: 'committed' });
    const kept = await ok<Page<RevenueRow>>(core, 'revenues.list', { orgId: ORG, startRow: 0, endRow: 10 });
    expect(kept.rows.map((r) => [r.externalId, r.amount])).toEqual([
      ['ch_1', '10.00'],
      ['ch_2', '10.00'],
    ]);
  });

  it('create_or_update: updated with the changed fields, unchanged when equal, created when new', async () => {
    const { core } = setup();
    await batch(core, 'revenues.batch', { records: [sale('ch_1', '10.00', { payee_external_id: 'pe_1' }), sale('ch_2')] });
    const res = await batch(core, 'revenues.batch', {
      operation: 'create_or_update',
      records: [sale('ch_1', '12.00', { payee_external_id: 'pe_2' }), { external_id: 'ch_2', amount: '10' }, sale('ch_3')],
    });
    expect(res.data).toEqual([
      { index: 0, status: 'updated', id: 1, external_id: 'ch_1', changes: ['amount', 'payee_external_id'] },
      { index: 1, status: 'unchanged', id: 2, external_id: 'ch_2' },
      { index: 2, status: 'created', id: 3, external_id: 'ch_3' },
    ]);
  });

  it('update_only: updates existing records and refuses unknown or missing external_ids', async () => {
    const { core } = setup();
    await batch(core, 'revenues.batch', { records: [sale('ch_1')] });
    const res = await batch(core, 'revenues.batch', {
      operation: 'update_only',
      records: [{ external_id: 'ch_1', description: 'Late fee' }, { external_id: 'nope', amount: '1' }, { amount: '1' }],
    });
    expect(res.data.map((r) => r.status)).toEqual(['updated', 'error', 'error']);
    expect(res.data[1].error).toMatchObject({ field: 'external_id', message: expect.stringMatching(/no revenue with external_id "nope"/) });
    expect(res.data[2].error).toMatchObject({ field: 'external_id', message: expect.stringMatching(/required to update/) });
  });

  it('keeps identical rows without an external_id as distinct records', async () => {
    const { core, workspace } = setup();
    const res = await batch(core, 'revenues.batch', { records: [sale(null, '3.00'), sale(null, '3.00')] });
    expect(res.data.map((r) => r.status)).toEqual(['created', 'created']);
    expect(res.data[0].id).not.toBe(res.data[1].id);
    expect(workspace.db.prepare('SELECT count(*) FROM revenues').pluck().get()).toBe(2);
  });

  it('checks refund_of against sales of the org, including earlier in the same batch', async () => {
    const { core } = setup();
    const refund = (id: string, of: string, extra = {}) => sale(id, '-4.00', { kind: 'refund', refund_of: of, ...extra });
    const res = await batch(core, 'revenues.batch', {
      records: [sale('ch_1'), refund('re_1', 'ch_1'), refund('re_2', 'missing'), refund('re_3', 're_1'), refund('re_4', 'ch_1', { currency: 'EUR' }), sale('ch_9', '-1')],
    });
    expect(res.data.map((r) => r.status)).toEqual(['created', 'created', 'error', 'error', 'error', 'error']);
    expect(res.data.slice(2, 5).map((r) => r.error!.field)).toEqual(['refund_of', 'refund_of', 'refund_of']);
    expect(res.data[5].error!.message).toMatch(/a sale cannot be negative/);
  });

  it('refuses more than 100 records with a 400 naming the field', async () => {
    const { core } = setup();
    const result = await call(core, 'revenues.batch', { orgId: ORG, records: Array.from({ length: 101 }, (_, i) => sale(`ch_${i}`)) });
    expect(result).toMatchObject({ ok: false, error: { type: 'validation_error', detail: { issues: [{ field: 'records' }] } } });
  });

  it('refuses a bad field of each entity with a message naming the field', async () => {
    const { core } = setup();
    const payees = await batch(core, 'payees.batch', { records: [{ external_id: 'pe_9', name: 'Cy', email: 'not-an-email' }] });
    expect(payees.data[0].error).toEqual({ field: 'email', message: expect.stringMatching(/^email: "not-an-email" is not an email address/) });
    const products = await batch(core, 'products.batch', { records: [{ external_id: 'pr_9', name: 'Dune', metadata: '[1]' }] });
    expect(products.data[0].error).toEqual({ field: 'metadata', message: expect.stringMatching(/^metadata: must be a JSON object/) });
    const revenues = await batch(core, 'revenues.batch', { records: [sale('ch_1', '5', { currency: 'dollars' })] });
    expect(revenues.data[0].error).toEqual({ field: 'currency', message: expect.stringMatching(/^currency: "dollars" is not a three-letter currency code/) });
  });
});

describe('payees.batch and products.batch', () => {
  it('upsert by external_id (create_or_update by default) and list as grid pages', async () => {
    const { core } = setup();
    const first = await batch(core, 'payees.batch', {
      records: [{ external_id: 'pe_1', name: 'Ada Books Ltd', threshold: '25.5', on_hold: true }, { external_id: 'pe_3', name: 'Cy Prints', fallback_percentage: '12.50' }],
    });
    expect(first.data.map((r) => [r.status, r.changes])).toEqual([
      ['updated', ['name', 'on_hold', 'threshold']],
      ['created', undefined],
    ]);
    const created = await batch(core, 'payees.batch', { operation: 'create_only', records: [{ external_id: 'pe_3', name: 'Other' }] });
    expect(created.data[0]).toMatchObject({ status: 'skipped_duplicate', existing_id: first.data[1].id });
    const page = await ok<Page<PayeeRow>>(core, 'payees.list', { orgId: ORG, startRow: 0, endRow: 10, sortModel: [{ colId: 'threshold', sort: 'desc' }] });
    expect(page.rowCount).toBe(3);
    expect(page.rows[0]).toMatchObject({ externalId: 'pe_1', name: 'Ada Books Ltd', threshold: '25.50', onHold: true });
    expect(page.rows.find((p) => p.externalId === 'pe_3')!.fallbackPercentage).toBe('12.5');

    await batch(core, 'products.batch', { records: [{ external_id: 'pr_2', name: 'Dune', tags: 'scifi; classic', metadata: '{"isbn":"x"}', archived: 'no' }] });
    const again = await batch(core, 'products.batch', { records: [{ external_id: 'pr_2', name: 'Dune', tags: ['scifi', 'classic'], metadata: { isbn: 'x' } }] });
    expect(again.data[0].status).toBe('unchanged');
    const products = await ok<Page<ProductRow>>(core, 'products.list', { orgId: ORG, startRow: 0, endRow: 10, filterModel: { name: { filterType: 'text', type: 'equals', filter: 'dune' } } });
    expect(products.rows).toEqual([expect.objectContaining({ externalId: 'pr_2', tags: ['scifi', 'classic'], metadata: { isbn: 'x' }, archived: false })]);
  });

  it('requires the write permission of the entity', async () => {
    const { core } = setup();
    const result = await core.call('payees.batch', { orgId: ORG, records: [{ name: 'x' }] }, { name: 'k', permissions: ['read:payees'] }).result;
    expect(result).toMatchObject({ ok: false, error: { type: 'permission_error' } });
  });
});

describe('revenues.create', () => {
  it('creates one revenue, returns the existing one for a duplicate, and refuses bad or locked records', async () => {
    const { core } = setup();
    const created = await ok<{ status: string; revenue: RevenueRow; batchId: number }>(core, 'revenues.create', { orgId: ORG, record: sale('ch_1', '7.25', { payee_external_id: 'pe_1' }) });
    expect(created).toMatchObject({ status: 'created', revenue: { externalId: 'ch_1', amount: '7.25', payeeName: 'Ada Books', period: '2026-10' } });
    const again = await ok<{ status: string; revenue: RevenueRow }>(core, 'revenues.create', { orgId: ORG, record: sale('ch_1', '9.99') });
    expect(again).toMatchObject({ status: 'skipped_duplicate', revenue: { id: created.revenue.id, amount: '7.25' } });
    const bad = await call(core, 'revenues.create', { orgId: ORG, record: sale('ch_2', 'ten') });
    expect(bad).toMatchObject({ ok: false, error: { type: 'validation_error', detail: { issues: [{ field: 'record.amount' }] } } });
    const locked = await call(core, 'revenues.create', { orgId: ORG, record: sale('ch_3', '1', { occurred_at: `${CLOSED}-01` }) });
    expect(locked).toMatchObject({ ok: false, error: { type: 'conflict', code: 'period_locked' } });
    const unknownOrg = await call(core, 'revenues.create', { orgId: 'nope', record: sale('ch_4') });
    expect(unknownOrg).toMatchObject({ ok: false, error: { type: 'not_found' } });
  });
});

describe('imports.list / get / outcomes', () => {
  it('lists batches newest first and opens one batch as a grid of per-row outcomes', async () => {
    const { core } = setup();
    await batch(core, 'revenues.batch', { records: [sale('ch_1'), sale('ch_2')] });
    const second = await batch(core, 'revenues.batch', { operation: 'create_or_update', records: [sale('ch_1', '11'), sale('ch_2'), sale(null, 'x')] });
    const list = await ok<Page<{ id: number; updated: number }>>(core, 'imports.list', { orgId: ORG, startRow: 0, endRow: 10 });
    expect(list.rows.map((b) => b.id)).toEqual([second.meta.batch_id, second.meta.batch_id! - 1]);
    const one = await ok<{ status: string; totalRows: number; updated: number; unchanged: number; error: number }>(core, 'imports.get', { batchId: second.meta.batch_id });
    expect(one).toMatchObject({ status: 'committed', totalRows: 3, updated: 1, unchanged: 1, error: 1 });
    const outcomes = await ok<Page<OutcomeRow>>(core, 'imports.outcomes', { batchId: second.meta.batch_id, startRow: 0, endRow: 10 });
    expect(outcomes.rows).toEqual([
      { rowNumber: 0, outcome: 'updated', recordId: 1, matchingId: null, externalId: 'ch_1', changes: 'amount', column: null, message: null, details: null },
      { rowNumber: 1, outcome: 'unchanged', recordId: 2, matchingId: null, externalId: 'ch_2', changes: null, column: null, message: null, details: null },
      { rowNumber: 2, outcome: 'error', recordId: null, matchingId: null, externalId: null, changes: null, column: 'amount', message: expect.stringMatching(/^amount:/), details: 'error · field amount' },
    ]);
    const errors = await ok<Page<OutcomeRow>>(core, 'imports.outcomes', { batchId: second.meta.batch_id, startRow: 0, endRow: 10, filterModel: { outcome: { filterType: 'set', values: ['error'] } } });
    expect(errors.rowCount).toBe(1);
    expect(await call(core, 'imports.get', { batchId: 999 })).toMatchObject({ ok: false, error: { type: 'not_found', code: 'batch_not_found' } });
  });
});
