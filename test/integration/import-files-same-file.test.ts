import { describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { Database } from '../../src/main/db/driver';
import { digest, ok, ORG, RECORD_TABLES, REVENUE_HEADER, setup, writeCsv } from './import-files-support';

// Re-importing the same file: when an earlier batch created every row of it with the same
// mapping and its records are all still there, the batch is answered from that batch
// (findSameFileShortcut) instead of row by row. Either way the stored result must be the same.

const run = (path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity: 'revenues', path, operation: 'create_only', ...extra });
const ROWS = [REVENUE_HEADER, 'a1,sale,2026-10-05,10.00,USD,x', 'a2,refund,2026-10-06,-2.00,USD,y', ',sale,2026-10-07,3.00,USD,no id', 'a4,adjustment,2026-10-08,0.01,USD,z'];

/** What a batch stored, without its own id: its counts and its outcome rows. */
function stored(db: Database.Database, batchId: number) {
  const batch = db
    .prepare(
      `SELECT status, total_rows, created_count, skipped_duplicate_count, error_count, rows_written, same_file_batch_id
       FROM import_batches WHERE id = ?`,
    )
    .get(batchId);
  const totals = db.prepare('SELECT currency, amount_micros FROM import_batch_totals WHERE batch_id = ? ORDER BY currency').all(batchId);
  const outcomes = db.prepare('SELECT row_number, outcome, record_id, run_length, external_id, column_name, message FROM import_outcomes WHERE batch_id = ? ORDER BY row_number').all(batchId);
  return { batch, totals, outcomes };
}

/** Makes earlier batches unusable for the shortcut, so the next import reads the file row by row. */
const forgetMappings = (db: Database.Database) => db.exec('UPDATE import_batches SET mapping_sha256 = NULL');

describe('re-importing a file an earlier batch wholly created', () => {
  it('stores exactly what the row-by-row import stores: one run of skipped_duplicate rows naming the records', async () => {
    const { core, dir, workspace } = setup();
    const path = writeCsv(dir, 'same.csv', ROWS);
    const first = await ok<ImportCommitResult>(core, 'imports.commit', run(path));
    expect(first.counts.created).toBe(4);
    const records = digest(workspace.db, RECORD_TABLES);

    const quick = await ok<ImportCommitResult>(core, 'imports.commit', run(path));
    forgetMappings(workspace.db);
    const slow = await ok<ImportCommitResult>(core, 'imports.commit', run(path));

    expect(quick).toMatchObject({ status: 'committed', sameFileBatchId: first.batchId, counts: { created: 0, skipped_duplicate: 4 }, totalRows: 4, amountWritten: [] });
    expect({ ...slow, batchId: 0, sameFileBatchId: 0 }).toEqual({ ...quick, batchId: 0, sameFileBatchId: 0 });
    const firstId = workspace.db.prepare('SELECT min(id) FROM revenues WHERE batch_id = ?').pluck().get(first.batchId);
    expect(stored(workspace.db, quick.batchId!).outcomes).toEqual([
      { row_number: 2, outcome: 'skipped_duplicate', record_id: firstId, run_length: 4, external_id: 'a1', column_name: null, message: null },
    ]);
    expect(stored(workspace.db, quick.batchId!).outcomes).toEqual(stored(workspace.db, slow.batchId!).outcomes);
    expect(digest(workspace.db, RECORD_TABLES)).toBe(records);
  });

  it('is not taken when the rows could come out differently: another mapping, another operation, a record gone, an error row', async () => {
    const { core, dir, workspace } = setup();
    const path = writeCsv(dir, 'same.csv', ROWS);
    const first = await ok<ImportCommitResult>(core, 'imports.commit', run(path));
    const { mapping } = await ok<{ mapping: Record<string, unknown> }>(core, 'imports.inspect', { orgId: ORG, entity: 'revenues', path });

    // Another mapping (the description read from the external_id column): the rows are read again.
    const remapped = { ...mapping, columns: { ...(mapping.columns as object), description: 'external_id' } };
    const other = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { mapping: remapped }));
    expect(other.counts).toMatchObject({ skipped_duplicate: 4 });
    const otherBatch = workspace.db.prepare('SELECT mapping_sha256 FROM import_batches WHERE id = ?').pluck().get(other.batchId);
    const firstBatch = workspace.db.prepare('SELECT mapping_sha256 FROM import_batches WHERE id = ?').pluck().get(first.batchId);
    expect(otherBatch).toMatch(/^[0-9a-f]{64}$/);
    expect(otherBatch).not.toBe(firstBatch);

    // create_or_update compares each row with its record: never answered from the batch.
    workspace.db.prepare("UPDATE revenues SET description = 'edited' WHERE external_id = 'a1'").run();
    const updated = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { operation: 'create_or_update' }));
    expect(updated.counts).toMatchObject({ updated: 1, unchanged: 3 });

    // A record of the first batch removed: that row is created again, the others skipped.
    workspace.db.prepare("DELETE FROM revenues WHERE external_id = 'a4'").run();
    const again = await ok<ImportCommitResult>(core, 'imports.commit', run(path));
    expect(again.counts).toMatchObject({ created: 1, skipped_duplicate: 3 });
  });

  it('is not taken after a batch that refused a row, nor when rows span several lines', async () => {
    const { core, dir, workspace } = setup();
    const bad = writeCsv(dir, 'bad.csv', [...ROWS, 'a5,sale,2026-10-09,twelve,USD,bad']);
    const first = await ok<ImportCommitResult>(core, 'imports.commit', run(bad, { onError: 'skip' }));
    expect(first.counts).toMatchObject({ created: 4, error: 1 });
    const second = await ok<ImportCommitResult>(core, 'imports.commit', run(bad, { onError: 'skip' }));
    expect(second.counts).toMatchObject({ skipped_duplicate: 4, error: 1 });
    expect(workspace.db.prepare("SELECT message FROM import_outcomes WHERE batch_id = ? AND outcome = 'error'").pluck().get(second.batchId)).toMatch(/amount/);

    const multiline = writeCsv(dir, 'lines.csv', [REVENUE_HEADER, 'm1,sale,2026-10-05,1.00,USD,"two', 'lines"', 'm2,sale,2026-10-05,2.00,USD,one line']);
    await ok(core, 'imports.commit', run(multiline));
    const repeat = await ok<ImportCommitResult>(core, 'imports.commit', run(multiline));
    expect(repeat.counts).toMatchObject({ created: 0, skipped_duplicate: 2 });
    const rows = workspace.db.prepare('SELECT row_number, run_length FROM import_outcomes WHERE batch_id = ? ORDER BY row_number').raw().all(repeat.batchId);
    expect(rows).toEqual([
      [2, 1],
      [4, 1],
    ]);
  });
});
