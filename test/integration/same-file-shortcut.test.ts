import { describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { Database } from '../../src/main/db/driver';
import { findSameFileShortcut } from '../../src/main/imports/records/same-file-shortcut';
import { ok, ORG, REVENUE_HEADER, setup, writeCsv } from './import-files-support';

// When the same-file shortcut is taken (findSameFileShortcut): a re-import answered from an
// earlier batch instead of row by row. Taken or not, the stored result is the same (see
// import-files-same-file.test.ts), so these tests ask the guard itself: only for a
// create_only re-import in the same org, with the same mapping, of a batch that created
// every row, in row order, all still in place.

const ROWS = [REVENUE_HEADER, 'a1,sale,2026-10-05,10.00,USD,x', ',sale,2026-10-06,3.00,USD,no id', 'a3,adjustment,2026-10-07,0.01,USD,z'];

type Ctx = ReturnType<typeof setup>;

async function importOnce(ctx: Ctx, path: string, orgId = ORG) {
  const result = await ok<ImportCommitResult>(ctx.core, 'imports.commit', { orgId, entity: 'revenues', path, operation: 'create_only' });
  const batch = ctx.workspace.db.prepare('SELECT file_sha256 AS sha256, mapping_sha256 AS mappingSha256 FROM import_batches WHERE id = ?').get(result.batchId) as {
    sha256: string;
    mappingSha256: string;
  };
  return { batchId: result.batchId!, ...batch };
}

const ids = (db: Database.Database, batchId: number) => db.prepare('SELECT id FROM revenues WHERE batch_id = ? ORDER BY id').pluck().all(batchId) as number[];

describe('findSameFileShortcut', () => {
  it('answers with the earlier batch, its first row and record, the row count and the first external_id', async () => {
    const ctx = setup();
    const path = writeCsv(ctx.dir, 'same.csv', ROWS);
    const first = await importOnce(ctx, path);
    const query = { orgId: ORG, entity: 'revenues' as const, operation: 'create_only' as const, sha256: first.sha256, mappingSha256: first.mappingSha256 };
    expect(findSameFileShortcut(ctx.workspace.db, query)).toEqual({ earlierBatchId: first.batchId, firstRow: 2, firstId: ids(ctx.workspace.db, first.batchId)[0], rows: 3, firstExternalId: 'a1' });
  });

  it('names the newest batch that created the whole file, not one since undone', async () => {
    const ctx = setup();
    const path = writeCsv(ctx.dir, 'same.csv', ROWS);
    const first = await importOnce(ctx, path);
    await ok(ctx.core, 'imports.undo', { batchId: first.batchId });
    const second = await importOnce(ctx, path);
    const query = { orgId: ORG, entity: 'revenues' as const, operation: 'create_only' as const, sha256: first.sha256, mappingSha256: first.mappingSha256 };
    expect(findSameFileShortcut(ctx.workspace.db, query)).toMatchObject({ earlierBatchId: second.batchId, firstId: ids(ctx.workspace.db, second.batchId)[0] });
  });

  it('is not taken in another org, for another operation, entity, file or mapping', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('org-b', 'Org B', NULL, '2026-10-01T00:00:00Z')").run();
    const path = writeCsv(ctx.dir, 'same.csv', ROWS);
    const first = await importOnce(ctx, path);
    const query = { orgId: ORG, entity: 'revenues' as const, operation: 'create_only' as const, sha256: first.sha256, mappingSha256: first.mappingSha256 };
    expect(findSameFileShortcut(db, query)).not.toBeNull();
    expect(findSameFileShortcut(db, { ...query, orgId: 'org-b' })).toBeNull();
    expect(findSameFileShortcut(db, { ...query, operation: 'create_or_update' })).toBeNull();
    expect(findSameFileShortcut(db, { ...query, operation: 'update_only' })).toBeNull();
    expect(findSameFileShortcut(db, { ...query, entity: 'payees' })).toBeNull();
    expect(findSameFileShortcut(db, { ...query, sha256: '0'.repeat(64) })).toBeNull();
    expect(findSameFileShortcut(db, { ...query, mappingSha256: '0'.repeat(64) })).toBeNull();
  });

  it('is not taken for billing, even for a batch that created every row of the file', () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    const batchId = Number(
      db
        .prepare(
          `INSERT INTO import_batches (org_id, entity, source, file_sha256, mapping_sha256, operation, on_error, status, created_at, total_rows, created_count, created_first_id, created_last_id)
           VALUES (?, 'billing', 'file', ?, ?, 'create_only', 'skip', 'committed', '2026-10-01T00:00:00Z', 1, 1, 1, 1)`,
        )
        .run(ORG, 'f'.repeat(64), 'e'.repeat(64)).lastInsertRowid,
    );
    expect(batchId).toBeGreaterThan(0);
    expect(findSameFileShortcut(db, { orgId: ORG, entity: 'billing', operation: 'create_only', sha256: 'f'.repeat(64), mappingSha256: 'e'.repeat(64) })).toBeNull();
  });

  it("is not taken once a record of the batch is gone, moved out of row order or no longer the batch's", async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    const path = writeCsv(ctx.dir, 'same.csv', ROWS);
    const first = await importOnce(ctx, path);
    const query = { orgId: ORG, entity: 'revenues' as const, operation: 'create_only' as const, sha256: first.sha256, mappingSha256: first.mappingSha256 };
    const [a, b, c] = ids(db, first.batchId);

    // Row order: the second record now says it came from row 9.
    db.prepare('UPDATE revenues SET source_row = 9 WHERE id = ?').run(b);
    expect(findSameFileShortcut(db, query)).toBeNull();
    db.prepare('UPDATE revenues SET source_row = 3 WHERE id = ?').run(b);
    expect(findSameFileShortcut(db, query)).not.toBeNull();

    // The first record now belongs to no batch (as if written since by hand).
    db.prepare('UPDATE revenues SET batch_id = NULL WHERE id = ?').run(a);
    expect(findSameFileShortcut(db, query)).toBeNull();
    db.prepare('UPDATE revenues SET batch_id = ? WHERE id = ?').run(first.batchId, a);

    // The last record gone.
    db.prepare('DELETE FROM revenues WHERE id = ?').run(c);
    expect(findSameFileShortcut(db, query)).toBeNull();
  });

  it('is not taken after a batch that created only some rows of the file', async () => {
    const ctx = setup();
    const path = writeCsv(ctx.dir, 'mixed.csv', [...ROWS, 'a4,sale,2026-10-09,-1.00,USD,negative sale']);
    const first = await importOnce(ctx, path);
    const query = { orgId: ORG, entity: 'revenues' as const, operation: 'create_only' as const, sha256: first.sha256, mappingSha256: first.mappingSha256 };
    expect(findSameFileShortcut(ctx.workspace.db, query)).toBeNull();
  });
});
