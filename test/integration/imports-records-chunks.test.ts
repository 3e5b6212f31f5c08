import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { startImportBatch, type RecordAtRow } from '../../src/main/imports/records/import-batch';
import { INSERT_CHUNK_ROWS } from '../../src/main/imports/records/revenue-inserts';
import { tempWorkspace } from '../support/temp-workspace';
import { ORG, sale, seedOrg } from './imports-records-support';

// New revenues are inserted INSERT_CHUNK_ROWS at a time. Whatever a chunk meets (a row
// whose external_id exists, the same external_id twice, a refund of a sale still waiting,
// a row the database refuses), every row must get the outcome, id and order that one
// insert per row gives.

function setup(): Database.Database {
  const { workspace } = tempWorkspace();
  seedOrg(workspace.db);
  return workspace.db;
}

const FILE = { orgId: ORG, entity: 'revenues', source: 'file', operation: 'create_only', sha256: null } as const;
const atRows = (records: Array<Record<string, unknown>>, first = 2): RecordAtRow[] => records.map((record, i) => ({ rowNumber: first + i, record }));
const revenues = (db: Database.Database) =>
  db.prepare('SELECT id, external_id AS externalId, source_row AS row, amount_micros AS amount FROM revenues ORDER BY id').all() as Array<{ id: number; externalId: string | null; row: number; amount: number }>;

describe('chunked inserts', () => {
  it('a row whose external_id exists, in the middle of a chunk, is skipped_duplicate; the rows around it are created in row order', () => {
    const db = setup();
    const first = startImportBatch(db, FILE);
    first.write(atRows([sale('old_1', '1.00')]));
    first.finish({ onError: 'reject' });
    const existing = revenues(db)[0].id;

    const records = Array.from({ length: INSERT_CHUNK_ROWS * 2 + 3 }, (_, i) => sale(i === 7 ? 'old_1' : `new_${i}`, `${i + 1}.00`));
    const batch = startImportBatch(db, FILE);
    const { rows, counts } = batch.write(atRows(records));
    expect(counts).toMatchObject({ created: records.length - 1, skipped_duplicate: 1 });
    expect(rows.map((r) => r.rowNumber)).toEqual(records.map((_, i) => i + 2));
    expect(rows[7]).toMatchObject({ outcome: 'skipped_duplicate', id: existing, externalId: 'old_1' });
    const stored = revenues(db).slice(1);
    expect(stored.map((r) => r.row)).toEqual(records.map((_, i) => i + 2).filter((row) => row !== 9));
    // Each created outcome names the record made from its row.
    for (const outcome of rows.filter((r) => r.outcome === 'created')) {
      expect(stored.find((r) => r.id === outcome.id)).toMatchObject({ row: outcome.rowNumber, externalId: outcome.externalId });
    }
    expect(batch.finish({ onError: 'reject' })).toMatchObject({ status: 'committed', rowsWritten: records.length - 1 });
  });

  it('the same external_id twice in a chunk: the second row finds the first (skipped when identical, else an error naming it)', () => {
    const db = setup();
    const onlyOnce = startImportBatch(db, FILE);
    const { rows } = onlyOnce.write(atRows([sale('a', '1.00'), sale('b', '2.00'), sale('a', '3.00'), sale('c', '4.00'), sale('a', '1.00')]));
    expect(rows.map((r) => r.outcome)).toEqual(['created', 'created', 'error', 'created', 'skipped_duplicate']);
    expect(rows[2]).toMatchObject({ sameAsRow: 2, column: 'external_id', message: expect.stringMatching(/^same record as row 2, with a different amount/) });
    expect(rows[4]).toMatchObject({ sameAsRow: 2, id: rows[0].id });
    onlyOnce.abort();

    const upsert = startImportBatch(db, { ...FILE, operation: 'create_or_update' });
    const written = upsert.write(atRows([sale('a', '1.00'), sale('a', '1.00'), sale('a', '5.00'), sale('d', '4.00')])).rows;
    expect(written.map((r) => r.outcome)).toEqual(['created', 'skipped_duplicate', 'error', 'created']);
    expect(upsert.finish({ onError: 'skip' })).toMatchObject({ rowsWritten: 2, amountWritten: [{ currency: 'USD', amount: '5.00' }] });
    expect(revenues(db).map((r) => [r.externalId, r.amount])).toEqual([
      ['a', 1_000_000],
      ['d', 4_000_000],
    ]);
  });

  it('a repeat waiting in the same chunk is compared field by field as given: references, optional fields, fields not given', () => {
    const db = setup();
    const batch = startImportBatch(db, FILE);
    const first = sale('p', '1.00', { payee_external_id: 'pe_1', description: 'd', quantity: '2' });
    const { rows } = batch.write(
      atRows([
        first,
        { ...first },
        sale('p', '1.00', { payee_external_id: 'pe_2', description: 'd' }),
        sale('p', '1.00', { description: 'e', kind: 'sale' }),
        sale('p', '1.00'),
        sale('p', '1.00', { payee_external_id: null }),
      ]),
    );
    expect(rows.map((r) => [r.outcome, r.sameAsRow, r.message?.replace(/;.*/, '')])).toEqual([
      ['created', undefined, undefined],
      ['skipped_duplicate', 2, 'same record as row 2, with the same values (skipped)'],
      ['error', 2, 'same record as row 2, with a different payee_external_id'],
      ['error', 2, 'same record as row 2, with a different description'],
      ['skipped_duplicate', 2, 'same record as row 2, with the same values (skipped)'],
      ['error', 2, 'same record as row 2, with a different payee_external_id'],
    ]);
    batch.abort();
  });

  it('a refund of a sale earlier in the same chunk finds it', () => {
    const db = setup();
    const batch = startImportBatch(db, FILE);
    const { rows } = batch.write(atRows([sale('s1', '10.00'), sale('r1', '-4.00', { kind: 'refund', refund_of: 's1' }), sale('r2', '-1.00', { kind: 'refund', refund_of: 'nope' })]));
    expect(rows.map((r) => r.outcome)).toEqual(['created', 'created', 'error']);
    expect(rows[2].message).toMatch(/refund_of/);
    batch.abort();
  });

  it('a row the database refuses fails alone, with its own row number; its chunk-mates are created', () => {
    const db = setup();
    // A stand-in for a rule only the database knows: the record checks pass, the insert is refused.
    db.exec("CREATE TRIGGER refuse_boom BEFORE INSERT ON revenues WHEN NEW.description = 'boom' BEGIN SELECT RAISE(ABORT, 'no boom here'); END");
    const records = Array.from({ length: INSERT_CHUNK_ROWS }, (_, i) => sale(`x_${i}`, '1.00', { description: i === 5 ? 'boom' : 'fine' }));
    const batch = startImportBatch(db, FILE);
    const { rows, counts } = batch.write(atRows(records));
    expect(counts).toMatchObject({ created: INSERT_CHUNK_ROWS - 1, error: 1 });
    // The message says what happened in words; SQLite's own words go to the details line.
    expect(rows[5]).toMatchObject({ rowNumber: 7, outcome: 'error', externalId: 'x_5', message: expect.stringMatching(/^the workspace refused the row/), details: expect.stringContaining('no boom here') });
    expect(rows.map((r) => r.rowNumber)).toEqual(records.map((_, i) => i + 2));
    batch.finish({ onError: 'skip' });
    expect(revenues(db)).toHaveLength(INSERT_CHUNK_ROWS - 1);
  });
});
