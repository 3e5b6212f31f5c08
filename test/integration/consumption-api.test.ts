import { describe, expect, it } from 'vitest';
import type { ConsumptionListPage, ConsumptionRecord } from '../../src/shared/contract/consumption';
import { call, consumptionWorkspace, CUSTOMER_A, CUSTOMER_B, estimate, finalize, ok, OPEN, ORG, OTHER_ORG, PROJECT, RESOURCE, uuidOf } from './consumption-support';

const SEED_FIELDS = [
  'uuid', 'url', 'resource', 'resource_uuid', 'resource_name', 'project_uuid', 'project_name', 'customer_uuid', 'customer_name', 'license_reference',
  'billing_period', 'consumed_sell', 'consumed_buy', 'final_sell', 'final_buy', 'invoice_item_uuid', 'compensation_item_uuid', 'last_sync_at',
  'finalized_at', 'reconciled_at', 'is_finalized', 'is_reconciled', 'adjustment_amount', 'raw_data', 'created', 'modified',
];

async function seeded() {
  const ctx = consumptionWorkspace();
  await estimate(ctx.core, [
    { license: 'XSP1', resource: 'vm-1', period: '2026-09', sell: '100.00', buy: '80.00', customer: CUSTOMER_A, customerName: 'Acme', project: PROJECT },
    { license: 'XSP1', resource: 'vm-1', period: OPEN, sell: '110.00', buy: '88.00', customer: CUSTOMER_A, customerName: 'Acme', project: PROJECT },
    { license: 'XSP1', resource: 'db-1', period: OPEN, sell: '50.125', buy: '40.00', customer: CUSTOMER_A, customerName: 'Acme', resourceUuid: RESOURCE },
    { license: 'XSP2', resource: 'o365', period: OPEN, sell: '12.00', buy: '10.00', customer: CUSTOMER_B, customerName: 'Northwind' },
    { license: 'XSP2', resource: 'o365', period: '2026-11', sell: '12.00', buy: '10.00', customer: CUSTOMER_B, customerName: 'Northwind' },
  ]);
  await estimate(ctx.core, [{ license: 'EU1', resource: 'vm-eu', period: OPEN, sell: '9.00', buy: '7.00' }], OTHER_ORG);
  await finalize(ctx.core, ctx.dir, [{ license: 'XSP1', resource: 'vm-1', period: '2026-09', sell: '101.00', buy: '80.50', invoiceItem: 'aaaaaaaa-0000-4000-8000-000000000001' }]);
  return ctx;
}

const list = (core: Parameters<typeof ok>[0], filters: Record<string, unknown>) => ok<ConsumptionListPage>(core, 'consumption.list', filters);
const keys = (page: ConsumptionListPage) => page.results.map((r) => `${r.license_reference}/${r.resource_name}/${r.billing_period}`);

describe('consumption.list and consumption.get (seed 003)', () => {
  it('answers every record in the seed field names, with a uuid each, page / page_size and the total count', async () => {
    const { core } = await seeded();
    const all = await list(core, {});
    expect(all).toMatchObject({ count: 6, page: 1, page_size: 100 });
    for (const record of all.results) {
      for (const field of SEED_FIELDS) expect(record, field).toHaveProperty(field);
      expect(record.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(record.url).toBe(`/consumption-records/${record.uuid}/`);
    }
    expect(new Set(all.results.map((r) => r.uuid)).size).toBe(6);
    const second = await list(core, { page: 2, page_size: 4 });
    expect(second).toMatchObject({ count: 6, page: 2, page_size: 4 });
    expect(second.results.map((r) => r.uuid)).toEqual(all.results.slice(4).map((r) => r.uuid));
    expect((await list(core, { page: 3, page_size: 4 })).results).toEqual([]);
    const finalized = all.results.find((r) => r.is_finalized)!;
    expect(finalized).toMatchObject({
      consumed_sell: '100.00',
      consumed_buy: '80.00',
      final_sell: '101.00',
      final_buy: '80.50',
      is_reconciled: false,
      adjustment_amount: null,
      invoice_item_uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
      currency: 'USD',
      billing_period: '2026-09-01',
    });
  });

  it('applies each of the seed filters', async () => {
    const { core } = await seeded();
    expect(keys(await list(core, { billing_period: '2026-10-01' }))).toEqual(['XSP1/vm-1/2026-10-01', 'XSP1/db-1/2026-10-01', 'XSP2/o365/2026-10-01', 'EU1/vm-eu/2026-10-01']);
    expect(keys(await list(core, { billing_period: '2026-10', orgId: ORG }))).toEqual(['XSP1/vm-1/2026-10-01', 'XSP1/db-1/2026-10-01', 'XSP2/o365/2026-10-01']);
    expect((await list(core, { billing_period_from: '2026-10-01' })).count).toBe(5);
    expect(keys(await list(core, { billing_period_to: '2026-09-01' }))).toEqual(['XSP1/vm-1/2026-09-01']);
    expect((await list(core, { billing_period_from: '2026-10-01', billing_period_to: '2026-10-01' })).count).toBe(4);
    expect((await list(core, { customer_uuid: CUSTOMER_A.toUpperCase() })).count).toBe(3);
    expect(keys(await list(core, { customer_uuid: CUSTOMER_B }))).toEqual(['XSP2/o365/2026-10-01', 'XSP2/o365/2026-11-01']);
    expect((await list(core, { project_uuid: PROJECT })).count).toBe(2);
    expect(keys(await list(core, { resource_uuid: RESOURCE }))).toEqual(['XSP1/db-1/2026-10-01']);
    expect((await list(core, { license_reference: 'XSP2' })).count).toBe(2);
    expect(keys(await list(core, { is_finalized: true }))).toEqual(['XSP1/vm-1/2026-09-01']);
    expect((await list(core, { is_finalized: 'false' })).count).toBe(5);
    expect((await list(core, { is_reconciled: false })).count).toBe(6);
    expect((await list(core, { is_reconciled: true })).count).toBe(0);
    expect((await list(core, { orgId: OTHER_ORG })).results.map((r) => r.currency)).toEqual(['EUR']);
  });

  it('filters by resource (uri) exactly', async () => {
    const { core, workspace } = await seeded();
    await ok(core, 'consumption.batch', {
      orgId: ORG,
      records: [{ license_reference: 'XSP1', resource_name: 'vm-1', billing_period: OPEN, resource: 'https://cloud.example/resources/vm-1' }],
    });
    expect(keys(await list(core, { resource: 'https://cloud.example/resources/vm-1' }))).toEqual(['XSP1/vm-1/2026-10-01']);
    expect((await list(core, { resource: 'https://cloud.example/resources/vm' })).count).toBe(0);
    expect(workspace.db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(6);
  });

  it('gets one record by uuid, and answers 404 not_found naming an unknown one', async () => {
    const { core, workspace } = await seeded();
    const uuid = uuidOf(workspace.db, 'XSP1', 'db-1', OPEN);
    const record = await ok<ConsumptionRecord>(core, 'consumption.get', { uuid: uuid.toUpperCase() });
    expect(record).toMatchObject({ uuid, resource_uuid: RESOURCE, consumed_sell: '50.125', final_sell: null, is_finalized: false });
    const missing = await call(core, 'consumption.get', { uuid: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { type: 'not_found', code: 'not_found', message: expect.stringContaining('00000000-0000-4000-8000-000000000000') } });
  });

  it('refuses bad filters and page sizes, naming each field', async () => {
    const { core } = await seeded();
    const bad = await call(core, 'consumption.list', { billing_period: '2026-10-15', customer_uuid: 'acme', page: 0, page_size: 5000, colour: 'red' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const fields = (bad.error.detail as { issues: Array<{ field: string }> }).issues.map((i) => i.field).sort();
    expect(fields).toEqual(['billing_period', 'colour', 'customer_uuid', 'page', 'page_size']);
  });
});
