import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutcomeRow } from '../../src/shared/contract/imports';
import type { Page } from '../../src/shared/contract/grid';
import { openWorkspace } from '../../src/main/db/workspace';
import { startImportBatch, type ImportBatchMeta } from '../../src/main/imports/records/import-batch';
import { tempWorkspace } from '../support/temp-workspace';
import { call, CLOSED, digest, ok, ORG, sale, seedOrg } from './imports-records-support';

function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

const FILE: ImportBatchMeta = { orgId: ORG, entity: 'revenues', source: 'file', operation: 'create_only', fileName: 'october.csv', fileSize: 1234, sha256: 'ab'.repeat(32), profile: 'Stripe' };

/** Rows as a file mapping hands them over: row numbers from 2 (after the header). */
function fileRows(count: number, withoutExternalIdEvery = 3) {
  return Array.from({ length: count }, (_, i) => ({
    rowNumber: i + 2,
    record: sale(i % withoutExternalIdEvery === 0 ? null : `ch_${i}`, `${i + 1}.10`, { quantity: String((i % 4) + 1) }),
  }));
}

describe('the import writer, as the file import uses it', () => {
  it('re-importing the same file creates nothing, rows without external_id included, and says so', async () => {
    const { core, workspace } = setup();
    const db = workspace.db;
    const first = startImportBatch(db, FILE);
    first.write(fileRows(300));
    const one = first.finish({ onError: 'reject' });
    expect(one).toMatchObject({ status: 'committed', totalRows: 300, counts: { created: 300 }, rowsWritten: 300, sameFileBatchId: null });
    const before = digest(db);
    const second = startImportBatch(db, FILE);
    expect(second.sameFileBatchId).toBe(one.batchId);
    second.write(fileRows(300));
    const two = second.finish({ onError: 'reject' });
    expect(two).toMatchObject({ status: 'committed', counts: { created: 0, skipped_duplicate: 300 }, rowsWritten: 0, amountWritten: [] });
    expect(digest(db)).toBe(before);
    // 300 consecutive matches are stored as one run, and listed row by row.
    expect(db.prepare('SELECT count(*) FROM import_outcomes WHERE batch_id = ?').pluck().get(two.batchId)).toBe(1);
    const page = await ok<Page<OutcomeRow>>(core, 'imports.outcomes', { batchId: two.batchId, startRow: 100, endRow: 103 });
    expect(page.rowCount).toBe(300);
    expect(page.rows).toEqual([
      expect.objectContaining({ rowNumber: 102, outcome: 'skipped_duplicate', matchingId: 101, externalId: 'ch_100' }),
      expect.objectContaining({ rowNumber: 103, outcome: 'skipped_duplicate', matchingId: 102, externalId: 'ch_101' }),
      expect.objectContaining({ rowNumber: 104, outcome: 'skipped_duplicate', matchingId: 103, externalId: null }),
    ]);
    const batch = await ok<{ sameFileBatchId: number; fileName: string; sha256: string; profile: string }>(core, 'imports.get', { batchId: two.batchId });
    expect(batch).toMatchObject({ sameFileBatchId: one.batchId, fileName: 'october.csv', sha256: FILE.sha256, profile: 'Stripe' });
  });

  it('recognises the rows of an earlier import of the file even when rows arrive out of order', () => {
    const { workspace } = setup();
    const db = workspace.db;
    const rows = fileRows(40);
    const first = startImportBatch(db, FILE);
    first.write([...rows].reverse());
    first.finish({ onError: 'reject' });
    const before = digest(db);
    const second = startImportBatch(db, FILE);
    second.write(rows.slice(20));
    second.write(rows.slice(0, 20));
    expect(second.finish({ onError: 'reject' }).counts).toMatchObject({ created: 0, skipped_duplicate: 40 });
    expect(digest(db)).toBe(before);
  });

  it('matches earlier rows of the same file by row and external_id: a different mapping creates its new records', () => {
    const { workspace } = setup();
    const db = workspace.db;
    const first = startImportBatch(db, FILE);
    first.write(fileRows(6));
    first.finish({ onError: 'reject' });
    const remapped = fileRows(6).map((r) => ({ ...r, record: { ...r.record, external_id: `other_${r.rowNumber}` } }));
    const second = startImportBatch(db, { ...FILE, operation: 'create_or_update' });
    const { rows } = second.write(remapped);
    expect(rows.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'created', 'created', 'created']);
    second.abort();
  });

  it('a large batch rebuilds the table indexes it set aside, exactly as the migrations made them', () => {
    const { workspace } = setup();
    const db = workspace.db;
    const schema = () => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
    const before = schema();
    const many = Array.from({ length: 60_000 }, (_, i) => ({ rowNumber: i + 2, record: sale(`bulk_${i}`, '1.00', { occurred_at: `2026-10-${String((i % 28) + 1).padStart(2, '0')}` }) }));
    const rejected = startImportBatch(db, FILE);
    rejected.write(many, { rows: 'problems' });
    rejected.fail(70_000, 'amount', 'bad');
    expect(rejected.finish({ onError: 'reject' }).status).toBe('rejected');
    expect(schema()).toEqual(before);
    const committed = startImportBatch(db, FILE);
    committed.write(many, { rows: 'problems' });
    expect(committed.finish({ onError: 'reject' }).counts.created).toBe(60_000);
    expect(schema()).toEqual(before);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT sum(amount_micros) FROM revenues WHERE org_id = ? AND period = '2026-10'").all(ORG) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join()).toMatch(/USING COVERING INDEX revenues_period_/);
  });

  it('a rejected file writes nothing, and its batch and refused rows are kept to show', async () => {
    const { core, workspace } = setup();
    const before = digest(workspace.db);
    const batch = startImportBatch(workspace.db, FILE);
    batch.fail(3, 'amount', 'The amount "12,5,0" is not a number.', 'ch_x');
    batch.write([...fileRows(5).filter((r) => r.rowNumber !== 3), { rowNumber: 9, record: sale('ch_old', '1', { occurred_at: `${CLOSED}-03` }) }]);
    const summary = batch.finish({ onError: 'reject' });
    expect(summary).toMatchObject({ status: 'rejected', rowsWritten: 0, counts: { created: 4, error: 1, blocked_locked_period: 1 } });
    expect(digest(workspace.db)).toBe(before);
    const outcomes = await ok<Page<OutcomeRow>>(core, 'imports.outcomes', { batchId: summary.batchId, startRow: 0, endRow: 10 });
    expect(outcomes.rows).toEqual([
      { rowNumber: 3, outcome: 'error', recordId: null, matchingId: null, externalId: 'ch_x', changes: null, column: 'amount', message: 'The amount "12,5,0" is not a number.', details: null },
      expect.objectContaining({ rowNumber: 9, outcome: 'blocked_locked_period', column: 'occurred_at' }),
    ]);
    expect(await ok(core, 'imports.get', { batchId: summary.batchId })).toMatchObject({ status: 'rejected', onError: 'reject', error: 1, rowsWritten: 0 });
    expect(await call(core, 'imports.undo', { batchId: summary.batchId })).toMatchObject({ ok: false, error: { code: 'batch_rejected' } });
  });

  it('gives each row exactly one outcome and refuses to reuse a finished batch', () => {
    const { workspace } = setup();
    const batch = startImportBatch(workspace.db, FILE);
    batch.write(fileRows(2));
    expect(() => batch.fail(2, null, 'again')).toThrow(/already has an outcome/);
    expect(workspace.db.inTransaction).toBe(false);
    expect(() => batch.finish({ onError: 'skip' })).toThrow(/rolled back/);
    expect(() => startImportBatch(workspace.db, { ...FILE, orgId: 'nope' })).toThrow(/no organization/);
  });

  it('abort() rolls everything back and records nothing', () => {
    const { workspace } = setup();
    const before = digest(workspace.db);
    const batch = startImportBatch(workspace.db, FILE);
    batch.write(fileRows(50));
    batch.abort();
    expect(digest(workspace.db)).toBe(before);
    expect(workspace.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });

  it('takes amounts already parsed to bigint micro-units', () => {
    const { workspace } = setup();
    const batch = startImportBatch(workspace.db, FILE);
    const { rows } = batch.write([{ rowNumber: 2, record: sale('ch_1', undefined, { amount: 1_234_567_891n }) }]);
    expect(rows[0]).toMatchObject({ outcome: 'created' });
    expect(batch.finish({ onError: 'reject' }).amountWritten).toEqual([{ currency: 'USD', amount: '1234.567891' }]);
  });

  it('a process killed during an import leaves the workspace exactly as before', () => {
    const { workspace, dir } = setup();
    const path = join(dir, 'test.closebook');
    const before = digest(workspace.db);
    workspace.close();
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'imports-records-crash-child.ts'), path, ORG], { encoding: 'utf8' });
    expect(child.stdout).toBe('written\n');
    expect(child.signal).toBe('SIGKILL');
    const reopened = openWorkspace(path);
    try {
      expect(digest(reopened.db)).toBe(before);
      expect(reopened.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    } finally {
      reopened.close();
    }
  });

  it('exports a batch’s outcomes to CSV with the grid’s sort and filters', async () => {
    const { core, workspace, dir } = setup();
    const batch = startImportBatch(workspace.db, FILE);
    batch.write([{ rowNumber: 2, record: sale('ch_1') }, { rowNumber: 3, record: sale('=cmd', 'x') }, { rowNumber: 4, record: sale('ch_1') }]);
    const { batchId } = batch.finish({ onError: 'skip' });
    const path = join(dir, 'outcomes.csv');
    const result = await ok<{ rowCount: number }>(core, 'imports.exportOutcomes', { batchId, path, sortModel: [{ colId: 'rowNumber', sort: 'desc' }] });
    expect(result.rowCount).toBe(3);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Row,Outcome,Record,Matching record,External ID,Changed fields,Column,Message,Details');
    expect(lines[1]).toBe('4,skipped_duplicate,,1,ch_1,,,"same record as row 2, with the same values (skipped)",');
    expect(lines[2]).toMatch(/^3,error,,,'=cmd,,amount,"amount: ""x"" is not a plain decimal.*",error · field amount$/);
    expect(lines[3]).toBe('2,created,1,,ch_1,,,,');
  });
});
