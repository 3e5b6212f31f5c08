import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsumptionGridRow, ConsumptionSummary } from '../../src/shared/contract/consumption';
import type { Page } from '../../src/shared/contract/grid';
import type { CompensationItemRow, ReconciliationEvent, ReconciliationRunResult, ReviewResult } from '../../src/shared/contract/reconciliation';
import { call, CLOSED, consumptionWorkspace, CUSTOMER_A, CUSTOMER_B, estimate, finalize, ok, OPEN, ORG, reconciliationDigest, uuidOf } from './consumption-support';

type Ctx = ReturnType<typeof consumptionWorkspace>;

/** Tolerance 1.00 and 2 %: estimates of 100.00 with finals at the edges. */
async function month(ctx: Ctx) {
  await ok(ctx.core, 'reconciliation.setTolerance', { tolerance_amount: '1.00', tolerance_percent: '2' });
  const rows = [
    ['at-abs', '100.00', '101.00'], // exactly 1.00 (and 1 %)
    ['above-abs', '100.00', '101.000001'], // one micro-unit above 1.00
    ['credit', '100.00', '99.50'], // a credit within tolerance
    ['exact', '100.00', '100.00'], // no difference: reconciled, no item
    ['at-pct', '40.00', '40.80'], // 0.80 = exactly 2 % of 40.00
    ['above-pct', '40.00', '40.800001'],
    ['zero-est', '0.00', '0.50'], // no estimate: any difference needs review
    ['far', '100.00', '180.00'],
  ] as const;
  await estimate(ctx.core, [
    ...rows.map(([resource, sell], i) => ({ license: 'XSP1', resource, period: OPEN, sell, buy: '50.00', customer: i % 2 ? CUSTOMER_B : CUSTOMER_A, customerName: i % 2 ? 'Northwind' : 'Acme' })),
    { license: 'XSP1', resource: 'no-final', period: OPEN, sell: '10.00', buy: '5.00', customer: CUSTOMER_A, customerName: 'Acme' },
  ]);
  await finalize(ctx.core, ctx.dir, rows.map(([resource, , final], i) => ({ license: 'XSP1', resource, period: OPEN, sell: final, buy: '50.25', invoiceItem: `00000000-0000-4000-8000-00000000000${i}` })));
  return (resource: string) => uuidOf(ctx.workspace.db, 'XSP1', resource, OPEN);
}

const grid = (ctx: Ctx) => ok<Page<ConsumptionGridRow>>(ctx.core, 'consumption.grid', { orgId: ORG, period: OPEN, startRow: 0, endRow: 100 });
const byResource = (page: Page<ConsumptionGridRow>): Record<string, ConsumptionGridRow> => Object.fromEntries(page.rows.map((r) => [r.resource_name, r]));

describe('reconciliation.run', () => {
  it('reconciles within tolerance (edges inclusive), leaves the rest for review, flags a missing final amount', async () => {
    const ctx = consumptionWorkspace();
    const uuid = await month(ctx);
    const result = await ok<ReconciliationRunResult>(ctx.core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    expect(result).toMatchObject({ reconciled: 4, needs_review: 4, held: 0, already_reconciled: 0, missing_final: 1, compensation_items_created: 3 });
    expect(result.adjusted).toEqual([{ currency: 'USD', amount: '1.30' }]);
    const rows = byResource(await grid(ctx));
    expect(Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, r.status]))).toEqual({
      'at-abs': 'reconciled',
      'above-abs': 'needs_review',
      credit: 'reconciled',
      exact: 'reconciled',
      'at-pct': 'reconciled',
      'above-pct': 'needs_review',
      'zero-est': 'needs_review',
      far: 'needs_review',
      'no-final': 'missing_final',
    });
    expect(rows['above-abs']).toMatchObject({ adjustment: '1.000001', above_tolerance: true, percent_difference: '1.00', margin: '50.750001' });
    expect(rows['zero-est']).toMatchObject({ adjustment: '0.50', percent_difference: null, above_tolerance: true });
    expect(rows['credit']).toMatchObject({ adjustment: '-0.50', adjustment_amount: '-0.50', is_reconciled: true, above_tolerance: null, adjustment_buy: '0.25' });
    expect(rows['exact']).toMatchObject({ adjustment_amount: '0.00', compensation_item_uuid: null });
    // The compensation items: a credit and two charges, linked to the record and its invoice item.
    const items = await ok<Page<CompensationItemRow>>(ctx.core, 'reconciliation.compensationItems', { orgId: ORG, period: OPEN, startRow: 0, endRow: 100 });
    expect(items.rows.map((i) => [i.kind, i.amount, i.buy_amount, i.record_uuid])).toEqual([
      ['charge', '1.00', '0.25', uuid('at-abs')],
      ['credit', '-0.50', '0.25', uuid('credit')],
      ['charge', '0.80', '0.25', uuid('at-pct')],
    ]);
    expect(items.rows[1]).toMatchObject({ invoice_item_uuid: '00000000-0000-4000-8000-000000000002', uuid: rows['credit'].compensation_item_uuid, customer_name: 'Acme' });
    // Running again changes nothing.
    const before = reconciliationDigest(ctx.workspace.db);
    const again = await ok<ReconciliationRunResult>(ctx.core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    expect(again).toMatchObject({ reconciled: 0, needs_review: 4, already_reconciled: 4, compensation_items_created: 0 });
    expect(reconciliationDigest(ctx.workspace.db)).toBe(before);
  });

  it('approve with a note, hold, and reverse with a reason: the record restored, every step kept', async () => {
    const ctx = consumptionWorkspace();
    const uuid = await month(ctx);
    await ok(ctx.core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    const held = await ok<ReviewResult>(ctx.core, 'reconciliation.hold', { uuids: [uuid('far')], note: 'asked the vendor' });
    expect(held.records).toEqual([uuid('far')]);
    const beforeApprove = await ok<Record<string, unknown>>(ctx.core, 'consumption.get', { uuid: uuid('far') });
    const approved = await ok<ReviewResult>(ctx.core, 'reconciliation.approve', { uuids: [uuid('far'), uuid('zero-est')], note: 'agreed with the vendor' });
    expect(approved).toEqual({ records: [uuid('far'), uuid('zero-est')], compensation_items_created: 2 });
    const far = await ok<Record<string, unknown>>(ctx.core, 'consumption.get', { uuid: uuid('far') });
    expect(far).toMatchObject({ is_reconciled: true, adjustment_amount: '80.00', reconciled_at: expect.any(String), compensation_item_uuid: expect.any(String) });
    const reversed = await ok<ReviewResult>(ctx.core, 'reconciliation.reverse', { uuid: uuid('far'), reason: 'billed twice' });
    expect(reversed.records).toEqual([uuid('far')]);
    const restored = await ok<Record<string, unknown>>(ctx.core, 'consumption.get', { uuid: uuid('far') });
    const { modified: _m1, ...restoredFields } = restored;
    const { modified: _m2, ...beforeFields } = beforeApprove;
    expect(restoredFields).toEqual(beforeFields);
    expect(byResource(await grid(ctx))['far'].status).toBe('held');
    const history = await ok<ReconciliationEvent[]>(ctx.core, 'reconciliation.history', { uuid: uuid('far') });
    expect(history.map((e) => [e.action, e.adjustment_amount, e.note])).toEqual([
      ['needs_review', '80.00', null],
      ['held', '80.00', 'asked the vendor'],
      ['approved', '80.00', 'agreed with the vendor'],
      ['reversed', '80.00', 'billed twice'],
    ]);
    expect(history[2].compensation_item_uuid).toBe(far.compensation_item_uuid);
    const items = await ok<Page<CompensationItemRow>>(ctx.core, 'reconciliation.compensationItems', { orgId: ORG, period: OPEN, startRow: 0, endRow: 100 });
    expect(items.rows.find((i) => i.uuid === far.compensation_item_uuid)).toMatchObject({ reversed_at: expect.any(String), reversal_reason: 'billed twice', amount: '80.00' });
  });

  it('totals per customer and month tie out to the last unit: consumed + adjustments = final', async () => {
    const ctx = consumptionWorkspace();
    await month(ctx);
    await ok(ctx.core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    const summary = await ok<ConsumptionSummary>(ctx.core, 'consumption.summary', { orgId: ORG, period: OPEN });
    expect(summary.totals).toEqual([{ currency: 'USD', records: 9, finalized: 8, consumed: '580.00', adjustment: '83.600002', final: '663.600002', consumed_not_final: '10.00' }]);
    const exact = (s: string) => BigInt(s.replace(/\.(\d*)$/, (_m, f: string) => f.padEnd(6, '0')));
    for (const t of [...summary.totals, ...summary.by_customer, ...summary.by_month]) expect(exact(t.consumed) + exact(t.adjustment)).toBe(exact(t.final));
    expect(summary.by_customer.map((c) => [c.customer_name, c.records, c.adjustment])).toEqual([
      ['Acme', 5, '1.80'],
      ['Northwind', 4, '81.800002'],
    ]);
    expect(summary.by_month.map((m) => [m.billing_period, m.final])).toEqual([['2026-10-01', '663.600002']]);
    expect(summary.statuses).toEqual({ reconciled: 4, needs_review: 4, missing_final: 1 });
  });

  it('exports the grid as CSV: the rows of the view in its order, exact amounts, the columns asked for', async () => {
    const ctx = consumptionWorkspace();
    await month(ctx);
    await ok(ctx.core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    const path = join(ctx.dir, 'review.csv');
    const written = await ok<{ rowCount: number }>(ctx.core, 'consumption.export', {
      orgId: ORG,
      period: OPEN,
      sortModel: [{ colId: 'adjustment', sort: 'desc' }],
      filterModel: { status: { filterType: 'set', values: ['needs_review'] } },
      columns: ['resource_name', 'adjustment', 'percent_difference', 'status'],
      path,
      bom: false,
    });
    expect(written.rowCount).toBe(4);
    expect(readFileSync(path, 'utf8').split('\r\n')).toEqual([
      'Resource,Adjustment,% difference,Status',
      'far,80.00,80.00,needs_review',
      'above-abs,1.000001,1.00,needs_review',
      'above-pct,0.800001,2.00,needs_review',
      'zero-est,0.50,,needs_review',
      '',
    ]);
  });

  it('refuses bad calls with the record and field named, and changes nothing', async () => {
    const ctx = consumptionWorkspace();
    const uuid = await month(ctx);
    await ok(ctx.core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    const before = reconciliationDigest(ctx.workspace.db);
    const unfinalized = await call(ctx.core, 'reconciliation.approve', { uuids: [uuid('far'), uuid('no-final')], note: 'ok' });
    expect(unfinalized).toMatchObject({ ok: false, error: { type: 'conflict', code: 'not_finalized', message: expect.stringContaining(uuid('no-final')), detail: { field: 'is_finalized', issues: [{ field: 'uuids.1' }] } } });
    const twice = await call(ctx.core, 'reconciliation.approve', { uuids: [uuid('far'), uuid('at-abs')], note: 'ok' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'already_reconciled', message: expect.stringContaining(uuid('at-abs')), detail: { field: 'is_reconciled' } } });
    const noNote = await call(ctx.core, 'reconciliation.approve', { uuids: [uuid('far')], note: '  ' });
    expect(noNote).toMatchObject({ ok: false, error: { type: 'validation_error', detail: { issues: [{ field: 'note', message: 'note is required' }] } } });
    const negative = await call(ctx.core, 'reconciliation.setTolerance', { tolerance_amount: '-0.01', tolerance_percent: '-1' });
    expect(negative).toMatchObject({ ok: false, error: { type: 'validation_error' } });
    if (!negative.ok) {
      expect((negative.error.detail as { issues: Array<{ field: string; message: string }> }).issues).toEqual([
        { field: 'tolerance_amount', message: 'tolerance_amount cannot be below zero' },
        { field: 'tolerance_percent', message: 'tolerance_percent cannot be below zero' },
      ]);
    }
    const notReconciled = await call(ctx.core, 'reconciliation.reverse', { uuid: uuid('far'), reason: 'x' });
    expect(notReconciled).toMatchObject({ ok: false, error: { code: 'not_reconciled', detail: { field: 'is_reconciled' } } });
    const unknown = await call(ctx.core, 'reconciliation.hold', { uuids: ['00000000-0000-4000-8000-0000000000ff'] });
    expect(unknown).toMatchObject({ ok: false, error: { type: 'not_found', detail: { issues: [{ field: 'uuids.0' }] } } });
    expect(reconciliationDigest(ctx.workspace.db)).toBe(before);
  });

  it('a finalized (closed) month cannot be reconciled again, nor its records approved or reversed', async () => {
    const ctx = consumptionWorkspace();
    const uuid = await month(ctx);
    await ok(ctx.core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    ctx.workspace.db.prepare("INSERT OR REPLACE INTO periods VALUES (?, ?, 'finalized', '2026-11-05T00:00:00Z')").run(ORG, OPEN);
    const before = reconciliationDigest(ctx.workspace.db);
    expect(await call(ctx.core, 'reconciliation.run', { orgId: ORG, period: OPEN })).toMatchObject({ ok: false, error: { code: 'period_finalized', message: expect.stringMatching(/October 2026/) } });
    expect(await call(ctx.core, 'reconciliation.run', { orgId: ORG, period: CLOSED })).toMatchObject({ ok: false, error: { code: 'period_finalized' } });
    expect(await call(ctx.core, 'reconciliation.approve', { uuids: [uuid('far')], note: 'ok' })).toMatchObject({ ok: false, error: { code: 'period_finalized', detail: { field: 'billing_period' } } });
    expect(await call(ctx.core, 'reconciliation.reverse', { uuid: uuid('at-abs'), reason: 'x' })).toMatchObject({ ok: false, error: { code: 'period_finalized' } });
    expect(reconciliationDigest(ctx.workspace.db)).toBe(before);
  });
});
