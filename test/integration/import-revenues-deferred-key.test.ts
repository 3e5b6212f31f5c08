import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { bulkRowsOf } from '../../src/main/imports/records/deferred-indexes';
import { startImportBatch, type ImportBatch, type RecordAtRow } from '../../src/main/imports/records/import-batch';
import type { RowOutcome } from '../../src/main/imports/records/outcome';
import { INSERT_CHUNK_ROWS } from '../../src/main/imports/records/revenue-inserts';
import { DEFERRED_KEY_LIMITS } from '../../src/main/imports/records/revenue-writer';
import { undoBatch } from '../../src/main/imports/records/undo-batch';
import { tempWorkspace } from '../support/temp-workspace';
import { digest, ORG, sale, seedOrg } from './imports-records-support';

// A batch that creates bulkRowsOf('revenues') revenues drops the unique key (org_id, external_id) and
// finds external_ids in its own register until COMMIT builds the key again. Every row after
// that point must get the outcome the live key gives: the same rows, written in a small
// batch (the key in place throughout), are the reference.

const FILE = { orgId: ORG, entity: 'revenues', source: 'file', operation: 'create_only', sha256: null } as const;
/** The file reader hands the batch 256 rows at a time. */
const SLICE = 256;
const BULK_ROWS = bulkRowsOf('revenues');
const BULK = BULK_ROWS + 2_000;
const FIRST_KEY = 'txn_first';

const keyIndexExists = (db: Database.Database) => db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'revenues_external_id'").pluck().get() === 1;

/** Processor-like ids in no order: a hash of i in base 36. */
function randomId(i: number): string {
  let x = Math.imul(i ^ 0x5bd1e995, 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return `txn_${x.toString(36)}${i.toString(36)}`;
}

function setup(): Database.Database {
  const { workspace } = tempWorkspace();
  const db = workspace.db;
  seedOrg(db);
  // A sale stored by an earlier batch, and another org's sale with an id this org has not used.
  const earlier = startImportBatch(db, FILE);
  earlier.write([{ rowNumber: 2, record: sale('old_1', '1.00') }]);
  earlier.finish({ onError: 'reject' });
  const other = startImportBatch(db, { ...FILE, orgId: 'org-b' });
  other.write([{ rowNumber: 2, record: sale('shared', '1.00') }]);
  other.finish({ onError: 'reject' });
  return db;
}

/** Counts the writer's reads of every key of the org (the pass before the key is dropped). */
function countKeyScans(db: Database.Database): () => number {
  let scans = 0;
  const prepare = db.prepare.bind(db);
  vi.spyOn(db, 'prepare').mockImplementation(((source: string) => {
    const statement = prepare(source);
    if (source.startsWith('SELECT external_id, id FROM revenues WHERE org_id')) {
      const iterate = statement.iterate.bind(statement);
      statement.iterate = ((...args: unknown[]) => {
        scans++;
        return iterate(...args);
      }) as typeof statement.iterate;
    }
    return statement;
  }) as typeof db.prepare);
  return () => scans;
}

function writeSliced(batch: ImportBatch, records: RecordAtRow[]): RowOutcome[] {
  const problems: RowOutcome[] = [];
  for (let i = 0; i < records.length; i += SLICE) problems.push(...batch.write(records.slice(i, i + SLICE), { rows: 'problems' }).rows);
  return problems;
}

/** Rows that meet every way a key is found: stored, this org only, earlier in the batch, in the same chunk, across chunks; refunds; bad rows. */
function trickyRecords(): Array<Record<string, unknown>> {
  const filler = (n: number, from: number) => Array.from({ length: n }, (_, i) => sale(`fill_${from + i}`, '1.00'));
  return [
    sale('old_1', '1.00'), // stored by the earlier batch: skipped_duplicate
    sale('shared', '2.00'), // another org's id: created here
    sale(FIRST_KEY, '5.00'), // the batch's first row, identical: skipped as a repeat of it
    sale(FIRST_KEY, '6.00'), // the batch's first row, different: refused naming it
    sale('n_1', '3.00'),
    sale('n_1', '3.00'), // the same chunk: a repeat of the row before
    { ...sale('r_1', '-1.00'), kind: 'refund', refund_of: 'n_1' }, // refund of a sale created after the key was dropped
    { ...sale('r_2', '-1.00'), kind: 'refund', refund_of: FIRST_KEY }, // refund of a sale created before
    { ...sale('r_3', '-1.00'), kind: 'refund', refund_of: 'nope' }, // no such sale
    sale('bad', 'abc'), // a bad row among good ones
    sale(null, '4.00'), // no external_id: always new
    sale('n_2', '7.00'),
    ...filler(INSERT_CHUNK_ROWS + 5, 0),
    sale('n_2', '8.00'), // more than a chunk later: refused naming n_2's row
    ...filler(INSERT_CHUNK_ROWS - 1, 100),
    sale('n_3', '9.00'),
    sale('n_3', '9.00'), // likely across a chunk boundary: skipped
    ...filler(3, 200),
  ];
}

const EXPECTED = ['skipped_duplicate', 'created', 'skipped_duplicate', 'error', 'created', 'skipped_duplicate', 'created', 'created', 'error', 'error', 'created', 'created'];

/** What a row's outcome says, without ids or row numbers that differ between the runs. */
function said(outcome: RowOutcome, firstRow: number): unknown {
  return {
    row: outcome.rowNumber - firstRow,
    outcome: outcome.outcome,
    externalId: outcome.externalId,
    column: outcome.column,
    message: outcome.message?.replace(/row \d+/g, 'row N'),
    sameAsRow: outcome.sameAsRow === undefined ? undefined : outcome.sameAsRow === 2 ? 'first' : outcome.sameAsRow - firstRow,
  };
}

afterEach(() => {
  DEFERRED_KEY_LIMITS.maxKeys = 4_000_000;
});

describe('a bulk revenue batch with the unique key deferred', () => {
  it.each(['create_only', 'create_or_update'] as const)('%s: every row after the key is dropped gets the outcome the live key gives; COMMIT builds the key again', (operation) => {
    const tricky = trickyRecords();
    const meta = { ...FILE, operation };

    // Reference: the first row and the tricky rows in a small batch, the key in place.
    const small = setup();
    const reference = startImportBatch(small, meta);
    reference.write([{ rowNumber: 2, record: sale(FIRST_KEY, '5.00') }]);
    const referenceRows = reference.write(tricky.map((record, i) => ({ rowNumber: 3 + i, record }))).rows;
    expect(keyIndexExists(small)).toBe(true);
    reference.finish({ onError: 'skip' });

    const db = setup();
    const batch = startImportBatch(db, meta);
    const bulk: RecordAtRow[] = [{ rowNumber: 2, record: sale(FIRST_KEY, '5.00') }];
    for (let i = 1; i < BULK; i++) bulk.push({ rowNumber: 2 + i, record: sale(randomId(i), `${(i % 900) + 1}.25`) });
    expect(writeSliced(batch, bulk)).toEqual([]);
    expect(keyIndexExists(db)).toBe(false);

    const firstRow = 2 + BULK;
    const rows = batch.write(tricky.map((record, i) => ({ rowNumber: firstRow + i, record }))).rows;
    // create_or_update: the stored old_1 is found and unchanged instead of skipped.
    expect(rows.slice(0, EXPECTED.length).map((r) => r.outcome)).toEqual(operation === 'create_only' ? EXPECTED : ['unchanged', ...EXPECTED.slice(1)]);
    expect(rows.map((r) => said(r, firstRow))).toEqual(referenceRows.map((r) => said(r, 3)));
    // Each created row names the record made from it; a stored duplicate names the stored record.
    const byRow = db.prepare('SELECT id FROM revenues WHERE batch_id = ? AND source_row = ?').pluck();
    for (const r of rows.filter((o) => o.outcome === 'created')) expect(byRow.get(batch.batchId, r.rowNumber)).toBe(r.id);
    expect(rows[0].id).toBe(db.prepare("SELECT id FROM revenues WHERE external_id = 'old_1'").pluck().get());
    expect(rows[2].sameAsRow).toBe(2);

    const summary = batch.finish({ onError: 'skip' });
    expect(summary).toMatchObject({ status: 'committed', counts: { created: BULK + tricky.length - 8, error: 4 } });
    expect(keyIndexExists(db)).toBe(true);
    const keys = db.prepare('SELECT count(external_id) AS given, count(DISTINCT org_id || char(0) || external_id) AS distinct_keys FROM revenues').get();
    expect(keys).toEqual({ given: BULK + tricky.length - 8 + 1, distinct_keys: BULK + tricky.length - 8 + 1 });
    // The refunds point at their sales.
    expect(db.prepare("SELECT refund_of FROM revenues WHERE external_id IN ('r_1', 'r_2') ORDER BY external_id").pluck().all()).toEqual(['n_1', FIRST_KEY]);
  });

  it('a duplicate id across chunk boundaries is refused naming both rows, and a row the database refuses in the middle of a chunk fails alone', () => {
    const db = setup();
    db.exec("CREATE TRIGGER refuse_boom BEFORE INSERT ON revenues WHEN NEW.description = 'boom' BEGIN SELECT RAISE(ABORT, 'no boom here'); END");
    const batch = startImportBatch(db, FILE);
    const bulk: RecordAtRow[] = [];
    for (let i = 0; i < BULK; i++) bulk.push({ rowNumber: 2 + i, record: sale(randomId(i), '1.00') });
    writeSliced(batch, bulk);
    expect(keyIndexExists(db)).toBe(false);

    const firstRow = 2 + BULK;
    const records = Array.from({ length: INSERT_CHUNK_ROWS * 3 }, (_, i) => sale(`late_${i}`, '2.00', i === 30 ? { description: 'boom' } : {}));
    // Row firstRow + 45 repeats row firstRow + 5 (two chunks earlier) with another amount; the last repeats a bulk row.
    records[45] = sale('late_5', '3.00');
    records.push(sale(randomId(17), '9.00'));
    const rows = batch.write(records.map((record, i) => ({ rowNumber: firstRow + i, record })), { rows: 'problems' }).rows;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ rowNumber: firstRow + 30, outcome: 'error', externalId: 'late_30', details: expect.stringContaining('no boom here') });
    expect(rows[1]).toMatchObject({ rowNumber: firstRow + 45, outcome: 'error', externalId: 'late_5', sameAsRow: firstRow + 5, message: expect.stringMatching(/^same record as row \d+, with a different amount/) });
    expect(rows[1].message).toContain(`row ${firstRow + 5}`);
    expect(rows[2]).toMatchObject({ rowNumber: firstRow + records.length - 1, outcome: 'error', externalId: randomId(17), sameAsRow: 2 + 17 });
    expect(batch.finish({ onError: 'skip' })).toMatchObject({ status: 'committed', counts: { created: BULK + records.length - 3, error: 3 } });
    expect(keyIndexExists(db)).toBe(true);
  });

  it('a rolled-back bulk batch brings the key back; an undone one leaves the workspace as it was', () => {
    const db = setup();
    const before = digest(db);
    const records: RecordAtRow[] = [];
    for (let i = 0; i < BULK; i++) records.push({ rowNumber: 2 + i, record: sale(randomId(i), '1.50') });

    const checked = startImportBatch(db, FILE);
    writeSliced(checked, records);
    expect(keyIndexExists(db)).toBe(false);
    checked.abort();
    expect(keyIndexExists(db)).toBe(true);
    expect(digest(db)).toBe(before);

    const batch = startImportBatch(db, FILE);
    writeSliced(batch, records);
    const { batchId } = batch.finish({ onError: 'reject' });
    expect(db.prepare('SELECT count(*) FROM revenues WHERE batch_id = ?').pluck().get(batchId)).toBe(BULK);
    // The same file again: every row found through the rebuilt key.
    const again = startImportBatch(db, FILE);
    writeSliced(again, records);
    expect(again.finish({ onError: 'reject' })).toMatchObject({ status: 'committed', counts: { created: 0, skipped_duplicate: BULK } });

    expect(undoBatch(db, batchId!)).toMatchObject({ removed: BULK });
    expect(digest(db)).toBe(before);
    expect(keyIndexExists(db)).toBe(true);
  });

  it('past maxKeys the key is built again mid-batch and later rows are found through it', () => {
    DEFERRED_KEY_LIMITS.maxKeys = BULK_ROWS + 500;
    const db = setup();
    const scans = countKeyScans(db);
    const batch = startImportBatch(db, FILE);
    const records: RecordAtRow[] = [];
    for (let i = 0; i < BULK_ROWS + 300; i++) records.push({ rowNumber: 2 + i, record: sale(randomId(i), '1.00') });
    writeSliced(batch, records);
    expect(keyIndexExists(db)).toBe(false);
    const more: RecordAtRow[] = [];
    for (let i = BULK_ROWS + 300; i < BULK_ROWS + 1000; i++) more.push({ rowNumber: 2 + i, record: sale(randomId(i), '1.00') });
    writeSliced(batch, more);
    expect(keyIndexExists(db)).toBe(true);
    const rows = batch.write([{ rowNumber: 5_000_000, record: sale(randomId(3), '2.00') }, { rowNumber: 5_000_001, record: sale('old_1', '1.00') }]).rows;
    expect(rows.map((r) => [r.outcome, r.sameAsRow])).toEqual([
      ['error', 5],
      ['skipped_duplicate', undefined],
    ]);
    writeSliced(batch, [{ rowNumber: 5_000_002, record: sale('later', '1.00') }]);
    // Dropped once: the key is not read into a register again for the rest of the batch.
    expect(scans()).toBe(1);
    expect(batch.finish({ onError: 'skip' })).toMatchObject({ counts: { created: BULK_ROWS + 1001, error: 1, skipped_duplicate: 1 } });
  });

  it('keys that come in order keep the key live: they go in at its right edge, and dropping it would only add a sort', () => {
    const db = setup();
    const scans = countKeyScans(db);
    const batch = startImportBatch(db, FILE);
    const records: RecordAtRow[] = [];
    // rev_000001, rev_000002, … with every 20th out of order (late_19, late_39, …).
    for (let i = 0; i < BULK; i++) records.push({ rowNumber: 2 + i, record: sale(i % 20 === 19 ? `late_${i}` : `rev_${String(i).padStart(6, '0')}`, '1.00') });
    writeSliced(batch, records);
    expect(keyIndexExists(db)).toBe(true);
    expect(scans()).toBe(0);
    expect(batch.finish({ onError: 'skip' })).toMatchObject({ status: 'committed', counts: { created: BULK } });
  });

  it('an org holding a key read back with U+FFFD (perhaps a lone surrogate) keeps its key live, and is asked once', () => {
    const db = setup();
    const odd = startImportBatch(db, FILE);
    odd.write([{ rowNumber: 2, record: sale('odd\ud800', '1.00') }]);
    odd.finish({ onError: 'reject' });
    const scans = countKeyScans(db);
    const batch = startImportBatch(db, FILE);
    const records: RecordAtRow[] = [];
    for (let i = 0; i < BULK; i++) records.push({ rowNumber: 2 + i, record: sale(randomId(i), '1.00') });
    writeSliced(batch, records);
    expect(keyIndexExists(db)).toBe(true);
    expect(scans()).toBe(1);
    const rows = batch.write([{ rowNumber: BULK + 2, record: sale('odd\ud800', '1.00') }]).rows;
    expect(rows[0]).toMatchObject({ outcome: 'skipped_duplicate' });
    expect(batch.finish({ onError: 'skip' })).toMatchObject({ counts: { created: BULK, skipped_duplicate: 1 } });
  });
});
