import { describe, expect, it } from 'vitest';
import type { ImportCheck, ImportCommitResult } from '../../src/shared/contract/import-files';
import type { BatchResponse, OutcomeRow, RejectedBatchDetail } from '../../src/shared/contract/imports';
import type { Page } from '../../src/shared/contract/grid';
import { expectTotalsTieOut } from './control-totals-support';
import { call, CLOSED, digest, ok, ORG, RECORD_TABLES, setup, writeCsv } from './import-files-support';
import { lockedMonthMessage } from '../../src/main/imports/records/period-locks';

// The same record twice in one file or one batch call: the later row is skipped_duplicate
// naming the earlier one when it would change nothing, else an error naming it on the key
// column. Never a second write: the batch's control totals are what its records hold.

const VM = '6f1c2a9e-0000-4000-8000-000000000001';
const BILLING = 'License,Resource,Resource ID,Month,Sell,Buy';
const billingMapping = {
  numberConvention: 'dot',
  columns: { license_reference: 'License', resource_name: 'Resource', resource_uuid: 'Resource ID', billing_period: 'Month', final_sell: 'Sell', final_buy: 'Buy' },
};
const commit = (entity: string, path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity, path, onError: 'skip', ...extra });

type Ctx = ReturnType<typeof setup>;

async function checkAndCommit(ctx: Ctx, entity: string, lines: string[], extra: Record<string, unknown> = {}) {
  const path = writeCsv(ctx.dir, `${entity}-${Math.random().toString(36).slice(2)}.csv`, lines);
  const before = digest(ctx.workspace.db, RECORD_TABLES);
  const check = await ok<ImportCheck>(ctx.core, 'imports.check', commit(entity, path, extra));
  expect(digest(ctx.workspace.db, RECORD_TABLES)).toBe(before);
  const result = await ok<ImportCommitResult>(ctx.core, 'imports.commit', commit(entity, path, extra));
  if (result.status === 'committed') {
    // The check's control totals are the commit's, and both are what the records hold.
    expect({ rows: check.rowsToWrite, amount: check.amountToWrite }).toEqual({ rows: result.rowsWritten, amount: result.amountWritten });
    await expectTotalsTieOut(ctx.core, ctx.workspace.db, result.batchId!);
  }
  return { check, result };
}

const outcomesOf = (ctx: Ctx, batchId: number) => ok<Page<OutcomeRow>>(ctx.core, 'imports.outcomes', { batchId, startRow: 0, endRow: 100 });
const finalSells = (ctx: Ctx) =>
  ctx.workspace.db.prepare('SELECT license_reference, resource_name, billing_period, final_sell_micros FROM consumption_records ORDER BY id').all();

describe('the same record twice in a billing export', () => {
  it('the issue’s export: the second row of XSP12345 / Office 365 E3 / 2026-11 is an error naming row 2, and the totals tie out', async () => {
    const ctx = setup();
    const lines = [BILLING, 'XSP12345,Office 365 E3,,2026-11,120.50,100.00', 'XSP12345,Office 365 E3,,2026-11,121.00,100.00', 'XSP12345,Teams Rooms,,2026-11,-5.00,-4.00'];
    const { check, result } = await checkAndCommit(ctx, 'billing', lines, { mapping: billingMapping });
    const pair = {
      rowNumber: 3,
      column: 'License',
      // The file's column (Sell), not the field it feeds (final_sell).
      message: 'same record as row 2, with a different Sell; a file writes each record once, so keep one of the two',
      sameAsRow: 2,
    };
    expect(check).toMatchObject({ counts: { created: 2, updated: 0, error: 1 }, sameRecordRows: { identical: 0, different: 1 }, problems: [pair], rowsToWrite: 2, amountToWrite: [{ currency: 'USD', amount: '115.50' }] });
    expect(result).toMatchObject({ status: 'committed', counts: { created: 2, updated: 0, error: 1 }, rowsWritten: 2, amountWritten: [{ currency: 'USD', amount: '115.50' }], problems: [pair] });
    // The first row's amount stands; nothing was replaced.
    expect(finalSells(ctx)).toEqual([
      { license_reference: 'XSP12345', resource_name: 'Office 365 E3', billing_period: '2026-11-01', final_sell_micros: 120_500_000 },
      { license_reference: 'XSP12345', resource_name: 'Teams Rooms', billing_period: '2026-11-01', final_sell_micros: -5_000_000 },
    ]);
    const outcomes = await outcomesOf(ctx, result.batchId!);
    // The stored row names the column as the file calls it (License), as the check did.
    expect(outcomes.rows.find((r) => r.rowNumber === 3)).toMatchObject({ outcome: 'error', column: 'License', externalId: 'XSP12345 / Office 365 E3 / 2026-11-01', message: pair.message });

    // Rejected: nothing written, and the pair is what the file is rejected for.
    const again = setup();
    const rejected = await checkAndCommit(again, 'billing', lines, { mapping: billingMapping, onError: 'reject' });
    expect(rejected.result).toMatchObject({ status: 'rejected', rowsWritten: 0, amountWritten: [], problems: [pair] });
    expect(finalSells(again)).toEqual([]);
  });

  it('identical rows: the second is skipped_duplicate of the first row’s record, and listed by the check', async () => {
    const ctx = setup();
    const lines = [BILLING, 'XSP12345,Office 365 E3,,2026-11,120.50,100.00', 'XSP12345,Office 365 E3,,2026-11,120.5,100'];
    const { check, result } = await checkAndCommit(ctx, 'billing', lines, { mapping: billingMapping });
    const listed = { rowNumber: 3, column: null, message: 'same record as row 2, with the same values (skipped)', outcome: 'skipped_duplicate', sameAsRow: 2 };
    expect(check).toMatchObject({ counts: { created: 1, skipped_duplicate: 1 }, sameRecordRows: { identical: 1, different: 0 }, problems: [listed] });
    expect(result).toMatchObject({ counts: { created: 1, skipped_duplicate: 1 }, rowsWritten: 1, amountWritten: [{ currency: 'USD', amount: '120.50' }] });
    const rows = (await outcomesOf(ctx, result.batchId!)).rows;
    expect(rows.find((r) => r.rowNumber === 3)).toMatchObject({ outcome: 'skipped_duplicate', recordId: null, matchingId: rows[0].recordId, message: listed.message });
  });

  it('one record named two ways (by uuid, in capitals, and by name) is still one record', async () => {
    const ctx = setup();
    ctx.workspace.db
      .prepare(
        `INSERT INTO consumption_records (org_id, license_reference, resource_uuid, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
         VALUES (?, 'XSP12345', ?, 'vm-web-1', '2026-10-01', 120000000, 90000000, 'x', 'x')`,
      )
      .run(ORG, VM);
    const lines = [BILLING, `XSP12345,,${VM.toUpperCase()},2026-10,121.50,91.00`, 'XSP12345,vm-web-1,,2026-10-01,130.00,91.00'];
    const { result } = await checkAndCommit(ctx, 'billing', lines, { mapping: billingMapping });
    expect(result).toMatchObject({ counts: { updated: 1, error: 1 }, rowsWritten: 1, amountWritten: [{ currency: 'USD', amount: '121.50' }] });
    expect(result.problems).toEqual([{ rowNumber: 3, column: 'License', message: expect.stringMatching(/^same record as row 2, with a different Sell;/), sameAsRow: 2 }]);
    expect(finalSells(ctx)).toEqual([{ license_reference: 'XSP12345', resource_name: 'vm-web-1', billing_period: '2026-10-01', final_sell_micros: 121_500_000 }]);
  });

  it('rows of a finalized month are blocked each on its own; a row whose key cannot be read is an error on that column', async () => {
    const ctx = setup();
    const lines = [BILLING, `XSP12345,Office 365 E3,,${CLOSED},120.50,100.00`, `XSP12345,Office 365 E3,,${CLOSED},121.00,100.00`, ',Office 365 E3,,2026-11,1.00,1.00'];
    const { result } = await checkAndCommit(ctx, 'billing', lines, { mapping: billingMapping });
    expect(result.counts).toMatchObject({ blocked_locked_period: 2, error: 1, created: 0 });
    expect(result.problems[2]).toEqual({ rowNumber: 4, column: 'License', message: 'License: is required: it is part of the key that matches a consumption record' });
  });
});

describe('the same external_id twice in a payee or product file', () => {
  it('payees: identical rows skip, different ones are errors naming the first row; rows without external_id stay apart', async () => {
    const ctx = setup();
    const lines = [
      'external_id,name,email',
      'pe_9,Cleo Books,cleo@example.com',
      'pe_9,Cleo Books,cleo@example.com',
      'pe_1,Ada Books Ltd,',
      'pe_1,Ada Publishing,',
      ',No Key,',
      ',No Key,',
    ];
    const { check, result } = await checkAndCommit(ctx, 'payees', lines);
    expect(result).toMatchObject({ counts: { created: 3, updated: 1, skipped_duplicate: 1, error: 1 }, sameRecordRows: { identical: 1, different: 1 }, rowsWritten: 4 });
    expect(check.problems).toEqual([
      { rowNumber: 3, column: null, message: 'same record as row 2, with the same values (skipped)', outcome: 'skipped_duplicate', sameAsRow: 2 },
      { rowNumber: 5, column: 'external_id', message: 'same record as row 4, with a different name; a file writes each record once, so keep one of the two', sameAsRow: 4 },
    ]);
    // pe_1 existed before the file: row 4 updated it, row 5 did not overwrite row 4.
    expect(ctx.workspace.db.prepare("SELECT name FROM payees WHERE external_id = 'pe_1'").pluck().get()).toBe('Ada Books Ltd');
    expect(ctx.workspace.db.prepare("SELECT count(*) FROM payees WHERE name = 'No Key'").pluck().get()).toBe(2);
  });

  it('products: tags written two ways are the same values; another category is an error', async () => {
    const ctx = setup();
    const lines = ['external_id,name,category,tags', 'pr_7,Atlas,Maps,"paper;a5"', 'pr_7,Atlas,Maps,"paper, a5"', 'pr_7,Atlas,Globes,'];
    const { result } = await checkAndCommit(ctx, 'products', lines);
    expect(result).toMatchObject({ counts: { created: 1, skipped_duplicate: 1, error: 1 }, rowsWritten: 1, amountWritten: [] });
    expect(result.problems.map((p) => [p.rowNumber, p.outcome ?? 'error', p.message])).toEqual([
      [3, 'skipped_duplicate', 'same record as row 2, with the same values (skipped)'],
      [4, 'error', 'same record as row 2, with a different category; a file writes each record once, so keep one of the two'],
    ]);
    expect(ctx.workspace.db.prepare('SELECT category, tags FROM products WHERE external_id = ?').get('pr_7')).toEqual({ category: 'Maps', tags: '["paper","a5"]' });
  });
});

describe('the same external_id twice in a revenue file', () => {
  const HEADER = 'external_id,kind,occurred_at,amount,currency,description';

  it('create_only: identical rows skip naming the first, another amount is an error; the first row’s values are kept', async () => {
    const ctx = setup();
    const lines = [HEADER, 'o_1,sale,2026-10-05,10.00,USD,x', 'o_2,sale,2026-10-05,3.00,EUR,y', 'o_1,sale,2026-10-05,10.00,USD,x', 'o_1,sale,2026-10-05,11.00,USD,x'];
    const { result } = await checkAndCommit(ctx, 'revenues', lines, { operation: 'create_only' });
    expect(result).toMatchObject({
      counts: { created: 2, skipped_duplicate: 1, error: 1 },
      rowsWritten: 2,
      amountWritten: [
        { currency: 'EUR', amount: '3.00' },
        { currency: 'USD', amount: '10.00' },
      ],
    });
    expect(result.problems).toEqual([
      { rowNumber: 4, column: null, message: 'same record as row 2, with the same values (skipped)', outcome: 'skipped_duplicate', sameAsRow: 2 },
      { rowNumber: 5, column: 'external_id', message: 'same record as row 2, with a different amount; a file writes each record once, so keep one of the two', sameAsRow: 2 },
    ]);
    expect(ctx.workspace.db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'o_1'").pluck().get()).toBe(10_000_000);
  });

  it('create_or_update: a record the file updates twice is updated once; a record blocked by a finalized month is not written by a later row', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    db.prepare(
      "INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at) VALUES (?, 'r_old', 'sale', '2026-10-01T00:00:00Z', '2026-10', 5000000, 'USD', 'x', 'x')",
    ).run(ORG);
    const lines = [
      HEADER,
      'r_old,sale,2026-10-01,6.00,USD,',
      'r_old,sale,2026-10-01,7.00,USD,',
      `r_new,sale,${CLOSED}-30,1.00,USD,`,
      'r_new,sale,2026-10-02,1.00,USD,',
      'r_new,sale,2026-10-03,1.00,USD,',
    ];
    const { result } = await checkAndCommit(ctx, 'revenues', lines, { operation: 'create_or_update' });
    expect(result).toMatchObject({ counts: { updated: 1, blocked_locked_period: 1, error: 3, created: 0 }, rowsWritten: 1, amountWritten: [{ currency: 'USD', amount: '6.00' }] });
    expect(result.problems).toEqual([
      { rowNumber: 3, column: 'external_id', message: 'same record as row 2, with a different amount; a file writes each record once, so keep one of the two', sameAsRow: 2 },
      { rowNumber: 4, column: 'occurred_at', message: lockedMonthMessage(CLOSED), outcome: 'blocked_locked_period' },
      { rowNumber: 5, column: 'external_id', message: 'same record as row 4, which was not written because its month is locked; a file writes each record once, so keep one of the two', sameAsRow: 4 },
      { rowNumber: 6, column: 'external_id', message: expect.stringMatching(/^same record as row 4, which was not written because its month is locked/), sameAsRow: 4 },
    ]);
    expect(db.prepare('SELECT external_id, amount_micros FROM revenues ORDER BY id').all()).toEqual([{ external_id: 'r_old', amount_micros: 6_000_000 }]);
  });
});

describe('the same record twice in one batch call', () => {
  it('names the earlier record by its index, for revenues, payees and products', async () => {
    const { core, workspace } = setup();
    const revenues = await ok<BatchResponse>(core, 'revenues.batch', {
      orgId: ORG,
      operation: 'create_or_update',
      records: [
        { external_id: 'b_1', occurred_at: '2026-10-05', amount: '4.00', currency: 'USD' },
        { external_id: 'b_1', occurred_at: '2026-10-05', amount: '4.00', currency: 'USD' },
        { external_id: 'b_1', occurred_at: '2026-10-05', amount: '5.00', currency: 'CHF' },
      ],
    });
    expect(revenues.data.slice(1)).toEqual([
      { index: 1, status: 'skipped_duplicate', external_id: 'b_1', existing_id: revenues.data[0].id, same_as_index: 0, message: 'same record as record 0, with the same values (skipped)' },
      {
        index: 2,
        status: 'error',
        external_id: 'b_1',
        same_as_index: 0,
        error: { field: 'external_id', message: 'same record as record 0, with a different amount and currency; a batch writes each record once, so keep one of the two' },
      },
    ]);
    await expectTotalsTieOut(core, workspace.db, revenues.meta.batch_id!);

    const payees = await ok<BatchResponse>(core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_1', name: 'A' }, { external_id: 'pe_1', name: 'B' }] });
    expect(payees.data.map((r) => [r.status, r.same_as_index, r.error?.message])).toEqual([
      ['updated', undefined, undefined],
      ['error', 0, 'same record as record 0, with a different name; a batch writes each record once, so keep one of the two'],
    ]);
    await expectTotalsTieOut(core, workspace.db, payees.meta.batch_id!);
    const products = await ok<BatchResponse>(core, 'products.batch', { orgId: ORG, records: [{ external_id: 'pq', name: 'A' }, { external_id: 'pq', name: 'A', archived: false }] });
    expect(products.data.map((r) => r.status)).toEqual(['created', 'skipped_duplicate']);
    await expectTotalsTieOut(core, workspace.db, products.meta.batch_id!);
  });

  it('a rejected batch says what would have happened, with no id of a record never written', async () => {
    const { core, workspace } = setup();
    const before = digest(workspace.db, RECORD_TABLES);
    const result = await call(core, 'payees.batch', {
      orgId: ORG,
      onError: 'reject',
      records: [
        { external_id: 'pe_new', name: 'New' },
        { external_id: 'pe_new', name: 'New' },
        { external_id: 'pe_1', name: 'Renamed' },
        { external_id: 'pe_1' },
        { external_id: 'pe_bad', name: 'Bad', email: 'nope' },
      ],
    });
    if (result.ok) throw new Error('the batch was not rejected');
    expect(result.error).toMatchObject({ code: 'batch_rejected', message: expect.stringMatching(/nothing was written: 1 of 5 records were refused/) });
    const pe1 = workspace.db.prepare("SELECT id FROM payees WHERE external_id = 'pe_1'").pluck().get();
    expect((result.error.detail as RejectedBatchDetail).results).toEqual([
      { index: 0, status: 'would_create', external_id: 'pe_new' },
      { index: 1, status: 'skipped_duplicate', external_id: 'pe_new', same_as_index: 0, message: 'same record as record 0, with the same values (skipped)' },
      { index: 2, status: 'would_update', external_id: 'pe_1', existing_id: pe1, changes: ['name'] },
      { index: 3, status: 'skipped_duplicate', external_id: 'pe_1', existing_id: pe1, same_as_index: 2, message: 'same record as record 2, with the same values (skipped)' },
      { index: 4, status: 'error', external_id: 'pe_bad', error: { field: 'email', message: expect.stringMatching(/^email: "nope" is not an email address/) } },
    ]);
    expect(digest(workspace.db, RECORD_TABLES)).toBe(before);
  });

  it('a rejected file’s kept rows name no record it never wrote', async () => {
    const ctx = setup();
    const lines = ['external_id,name,email', 'pe_new,New,', 'pe_new,New,', 'pe_bad,Bad,nope'];
    const { result } = await checkAndCommit(ctx, 'payees', lines, { onError: 'reject' });
    expect(result).toMatchObject({ status: 'rejected', counts: { created: 1, skipped_duplicate: 1, error: 1 }, sameRecordRows: { identical: 1, different: 0 } });
    const rows = (await outcomesOf(ctx, result.batchId!)).rows;
    expect(rows.map((r) => [r.rowNumber, r.outcome, r.recordId, r.matchingId])).toEqual([
      [3, 'skipped_duplicate', null, null],
      [4, 'error', null, null],
    ]);
  });
});
