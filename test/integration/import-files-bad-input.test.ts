import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import type { ApiError } from '../../src/shared/errors';
import { call, digest, fails, ok, ORG, REVENUE_HEADER, setup, writeCsv } from './import-files-support';

const run = (path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity: 'revenues', path, ...extra });
const GOOD_ROW = 'ok1,sale,2026-10-05,10.00,USD,fine';

/** Inspect and commit both refuse the file with this code; the workspace is unchanged. */
async function refused(path: string, code: string, extra: Record<string, unknown> = {}): Promise<ApiError> {
  const { core, workspace } = ctx!;
  const before = digest(workspace.db);
  const inspected = await fails(core, 'imports.inspect', run(path, extra));
  const committed = await fails(core, 'imports.commit', run(path, extra));
  expect(inspected.code).toBe(code);
  expect(committed).toMatchObject({ code, message: inspected.message });
  expect(digest(workspace.db)).toBe(before);
  expect(workspace.db.inTransaction).toBe(false);
  return committed;
}

let ctx: ReturnType<typeof setup> | undefined;

describe('bad input: a clear error and the workspace unchanged', () => {
  it('an empty file, a header-only file, a binary file renamed .csv', async () => {
    ctx = setup();
    const { dir } = ctx;
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await refused(empty, 'empty_file')).message).toBe('empty.csv cannot be imported: The file is empty. Nothing was imported.');
    expect((await refused(writeCsv(dir, 'header.csv', [REVENUE_HEADER]), 'header_only')).message).toMatch(/header row but no data rows/);
    const png = join(dir, 'photo.csv');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(200, 7)]));
    expect((await refused(png, 'binary_file')).message).toMatch(/binary file, not CSV/);
    const xlsx = join(dir, 'book.csv');
    writeFileSync(xlsx, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]));
    expect((await refused(xlsx, 'binary_file')).message).toMatch(/Excel workbook/);
  });

  it('ragged rows, an unterminated quote and a stray quote, each with its row number', async () => {
    ctx = setup();
    const { dir } = ctx;
    const ragged = await refused(writeCsv(dir, 'ragged.csv', [REVENUE_HEADER, GOOD_ROW, 'r2,sale,2026-10-05,1.00,USD', GOOD_ROW.replace('ok1', 'ok3')]), 'ragged_row');
    expect(ragged).toMatchObject({ type: 'validation_error', detail: { row: 3, file: 'ragged.csv' } });
    expect(ragged.message).toMatch(/Row 3 has 5 cells, but the header has 6 columns/);
    const unterminated = await refused(writeCsv(dir, 'open-quote.csv', [REVENUE_HEADER, GOOD_ROW, 'r2,sale,2026-10-05,1.00,USD,"never closed', GOOD_ROW]), 'unterminated_quote');
    expect(unterminated).toMatchObject({ detail: { row: 3, column: 6 } });
    const stray = await refused(writeCsv(dir, 'stray.csv', [REVENUE_HEADER, GOOD_ROW, 'r2,sale,2026-10-05,1.00,USD,a "quoted" word']), 'stray_quote');
    expect(stray.message).toMatch(/Row 3, column 6: a quote appears inside an unquoted field/);
  });

  it('a 200,000-character field is accepted in a column the mapping ignores, and refused by name in one it stores', async () => {
    ctx = setup();
    const { core, dir, workspace } = ctx;
    const long = 'x'.repeat(200_000);
    const notes = writeCsv(dir, 'notes.csv', [`${REVENUE_HEADER},notes`, `${GOOD_ROW},${long}`]);
    expect(await ok<ImportCommitResult>(core, 'imports.commit', run(notes))).toMatchObject({ status: 'committed', counts: { created: 1 } });
    const stored = writeCsv(dir, 'description.csv', [REVENUE_HEADER, `r2,sale,2026-10-05,1.00,USD,"${long}"`]);
    const before = digest(workspace.db, ['revenues']);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', run(stored));
    expect(result).toMatchObject({ status: 'rejected', problems: [{ rowNumber: 2, column: 'description', message: 'description: is 200000 characters long; at most 2000 are allowed' }] });
    expect(digest(workspace.db, ['revenues'])).toBe(before);
  });

  it('a file that changes while it is being read', async () => {
    ctx = setup();
    const { core, dir, workspace } = ctx;
    const rows = Array.from({ length: 60_000 }, (_, i) => `c${i},sale,2026-10-05,${i}.10,USD,row`);
    const path = writeCsv(dir, 'growing.csv', [REVENUE_HEADER, ...rows]);
    const before = digest(workspace.db);
    let appended = false;
    const result = await core.call('imports.commit', run(path), { name: 't', permissions: 'all' }, () => {
      if (appended) return;
      appended = true;
      appendFileSync(path, 'late,sale,2026-10-05,1.00,USD,written meanwhile\n');
    }).result;
    expect(result).toMatchObject({ ok: false, error: { type: 'conflict', code: 'file_changed', message: expect.stringMatching(/changed while it was being (read|imported)/) } });
    expect(digest(workspace.db)).toBe(before);
  });

  it('a full disk (SQLITE_FULL) rolls the import back and says so', async () => {
    ctx = setup();
    const { core, dir, workspace } = ctx;
    const db = workspace.db;
    const rows = Array.from({ length: 20_000 }, (_, i) => `d${i},sale,2026-10-05,${i}.10,USD,a description that takes some room on the page`);
    const path = writeCsv(dir, 'big.csv', [REVENUE_HEADER, ...rows]);
    const before = digest(db);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 20}`);
    try {
      const error = await fails(core, 'imports.commit', run(path));
      expect(error).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/disk holding the workspace is full: the import of big\.csv was rolled back/) });
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    expect(db.inTransaction).toBe(false);
    expect(digest(db)).toBe(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await ok<ImportCommitResult>(core, 'imports.commit', run(path))).toMatchObject({ counts: { created: 20_000 } });
  });

  it('an unknown profile, an unknown org, a file that is not there', async () => {
    ctx = setup();
    const { core, dir } = ctx;
    const path = writeCsv(dir, 'fine.csv', [REVENUE_HEADER, GOOD_ROW]);
    expect(await fails(core, 'imports.commit', run(path, { profile: 'Nope' }))).toMatchObject({ type: 'not_found', code: 'profile_not_found', message: expect.stringContaining('"Nope"') });
    expect(await fails(core, 'imports.commit', { ...run(path), orgId: 'nobody' })).toMatchObject({ type: 'not_found' });
    expect(await fails(core, 'imports.inspect', run(join(dir, 'missing.csv')))).toMatchObject({ code: 'unreadable_file', message: expect.stringContaining('ENOENT') });
    expect(await fails(core, 'imports.commit', run(path, { profile: 'Shopify orders export', entity: 'payees' }))).toMatchObject({ code: 'profile_entity_mismatch' });
  });

  it('a mapping that misses a required field names the field; one naming a column the file lacks names the column', async () => {
    ctx = setup();
    const { core, dir, workspace } = ctx;
    const path = writeCsv(dir, 'fine.csv', [REVENUE_HEADER, GOOD_ROW]);
    const before = digest(workspace.db);
    const missing = await fails(core, 'imports.commit', run(path, { mapping: { columns: { occurred_at: 'occurred_at', amount: 'amount', kind: 'kind' } } }));
    expect(missing).toMatchObject({ type: 'validation_error', code: 'invalid_mapping', detail: { issues: [{ field: 'mapping.columns.currency', message: expect.stringContaining('Currency (currency) is required') }] } });
    const absent = await fails(core, 'imports.check', run(path, { mapping: { columns: { occurred_at: 'occurred_at', amount: 'Gross', kind: 'kind' }, constants: { currency: 'USD' } } }));
    expect(absent.message).toContain('mapping.columns.amount: the file has no column "Gross"');
    // A file whose guessed mapping lacks a required field says which; the wizard still sees the file to map it.
    const noCurrency = writeCsv(dir, 'no-currency.csv', ['external_id,kind,occurred_at,amount', 'n1,sale,2026-10-05,1.00']);
    expect((await fails(core, 'imports.commit', run(noCurrency))).message).toContain('Currency (currency) is required');
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(noCurrency));
    expect(inspection).toMatchObject({
      header: ['external_id', 'kind', 'occurred_at', 'amount'],
      mappingSource: 'guess',
      mappingIssues: [{ field: 'mapping.columns.currency', message: expect.stringContaining('is required') }],
      preview: [{ rowNumber: 2, record: { external_id: 'n1', kind: 'sale', occurred_at: '2026-10-05', amount: '1.00' }, problem: null }],
    });
    const wrongColumn = await ok<ImportInspection>(core, 'imports.inspect', run(noCurrency, { mapping: { ...inspection.mapping, columns: { ...inspection.mapping.columns, amount: 'Gross' }, constants: { currency: 'USD' } } }));
    expect(wrongColumn.mappingIssues).toEqual([{ field: 'mapping.columns.amount', message: expect.stringContaining('no column "Gross"') }]);
    expect(wrongColumn.preview[0].record).toEqual({ external_id: 'n1', kind: 'sale', occurred_at: '2026-10-05', currency: 'USD' });
    expect(digest(workspace.db)).toBe(before);
    expect(await call(core, 'imports.commit', run(noCurrency, { mapping: { columns: { external_id: 'external_id', kind: 'kind', occurred_at: 'occurred_at', amount: 'amount' }, constants: { currency: 'usd' } } }))).toMatchObject({
      ok: true,
      value: { counts: { created: 1 } },
    });
  });
});
