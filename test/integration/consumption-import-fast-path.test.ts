import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import { CONSUMPTION_BULK_ROWS } from '../../src/main/imports/records/consumption-bulk-load';
import { CONSUMPTION_CHUNK_ROWS } from '../../src/main/imports/records/consumption-inserts';
import { PARSE_WORKER_LIMITS, parseWorkersStarted } from '../../src/main/imports/parse-worker/parse-worker';
import { consumptionWorkspace, ok, OPEN, ORG } from './consumption-support';

// A large consumption file into months that held no record takes the fast path: no lookups
// for rows that cannot match, chunked inserts, the uuid, match and other indexes put off to
// COMMIT, and partial indexes that hold few rows kept live. What it writes, refuses, lists
// and undoes must be what the row-by-row path gave.

const SEPTEMBER = '2026-09';
const HEADER = 'license_reference,resource_uuid,resource_name,resource,billing_period,consumed_sell,consumed_buy,customer_name';
const MAPPING = { numberConvention: 'dot', columns: Object.fromEntries(HEADER.split(',').map((f) => [f, f])) };
const uuidOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
/** Row i: every 250th carries a resource (so consumption_records_resource_uri holds few rows and stays live). */
const line = (i: number) => [`L${i % 40}`, i % 2 ? uuidOf(i) : '', `r-${i}`, i % 250 === 0 ? `/subscriptions/s-${i}` : '', i % 3 ? OPEN : SEPTEMBER, `${i % 1000}.01`, '1.00', `Customer ${i % 9}`].join(',');
/** Past the bulk threshold, in the middle of a chunk. */
const MID_CHUNK = CONSUMPTION_BULK_ROWS + 3 * CONSUMPTION_CHUNK_ROWS + 7;

function counts(db: ReturnType<typeof consumptionWorkspace>['workspace']['db']) {
  const kept = db.prepare('SELECT org_id, billing_period, is_finalized, is_reconciled, records FROM consumption_record_counts WHERE records > 0 ORDER BY 1, 2, 3, 4').all();
  const actual = db.prepare('SELECT org_id, billing_period, is_finalized, is_reconciled, count(*) AS records FROM consumption_records GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4').all();
  return { kept, actual };
}
const WORKER_LIMITS = { ...PARSE_WORKER_LIMITS };
afterEach(() => Object.assign(PARSE_WORKER_LIMITS, WORKER_LIMITS));

const schemaOf = (db: ReturnType<typeof consumptionWorkspace>['workspace']['db']) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE tbl_name IN ('consumption_records', 'consumption_record_counts') ORDER BY name").all();

describe('the consumption import fast path (a bulk file into empty months)', () => {
  it('names the rows refused in the middle of a chunk (by a check and by the workspace), creates the rest in row order, keeps the schema', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    const db = workspace.db;
    const schema = schemaOf(db);
    // A rule only the database knows, met after the bulk threshold: its chunk goes in row by row.
    const refusedName = `r-${MID_CHUNK + 5}`;
    db.exec(`CREATE TRIGGER test_refuse BEFORE INSERT ON consumption_records WHEN NEW.resource_name = '${refusedName}' BEGIN SELECT RAISE(ABORT, '${refusedName} is refused'); END`);
    const n = CONSUMPTION_BULK_ROWS + 10 * CONSUMPTION_CHUNK_ROWS;
    const lines = Array.from({ length: n }, (_, i) => (i === MID_CHUNK ? line(i).replace(/,[0-9]+\.01,1\.00,/, ',-4.00,1.00,') : line(i)));
    const path = join(dir, 'fast.csv');
    writeFileSync(path, [HEADER, ...lines].join('\n') + '\n');
    const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping: MAPPING, onError: 'skip' });
    expect(result.counts).toMatchObject({ created: n - 2, error: 2 });
    const rowOf = (i: number) => i + 2; // the header is row 1
    expect(result.problems.map((p) => p.rowNumber)).toEqual([rowOf(MID_CHUNK), rowOf(MID_CHUNK + 5)]);
    expect(result.problems[0]).toMatchObject({ column: 'consumed_sell' });
    expect(result.problems[0].message).toMatch(/negative/);
    expect(result.problems[1].message).toMatch(/refused/);
    const stored = db.prepare('SELECT source_row FROM consumption_records ORDER BY id').pluck().all() as number[];
    expect(stored).toEqual(Array.from({ length: n }, (_, i) => rowOf(i)).filter((row) => row !== rowOf(MID_CHUNK) && row !== rowOf(MID_CHUNK + 5)));
    db.exec('DROP TRIGGER test_refuse');
    expect(schemaOf(db)).toEqual(schema);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts(db).kept).toEqual(counts(db).actual);
  });

  it('the partial index kept live lists the records by resource as the index built again would; the same file again answers unchanged; undo takes every record back', async () => {
    const { core, workspace, dir } = consumptionWorkspace();
    const db = workspace.db;
    const n = CONSUMPTION_BULK_ROWS + 500;
    const path = join(dir, 'fast.csv');
    writeFileSync(path, [HEADER, ...Array.from({ length: n }, (_, i) => line(i))].join('\n') + '\n');
    const first = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping: MAPPING });
    expect(first).toMatchObject({ status: 'committed', counts: { created: n, error: 0 } });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // A record with a resource, one created after the threshold: found by the resource filter (its index), with its fields.
    const late = Math.floor((CONSUMPTION_BULK_ROWS + 250) / 250) * 250;
    const listed = await ok<{ count: number; results: Array<Record<string, unknown>> }>(core, 'consumption.list', { resource: `/subscriptions/s-${late}` });
    expect(listed.count).toBe(1);
    expect(listed.results[0]).toMatchObject({ resource_name: `r-${late}`, license_reference: `L${late % 40}`, billing_period: `${late % 3 ? OPEN : SEPTEMBER}-01` });
    const byIndex = db.prepare('SELECT count(*) FROM consumption_records INDEXED BY consumption_records_resource_uri WHERE resource IS NOT NULL').pluck().get();
    expect(byIndex).toBe(Math.floor((n - 1) / 250) + 1);
    // By uuid, and by name alone, the fast path's records are found again: nothing written.
    const again = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping: MAPPING });
    expect(again.counts).toMatchObject({ unchanged: n, created: 0, updated: 0, error: 0 });
    expect(db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(n);
    expect(counts(db).kept).toEqual(counts(db).actual);
    const undone = await ok<{ removed: number }>(core, 'imports.undo', { batchId: first.batchId });
    expect(undone.removed).toBe(n);
    expect(db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM consumption_records INDEXED BY consumption_records_resource_uri WHERE resource IS NOT NULL').pluck().get()).toBe(0);
    expect(counts(db).kept).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('read on the parse worker, the file gives the same outcomes, problems and records as read in the importing thread', async () => {
    const n = CONSUMPTION_BULK_ROWS + 200;
    const lines = Array.from({ length: n }, (_, i) => (i === MID_CHUNK ? line(i).replace(/,[0-9]+\.01,1\.00,/, ',x,1.00,') : line(i)));
    lines.push(line(MID_CHUNK + 9).replace(/,[0-9]+\.01,1\.00,/, ',5.55,1.00,')); // names a record created on the fast path, other values: refused
    const run = async (minBytes: number) => {
      PARSE_WORKER_LIMITS.minBytes = minBytes;
      const { core, workspace, dir } = consumptionWorkspace();
      const path = join(dir, 'fast.csv');
      writeFileSync(path, [HEADER, ...lines].join('\n') + '\n');
      const started = parseWorkersStarted();
      const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'consumption', path, mapping: MAPPING, onError: 'skip' });
      const records = workspace.db.prepare('SELECT source_row, license_reference, resource_uuid, resource_name, resource, billing_period, consumed_sell_micros FROM consumption_records ORDER BY id').all();
      return { workers: parseWorkersStarted() - started, counts: result.counts, problems: result.problems, records };
    };
    const inThread = await run(Number.MAX_SAFE_INTEGER);
    const onWorker = await run(0);
    expect(inThread.workers).toBe(0);
    expect(onWorker.workers).toBe(1);
    expect(onWorker.counts).toEqual(inThread.counts);
    expect(inThread.counts).toMatchObject({ created: n - 1, error: 2 });
    expect(onWorker.problems).toEqual(inThread.problems);
    expect(inThread.problems.map((p) => p.rowNumber)).toEqual([MID_CHUNK + 2, n + 2]);
    expect(onWorker.records).toEqual(inThread.records);
  });
});
