import { describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import { ok, ORG, setup, writeCsv } from './import-files-support';

const run = (entity: string, path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity, path, ...extra });

describe('files of payees, products and billing rows', () => {
  it('payees: a guessed mapping, thresholds and percentages read with the decimal comma the file uses', async () => {
    const { core, dir, workspace } = setup();
    const path = writeCsv(dir, 'payees.csv', ['external_id;name;email;threshold;fallback_percentage;on_hold', 'pe_9;Cleo Books;cleo@example.com;1.250,50;12,5;no', 'pe_1;Ada Books;;;;yes']);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run('payees', path));
    expect(inspection).toMatchObject({ mappingSource: 'guess', delimiter: { value: ';' }, mapping: { numberConvention: 'comma' }, questions: [] });
    const result = await ok<ImportCommitResult>(core, 'imports.commit', run('payees', path));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 1, updated: 1 } });
    expect(workspace.db.prepare('SELECT external_id, name, email, on_hold, threshold_micros, fallback_percentage FROM payees ORDER BY id').all()).toEqual([
      { external_id: 'pe_1', name: 'Ada Books', email: null, on_hold: 1, threshold_micros: 0, fallback_percentage: null },
      { external_id: 'pe_9', name: 'Cleo Books', email: 'cleo@example.com', on_hold: 0, threshold_micros: 1_250_500_000, fallback_percentage: '12.5' },
    ]);
  });

  it('products: tags and a constant category', async () => {
    const { core, dir, workspace } = setup();
    const path = writeCsv(dir, 'products.csv', ['SKU,Title,Labels', 'pr_7,Atlas notebook,"paper;a5"']);
    const mapping = { columns: { external_id: 'SKU', name: 'Title', tags: 'Labels' }, constants: { category: 'Stationery' } };
    expect(await ok<ImportCommitResult>(core, 'imports.commit', run('products', path, { mapping }))).toMatchObject({ counts: { created: 1 } });
    expect(workspace.db.prepare('SELECT external_id, name, category, tags FROM products').get()).toEqual({ external_id: 'pr_7', name: 'Atlas notebook', category: 'Stationery', tags: '["paper","a5"]' });
  });

  it('billing: final amounts in minor units set consumption records, summed as the batch amount', async () => {
    const { core, dir } = setup();
    const path = writeCsv(dir, 'billing.csv', ['license,resource,period,sell_cents,buy_cents', 'LIC-1,vm-small,2026-10,1250,900', 'LIC-1,vm-large,2026-10,-300,0']);
    const mapping = {
      amountUnit: 'minor',
      numberConvention: 'dot',
      columns: { license_reference: 'license', resource_name: 'resource', billing_period: 'period', final_sell: 'sell_cents', final_buy: 'buy_cents' },
    };
    const result = await ok<ImportCommitResult>(core, 'imports.commit', run('billing', path, { mapping }));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 2 }, amountWritten: [{ currency: 'USD', amount: '9.50' }] });
  });
});
