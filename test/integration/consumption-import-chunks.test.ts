import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { CONSUMPTION_CHUNK_ROWS } from '../../src/main/imports/records/consumption-inserts';
import { CONSUMPTION_BULK_ROWS as BULK_ROWS } from '../../src/main/imports/records/consumption-bulk-load';
import { call, consumptionWorkspace, estimate, ok, OPEN, ORG } from './consumption-support';

// New consumption records go in CONSUMPTION_CHUNK_ROWS at a time, and rows of a month that
// held no record are created without a lookup: these tests pin that the outcomes, ids,
// counts and undo are what one row at a time gave.

const SEPTEMBER = '2026-09';
const rowOf = (i: number, extra: Record<string, unknown> = {}) => ({
  license_reference: `XSP${i % 7}`,
  resource_name: `vm-${i}`,
  billing_period: OPEN,
  consumed_sell: `${i}.25`,
  consumed_buy: `${i}.00`,
  ...extra,
});
const records = (n: number, extra: (i: number) => Record<string, unknown> = () => ({})) => Array.from({ length: n }, (_, i) => rowOf(i, extra(i)));

function countsKept(db: ReturnType<typeof consumptionWorkspace>['workspace']['db']) {
  const kept = db.prepare('SELECT org_id, billing_period, is_finalized, is_reconciled, records FROM consumption_record_counts WHERE records > 0 ORDER BY 1, 2, 3, 4').all();
  const actual = db.prepare('SELECT org_id, billing_period, is_finalized, is_reconciled, count(*) AS records FROM consumption_records GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4').all();
  return { kept, actual };
}

describe('consumption import in chunks', () => {
  it('a row refused in the middle of a chunk names its row; the rows around it are created, ids in row order', async () => {
    const { core, workspace } = consumptionWorkspace();
    const n = 2 * CONSUMPTION_CHUNK_ROWS + 5;
    const bad = CONSUMPTION_CHUNK_ROWS + 7;
    const res = await ok<BatchResponse>(core, 'consumption.batch', { orgId: ORG, records: records(n, (i) => (i === bad ? { consumed_sell: '-3.00' } : {})) });
    expect(res.meta).toMatchObject({ created: n - 1, error: 1, rows_written: n - 1 });
    expect(res.data[bad]).toMatchObject({ index: bad, status: 'error', error: { field: 'consumed_sell' } });
    expect(res.data[bad].error!.message).toMatch(/negative/);
    const ids = res.data.filter((r) => r.status === 'created').map((r) => r.id!);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const stored = workspace.db.prepare('SELECT id, resource_name, source_row FROM consumption_records ORDER BY id').all() as Array<{ id: number; resource_name: string }>;
    expect(stored.map((r) => r.id)).toEqual(ids);
    expect(stored.map((r) => r.resource_name)).toEqual(records(n).filter((_, i) => i !== bad).map((r) => r.resource_name));
    const { kept, actual } = countsKept(workspace.db);
    expect(kept).toEqual(actual);
  });

  it('a row the workspace itself refuses inside a chunk is refused alone, by its row; the chunk\'s other rows are created', async () => {
    const { core, workspace } = consumptionWorkspace();
    // A rule only the database knows: the chunk's statement fails, so its rows go in one by one.
    workspace.db.exec("CREATE TRIGGER test_refuse BEFORE INSERT ON consumption_records WHEN NEW.resource_name = 'vm-13' BEGIN SELECT RAISE(ABORT, 'vm-13 is refused'); END");
    const res = await ok<BatchResponse>(core, 'consumption.batch', { orgId: ORG, records: records(CONSUMPTION_CHUNK_ROWS + 3) });
    expect(res.meta).toMatchObject({ created: CONSUMPTION_CHUNK_ROWS + 2, error: 1 });
    expect(res.data[13]).toMatchObject({ status: 'error' });
    expect(res.data[13].error!.message).toMatch(/refused/);
    expect(res.data.filter((r) => r.status === 'created').map((r) => r.index)).toEqual(records(CONSUMPTION_CHUNK_ROWS + 3).map((_, i) => i).filter((i) => i !== 13));
    expect(workspace.db.prepare("SELECT count(*) FROM consumption_records WHERE resource_name = 'vm-13'").pluck().get()).toBe(0);
  });

  it('a later row naming a record an earlier row of the same chunk created (by uuid, by name) is never written twice', async () => {
    const { core, workspace } = consumptionWorkspace();
    const uuid = '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e03';
    const rows: Array<Record<string, unknown>> = records(10, (i) => (i === 2 ? { resource_uuid: uuid } : {}));
    rows.push({ ...rows[2] }); // the same values: skipped, same as index 2
    rows.push({ ...rows[4], resource_uuid: '2d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e04', consumed_sell: '99.00' }); // another uuid, the same name: matched by name, different: refused
    rows.push({ ...rows[6], consumed_sell: '7.00' }); // the same name: refused
    const res = await ok<BatchResponse>(core, 'consumption.batch', { orgId: ORG, records: rows });
    expect(res.meta).toMatchObject({ created: 10, skipped_duplicate: 1, error: 2 });
    expect(res.data[10]).toMatchObject({ status: 'skipped_duplicate', same_as_index: 2 });
    expect(res.data[11]).toMatchObject({ status: 'error', same_as_index: 4 });
    expect(res.data[12]).toMatchObject({ status: 'error', same_as_index: 6 });
    expect(workspace.db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(10);
  });

  it('a month that already holds records is matched row by row: updated, unchanged and created as before', async () => {
    const { core, workspace } = consumptionWorkspace();
    await estimate(core, [{ license: 'XSP1', resource: 'vm-1', period: SEPTEMBER, sell: '1.25', buy: '1.00' }]);
    const res = await ok<BatchResponse>(core, 'consumption.batch', {
      orgId: ORG,
      records: [rowOf(1, { billing_period: SEPTEMBER }), rowOf(2, { billing_period: SEPTEMBER }), rowOf(1, { billing_period: OPEN }), rowOf(1, { billing_period: SEPTEMBER })],
    });
    expect(res.data.map((r) => r.status)).toEqual(['unchanged', 'created', 'created', 'skipped_duplicate']);
    expect(res.data[3]).toMatchObject({ same_as_index: 0 });
    expect(workspace.db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(3);
  });

  it('a file of several chunks: undo removes exactly its records, and the same file again answers unchanged', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    const n = 3 * CONSUMPTION_CHUNK_ROWS + 11;
    const path = join(dir, 'consumption.csv');
    const header = 'license_reference,resource_uuid,resource_name,billing_period,consumed_sell,consumed_buy,customer_name';
    const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    writeFileSync(path, [header, ...Array.from({ length: n }, (_, i) => `XSP${i % 5},${uuid(i)},vm-${i},${i % 2 ? OPEN : SEPTEMBER},${i}.10,${i}.05,Customer ${i % 3}`)].join('\n') + '\n');
    const commit = () => ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping: { numberConvention: 'dot', columns: Object.fromEntries(header.split(',').map((f) => [f, f])) } });
    const first = await commit();
    expect(first).toMatchObject({ status: 'committed', counts: { created: n, error: 0 }, rowsWritten: n });
    const stored = workspace.db.prepare('SELECT source_row, resource_uuid, consumed_sell_micros FROM consumption_records ORDER BY id').all();
    expect(stored).toEqual(Array.from({ length: n }, (_, i) => ({ source_row: i + 2, resource_uuid: uuid(i), consumed_sell_micros: i * 1_000_000 + 100_000 })));
    const again = await commit();
    expect(again.counts).toMatchObject({ unchanged: n, created: 0, updated: 0, error: 0 });
    const { kept, actual } = countsKept(workspace.db);
    expect(kept).toEqual(actual);
    const undone = await ok<{ removed: number }>(core, 'imports.undo', { batchId: first.batchId });
    expect(undone.removed).toBe(n);
    expect(workspace.db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(0);
    expect(countsKept(workspace.db).kept).toEqual([]);
  });

  it('with onError reject, one refused row in a later chunk leaves nothing written', async () => {
    const { core, workspace } = consumptionWorkspace();
    const result = await call(core, 'consumption.batch', { orgId: ORG, onError: 'reject', records: records(2 * CONSUMPTION_CHUNK_ROWS + 1, (i) => (i === 2 * CONSUMPTION_CHUNK_ROWS ? { consumed_buy: 'abc' } : {})) });
    expect(result.ok).toBe(false);
    expect(workspace.db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(0);
    expect(countsKept(workspace.db).kept).toEqual([]);
  });
});

describe('a bulk consumption batch (the uuid index and the count trigger put off until COMMIT)', () => {
  const schema = (db: ReturnType<typeof consumptionWorkspace>['workspace']['db']) =>
    db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name IN ('consumption_records_uuid', 'consumption_records_match', 'consumption_record_counts_insert') ORDER BY name").all();

  it('creates the records, keeps uuids unique, the per-month counts right and the schema as it was; undo takes them all back', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    const db = workspace.db;
    await estimate(core, [{ license: 'OLD', resource: 'vm-0', period: OPEN, sell: '1.00', buy: '0.50' }]);
    const before = schema(db);
    const n = BULK_ROWS + 25;
    const path = join(dir, 'bulk.csv');
    const header = 'license_reference,resource_name,billing_period,consumed_sell,consumed_buy';
    // Two months, one of them already holding a record (matched row by row), and a row repeating an earlier one.
    const lines = Array.from({ length: n }, (_, i) => `L${i % 50},r-${i},${i % 3 ? OPEN : SEPTEMBER},${i % 1000}.01,1.00`);
    lines.push(`L7,r-7,${OPEN},7.01,1.00`);
    writeFileSync(path, [header, ...lines].join('\n') + '\n');
    const mapping = { numberConvention: 'dot', columns: Object.fromEntries(header.split(',').map((f) => [f, f])) };
    const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping });
    expect(result.counts).toMatchObject({ created: n, skipped_duplicate: 1, error: 0 });
    expect(schema(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) = count(DISTINCT uuid) AND min(length(uuid)) = 36 FROM consumption_records').pluck().get()).toBe(1);
    const { kept, actual } = countsKept(db);
    expect(kept).toEqual(actual);
    expect(actual).toHaveLength(2);
    // The counts trigger is back: a record written after the batch is counted.
    await estimate(core, [{ license: 'NEW', resource: 'vm-1', period: OPEN, sell: '1.00', buy: '0.50' }]);
    expect(countsKept(db).kept).toEqual(countsKept(db).actual);
    await ok(core, 'imports.undo', { batchId: result.batchId });
    expect(db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(2);
    expect(countsKept(db).kept).toEqual(countsKept(db).actual);
  });

  it('a check of a bulk file writes nothing and leaves the schema as it was', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    const db = workspace.db;
    const before = schema(db);
    expect(before).toHaveLength(3);
    const path = join(dir, 'bulk.csv');
    const header = 'license_reference,resource_name,billing_period,consumed_sell,consumed_buy';
    writeFileSync(path, [header, ...Array.from({ length: BULK_ROWS + 5 }, (_, i) => `L${i % 50},r-${i},${OPEN},1.00,0.50`)].join('\n') + '\n');
    const mapping = { numberConvention: 'dot', columns: Object.fromEntries(header.split(',').map((f) => [f, f])) };
    const check = await ok<{ counts: { created: number } }>(core, 'imports.check', { orgId: ORG, entity: 'consumption', path, mapping });
    expect(check.counts.created).toBe(BULK_ROWS + 5);
    expect(schema(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(0);
    expect(countsKept(db).kept).toEqual([]);
  });
});

describe('a bulk consumption batch into months that held no record (the match index put off too)', () => {
  const JULY = '2026-07';
  const uuidOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const header = 'license_reference,resource_uuid,resource_name,billing_period,consumed_sell,consumed_buy';
  const line = (i: number, over: Partial<Record<'license' | 'uuid' | 'name' | 'month' | 'sell', string>> = {}) =>
    [over.license ?? `L${i % 40}`, over.uuid ?? (i % 3 === 0 ? uuidOf(i) : ''), over.name ?? `r-${i}`, over.month ?? (i % 2 ? OPEN : SEPTEMBER), over.sell ?? `${i % 1000}.01`, '1.00'].join(',');
  const mapping = { numberConvention: 'dot', columns: Object.fromEntries(header.split(',').map((f) => [f, f])) };

  it('rows naming a record the batch created after the drop are matched as with the index; a month with records brings the index back', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    const db = workspace.db;
    await estimate(core, [{ license: 'OLD', resource: 'vm-0', period: JULY, sell: '1.00', buy: '1.00' }]);
    const indexBefore = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'consumption_records_match'").pluck().get();
    // n - 12 a multiple of 3, whatever BULK_ROWS is.
    const n = BULK_ROWS + 40 + ((3 - ((BULK_ROWS + 28) % 3)) % 3);
    const lines = Array.from({ length: n }, (_, i) => line(i));
    const late = n - 12; // rows created after the drop; late % 3 === 0: rows late, late + 3, … carry a uuid
    expect(late % 3).toBe(0);
    lines.push(
      line(late + 1), // the same row again: skipped, same record as row late+1
      line(late + 2, { uuid: uuidOf(999_999), sell: '5.00' }), // another uuid, the same name (license, month): that record, other values: refused
      line(late + 3, { name: 'other-name' }), // its uuid: that record, another name: refused
      line(late + 6, { uuid: '' }), // by name alone, same values: skipped
      `OLD,,vm-0,${JULY},2.00,1.00`, // a month with records: the index comes back, the record is updated
      line(late + 7), // found by the index again: skipped
      line(n + 5), // a new record after all that
    );
    const path = join(dir, 'bulk-empty.csv');
    writeFileSync(path, [header, ...lines].join('\n') + '\n');
    const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping, onError: 'skip' });
    expect(result.counts).toMatchObject({ created: n + 1, updated: 1, skipped_duplicate: 3, error: 2 });
    const rowOfLine = (k: number) => k + 2; // header is row 1
    const problems = new Map(result.problems.map((p) => [p.rowNumber, p]));
    expect(problems.get(rowOfLine(n))).toMatchObject({ outcome: 'skipped_duplicate', sameAsRow: rowOfLine(late + 1) });
    expect(problems.get(rowOfLine(n + 1))).toMatchObject({ sameAsRow: rowOfLine(late + 2) });
    expect(problems.get(rowOfLine(n + 1))!.outcome).toBeUndefined();
    expect(problems.get(rowOfLine(n + 2))).toMatchObject({ sameAsRow: rowOfLine(late + 3) });
    expect(problems.get(rowOfLine(n + 3))).toMatchObject({ outcome: 'skipped_duplicate', sameAsRow: rowOfLine(late + 6) });
    expect(problems.get(rowOfLine(n + 5))).toMatchObject({ outcome: 'skipped_duplicate', sameAsRow: rowOfLine(late + 7) });
    expect(db.prepare("SELECT consumed_sell_micros FROM consumption_records WHERE license_reference = 'OLD'").pluck().get()).toBe(2_000_000);
    expect(db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(n + 2);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'consumption_records_match'").pluck().get()).toBe(indexBefore);
    expect(countsKept(db).kept).toEqual(countsKept(db).actual);
    // The same file again: every record found (by the index now), nothing written.
    const again = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping, onError: 'skip' });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: n + 2, error: 2 });
  });

  it('a bulk file of empty months only: the index is built again at COMMIT and refuses nothing; undo takes every record back', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    const db = workspace.db;
    const n = BULK_ROWS + 100;
    const lines = Array.from({ length: n }, (_, i) => line(i));
    lines.push(line(BULK_ROWS + 50, { sell: '1.23' })); // names a record created after the drop, other values: refused
    const path = join(dir, 'bulk-only-empty.csv');
    writeFileSync(path, [header, ...lines].join('\n') + '\n');
    const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping, onError: 'skip' });
    expect(result.counts).toMatchObject({ created: n, error: 1 });
    expect(result.problems[0]).toMatchObject({ rowNumber: n + 2, sameAsRow: BULK_ROWS + 52 });
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('consumption_records_match', 'consumption_records_uuid')").pluck().get()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM (SELECT 1 FROM consumption_records GROUP BY org_id, license_reference, resource_key, billing_period HAVING count(*) > 1)').pluck().get()).toBe(0);
    await ok(core, 'imports.undo', { batchId: result.batchId });
    expect(db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(0);
    expect(countsKept(db).kept).toEqual([]);
  });
});
