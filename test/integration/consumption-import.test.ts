import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsumptionListPage } from '../../src/shared/contract/consumption';
import type { ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { call, CLOSED, consumptionWorkspace, estimate, finalize, ok, OPEN, ORG, reconciliationDigest, uuidOf } from './consumption-support';

const FIXTURE = join(__dirname, '..', 'fixtures', 'imports', 'arrow-consumption.csv');
const row = (extra: Record<string, unknown>) => ({ license_reference: 'XSP1', resource_name: 'vm-1', billing_period: OPEN, consumed_sell: '10.00', consumed_buy: '8.00', ...extra });

describe('consumed amounts: the consumption import entity and consumption.batch', () => {
  it('imports the Arrow consumption export through its built-in profile, uuids and names kept, exact amounts', async () => {
    const { core } = consumptionWorkspace();
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', { orgId: ORG, entity: 'consumption', path: FIXTURE });
    expect(inspection).toMatchObject({ profile: 'Arrow consumption export', questions: [] });
    const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path: FIXTURE });
    expect(result).toMatchObject({ status: 'committed', counts: { created: 3, error: 0 }, rowsWritten: 3, amountWritten: [{ currency: 'USD', amount: '2494.525' }] });
    const page = await ok<ConsumptionListPage>(core, 'consumption.list', { orgId: ORG });
    expect(page.results.map((r) => [r.license_reference, r.resource_name, r.customer_name, r.consumed_sell, r.consumed_buy, r.is_finalized, r.last_sync_at])).toEqual([
      ['XSP12345', 'vm-erp-01', 'Acme Manufacturing', '1250.40', '1000.32', false, '2026-10-28T06:00:00Z'],
      ['XSP12345', 'sql-erp-01', 'Acme Manufacturing', '812.125', '649.70', false, '2026-10-28T06:00:00Z'],
      ['XSP67890', 'Office 365 E3', 'Northwind Foods', '432.00', '388.80', false, '2026-10-28T06:00:00Z'],
    ]);
    expect(page.results[0]).toMatchObject({ customer_uuid: '6f1c2a9e-1b2c-4d3e-8f40-5a6b7c8d9e01', resource_uuid: '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e03', billing_period: '2026-10-01' });
    // The same file again changes nothing.
    const again = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path: FIXTURE });
    expect(again.counts).toMatchObject({ unchanged: 3, created: 0, updated: 0 });
  });

  it('updates an estimate in place (the final amounts kept) and a billing row then finalizes the same record', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    await estimate(core, [{ license: 'XSP1', resource: 'vm-1', period: OPEN, sell: '10.00', buy: '8.00' }]);
    const uuid = uuidOf(workspace.db, 'XSP1', 'vm-1', OPEN);
    const updated = await ok<BatchResponse>(core, 'consumption.batch', { orgId: ORG, records: [row({ consumed_sell: '11.50', raw_data: { meter: 'cpu', hours: 720 } })] });
    expect(updated.data[0]).toMatchObject({ status: 'updated', changes: expect.arrayContaining(['consumed_sell', 'raw_data']) });
    await finalize(core, dir, [{ license: 'XSP1', resource: 'vm-1', period: OPEN, sell: '12.00', buy: '9.00' }]);
    const record = await ok<Record<string, unknown>>(core, 'consumption.get', { uuid });
    expect(record).toMatchObject({ uuid, consumed_sell: '11.50', consumed_buy: '8.00', final_sell: '12.00', final_buy: '9.00', is_finalized: true, raw_data: { meter: 'cpu', hours: 720 } });
    expect(workspace.db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(1);
  });

  it('refuses bad rows, each naming its record and field, and a rejected batch writes nothing', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    await estimate(core, [{ license: 'XSP1', resource: 'vm-1', period: OPEN, sell: '10.00', buy: '8.00' }]);
    await finalize(core, dir, [{ license: 'XSP1', resource: 'vm-1', period: OPEN, sell: '12.00', buy: '9.00' }]);
    const before = reconciliationDigest(workspace.db);
    const result = await call(core, 'consumption.batch', {
      orgId: ORG,
      onError: 'reject',
      records: [
        row({ license_reference: 'XSP2', consumed_sell: '-1.00' }),
        row({ license_reference: 'XSP3', consumed_sell: 'abc' }),
        row({ license_reference: 'XSP4', resource_name: null }),
        row({ license_reference: 'XSP5', billing_period: '2026-13' }),
        row({ consumed_sell: '10.00', currency: 'EUR' }),
        row({ license_reference: 'XSP6', colour: 'red' }),
        row({ license_reference: 'XSP7', consumed_sell: 12.5 }),
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('batch_rejected');
    const issues = (result.error.detail as { issues: Array<{ field: string; message: string }> }).issues;
    expect(issues.map((i) => i.field)).toEqual([
      'records.0.consumed_sell',
      'records.1.consumed_sell',
      'records.2.resource_uuid',
      'records.3.billing_period',
      'records.4.currency',
      'records.5.colour',
      'records.6.consumed_sell',
    ]);
    expect(issues[0].message).toMatch(/negative/);
    expect(issues[1].message).toMatch(/abc/);
    expect(issues[4].message).toMatch(/EUR.*USD.*different currencies/);
    expect(reconciliationDigest(workspace.db)).toBe(before);
  });

  it('a billing row in another currency than the estimate is refused, naming the record and currency', async () => {
    const { core, workspace } = consumptionWorkspace();
    await estimate(core, [{ license: 'XSP1', resource: 'vm-1', period: OPEN, sell: '10.00', buy: '8.00' }]);
    const before = reconciliationDigest(workspace.db);
    const { startImportBatch } = await import('../../src/main/imports/records/import-batch');
    const batch = startImportBatch(workspace.db, { orgId: ORG, entity: 'billing', source: 'api', operation: 'create_or_update', keepRejected: false });
    const written = batch.write([{ rowNumber: 0, record: { license_reference: 'XSP1', resource_name: 'vm-1', billing_period: OPEN, final_sell: '12.00', final_buy: '9.00', currency: 'GBP' } }]);
    batch.finish({ onError: 'reject' });
    expect(written.rows[0]).toMatchObject({ outcome: 'error', column: 'currency', externalId: 'XSP1 / vm-1 / 2026-10', message: expect.stringMatching(/GBP.*USD/) });
    expect(reconciliationDigest(workspace.db)).toBe(before);
  });

  it('a row for a finalized month is blocked, and a reconciled record cannot change', async () => {
    const { core, dir } = consumptionWorkspace();
    const blocked = await ok<BatchResponse>(core, 'consumption.batch', { orgId: ORG, records: [row({ billing_period: CLOSED })] });
    expect(blocked.data[0]).toMatchObject({ status: 'blocked_locked_period', error: { field: 'billing_period' } });
    await estimate(core, [{ license: 'XSP1', resource: 'vm-1', period: OPEN, sell: '10.00', buy: '8.00' }]);
    await finalize(core, dir, [{ license: 'XSP1', resource: 'vm-1', period: OPEN, sell: '10.00', buy: '8.00' }]);
    await ok(core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    const late = await ok<BatchResponse>(core, 'consumption.batch', { orgId: ORG, records: [row({ consumed_sell: '9.00' })] });
    expect(late.data[0]).toMatchObject({ status: 'error', error: { field: 'consumed_sell', message: expect.stringMatching(/already reconciled.*reversed/) } });
    const billed = await call(core, 'consumption.batch', { orgId: ORG, records: [row({ customer_name: 'Renamed' })] });
    expect(billed).toMatchObject({ ok: true, value: { data: [{ status: 'error', error: { field: 'customer_name' } }] } });
  });
});
