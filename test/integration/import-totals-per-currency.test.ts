import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import { openWorkspace } from '../../src/main/db/workspace';
import type { ImportCheck, ImportCommitResult } from '../../src/shared/contract/import-files';
import type { BatchResponse, ImportBatchRow } from '../../src/shared/contract/imports';
import type { Page } from '../../src/shared/contract/grid';
import { tempDir } from '../support/temp-workspace';
import { call, FIXTURES, ok, ORG, seedOrg, setup, writeCsv } from './import-files-support';

// Issue 16, item 1: every amount total of an import is per currency, [{currency, amount}]
// sorted by currency, never a sum across currencies: the check, the commit, the batch as
// imports.get and imports.list show it, the batch API's meta, the HTTP answers and the CLI's JSON.

const FILE = join(FIXTURES, 'three-currencies.csv');
/** USD 1,000 + 200 + 10, EUR 9.99, JPY 1,000 + 500: once summed across currencies as "2719.99". */
const TOTALS = [
  { currency: 'EUR', amount: '9.99' },
  { currency: 'JPY', amount: '1500.00' },
  { currency: 'USD', amount: '1210.00' },
];
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'closebook.mjs');
const input = (path: string) => ({ orgId: ORG, entity: 'revenues', path });

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('control totals per currency, three-currency file', () => {
  it('check, commit, imports.get and imports.list answer one total per currency', async () => {
    const { core } = setup();
    const check = await ok<ImportCheck>(core, 'imports.check', input(FILE));
    expect(check).toMatchObject({ rowsToWrite: 6, amountToWrite: TOTALS });
    const result = await ok<ImportCommitResult>(core, 'imports.commit', input(FILE));
    expect(result).toMatchObject({ status: 'committed', rowsWritten: 6, amountWritten: TOTALS });
    const batch = await ok<ImportBatchRow>(core, 'imports.get', { batchId: result.batchId });
    expect(batch).toMatchObject({ rowsWritten: 6, amountWritten: TOTALS });
    const page = await ok<Page<ImportBatchRow>>(core, 'imports.list', { orgId: ORG, startRow: 0, endRow: 10 });
    expect(page.rows.map((r) => r.amountWritten)).toEqual([TOTALS]);
  });

  it('the batch list refuses to sort or filter on amounts written, which do not compare across currencies', async () => {
    const { core } = setup();
    await ok(core, 'imports.commit', input(FILE));
    for (const view of [{ sortModel: [{ colId: 'amountWritten', sort: 'asc' }] }, { filterModel: { amountWritten: { filterType: 'number', type: 'greaterThan', filter: 1000 } } }]) {
      const answer = await call(core, 'imports.list', { orgId: ORG, startRow: 0, endRow: 10, ...view });
      expect(answer).toMatchObject({ ok: false, error: { type: 'validation_error' } });
    }
  });

  it('the batch API reports rows_written and amount_written per currency in its meta', async () => {
    const { core } = setup();
    const records = [
      { external_id: 'b1', occurred_at: '2026-10-05', amount: '1210.00', currency: 'USD' },
      { external_id: 'b2', occurred_at: '2026-10-05', amount: '9.99', currency: 'EUR' },
      { external_id: 'b3', occurred_at: '2026-10-05', amount: '1500', currency: 'JPY' },
      { external_id: 'b4', occurred_at: '2026-10-05', amount: 'bad', currency: 'CHF' },
    ];
    const response = await ok<BatchResponse>(core, 'revenues.batch', { orgId: ORG, records });
    expect(response.meta).toMatchObject({ created: 3, error: 1, rows_written: 3, amount_written: TOTALS });
  });

  it('a currency the org has never seen, and billing rows in the org currency, are lines of their own', async () => {
    const { core, dir } = setup();
    const chf = writeCsv(dir, 'chf.csv', ['external_id,kind,occurred_at,amount,currency', 'c1,sale,2026-10-05,5.00,CHF', 'c2,sale,2026-10-05,1.00,USD']);
    expect(await ok<ImportCommitResult>(core, 'imports.commit', input(chf))).toMatchObject({
      amountWritten: [
        { currency: 'CHF', amount: '5.00' },
        { currency: 'USD', amount: '1.00' },
      ],
    });
    const billing = writeCsv(dir, 'billing.csv', ['license_reference,resource_name,billing_period,final_sell,final_buy', 'LIC-1,vm,2026-10,12.50,9.00']);
    const mapping = { numberConvention: 'dot', columns: { license_reference: 'license_reference', resource_name: 'resource_name', billing_period: 'billing_period', final_sell: 'final_sell', final_buy: 'final_buy' } };
    const result = await ok<ImportCommitResult>(core, 'imports.commit', { ...input(billing), entity: 'billing', mapping });
    // The org's reporting currency (USD by default): consumption records carry none of their own.
    expect(result.amountWritten).toEqual([{ currency: 'USD', amount: '12.50' }]);
    const payees = writeCsv(dir, 'payees.csv', ['external_id,name', 'p1,Ada']);
    expect(await ok<ImportCommitResult>(core, 'imports.commit', { ...input(payees), entity: 'payees' })).toMatchObject({ rowsWritten: 1, amountWritten: [] });
  });

  it('over HTTP: the uploaded file is checked and committed with the totals per currency', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const post = (method: string, body: string | Buffer, headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${server!.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${server!.token}`, ...headers }, body });
    const staged = (await (await post('imports.upload', readFileSync(FILE), { 'X-Closebook-Input': encodeURIComponent(JSON.stringify({ name: 'three-currencies.csv' })) })).json()) as {
      value: { path: string };
    };
    const json = { 'Content-Type': 'application/json' };
    const check = (await (await post('imports.check', JSON.stringify(input(staged.value.path)), json)).json()) as { value: ImportCheck };
    expect(check.value.amountToWrite).toEqual(TOTALS);
    const commit = (await (await post('imports.commit', JSON.stringify(input(staged.value.path)), json)).json()) as { value: ImportCommitResult };
    expect(commit.value).toMatchObject({ rowsWritten: 6, amountWritten: TOTALS });
  });

  it("the CLI's JSON, checked and committed", () => {
    const path = join(tempDir(), 'cli.closebook');
    const workspace = openWorkspace(path);
    seedOrg(workspace.db);
    workspace.close();
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, 'import', 'revenues', FILE, '--workspace', path, '--org', ORG, ...args], { encoding: 'utf8', timeout: 60_000 });
    const checked = cli(['--check']);
    expect(checked.status).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ rowsToWrite: 6, amountToWrite: TOTALS });
    const committed = cli([]);
    expect(committed.status).toBe(0);
    expect(JSON.parse(committed.stdout)).toMatchObject({ status: 'committed', rowsWritten: 6, amountWritten: TOTALS });
  });
});
