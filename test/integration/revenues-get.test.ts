import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../src/shared/contract/imports';
import type { RevenueRow } from '../../src/shared/contract/revenues';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';

// Issue 16, item 7: an import outcome's Record opens the record. revenues.get reads one
// revenue of the org by its id, as stored now; one the org does not hold is a 404 in words.

async function setup() {
  const ctx = tempWorkspace();
  const parent = await callOk<{ id: string }>(ctx.core, 'orgs.create', { name: 'Parent', currency: 'USD' });
  const other = await callOk<{ id: string }>(ctx.core, 'orgs.create', { name: 'Other', currency: 'EUR' });
  const batch = await callOk<BatchResponse>(ctx.core, 'revenues.batch', {
    orgId: parent.id,
    records: [
      { external_id: 'ch_1', occurred_at: '2026-10-03T10:00:00Z', amount: '0.125', currency: 'USD', description: 'metered' },
      { external_id: 're_1', kind: 'refund', occurred_at: '2026-10-04T10:00:00Z', amount: '-0.125', currency: 'USD', refund_of: 'ch_1' },
    ],
  });
  return { ...ctx, parent: parent.id, other: other.id, batch };
}

describe('revenues.get: the record an outcome names', () => {
  it('answers the stored record with its org, exactly', async () => {
    const { core, parent, batch } = await setup();
    const [sale, refund] = batch.data.map((r) => r.id!);
    const got = await callOk<RevenueRow>(core, 'revenues.get', { orgId: parent, id: refund });
    expect(got).toMatchObject({ id: refund, externalId: 're_1', kind: 'refund', amount: '-0.125', currency: 'USD', refundOf: 'ch_1', period: '2026-10', orgId: parent, orgName: 'Parent' });
    expect((await callOk<RevenueRow>(core, 'revenues.get', { orgId: parent, id: sale })).description).toBe('metered');
  });

  it('is a 404 for another org’s record and for one an undo removed', async () => {
    const { core, parent, other, batch } = await setup();
    const id = batch.data[0].id!;
    const elsewhere = await core.call('revenues.get', { orgId: other, id }, LOCAL).result;
    expect(elsewhere).toMatchObject({ ok: false, error: { type: 'not_found', code: 'revenue_not_found', detail: { id } } });

    const batchId = batch.meta.batch_id!;
    await callOk(core, 'imports.undo', { batchId });
    const removed = await core.call('revenues.get', { orgId: parent, id }, LOCAL).result;
    expect(removed).toMatchObject({ ok: false, error: { code: 'revenue_not_found', message: `There is no revenue ${id} in this organization: it was never written, or an undo removed it.` } });
  });
});
