import { describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { BatchResponse } from '../../src/shared/contract/imports';
import type { Database } from '../../src/main/db/driver';
import { startImportBatch, type ImportBatchMeta } from '../../src/main/imports/records/import-batch';
import { digest, ok, ORG, REVENUE_HEADER, setup, writeCsv } from './import-files-support';

// Re-importing a file is recognised per org: the same file imported into another org is a
// new import there (earlierImportsOfFile, latestImportOfFile and findSameFileShortcut all
// scope by org_id), and nothing it does reads or writes the first org's records.

const OTHER = 'org-b';
const ROWS = [REVENUE_HEADER, 'a1,sale,2026-10-05,10.00,USD,x', ',sale,2026-10-06,3.00,USD,no id', 'a3,adjustment,2026-10-07,0.01,USD,z', ',sale,2026-10-08,4.00,USD,no id either'];

function addOtherOrg(db: Database.Database): void {
  db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, 'Org B', NULL, '2026-10-01T00:00:00Z')").run(OTHER);
}

/** One org's revenues as the tests compare them: everything but ids and timestamps. */
function recordsOf(db: Database.Database, orgId: string) {
  return db.prepare('SELECT external_id, kind, occurred_at, amount_micros, description FROM revenues WHERE org_id = ? ORDER BY id').all(orgId);
}

function orgDigest(db: Database.Database, orgId: string): string {
  return JSON.stringify(db.prepare('SELECT * FROM revenues WHERE org_id = ? ORDER BY id').all(orgId));
}

const commit = (ctx: ReturnType<typeof setup>, orgId: string, path: string, operation = 'create_only') =>
  ok<ImportCommitResult>(ctx.core, 'imports.commit', { orgId, entity: 'revenues', path, operation });

describe('the same file imported into two orgs', () => {
  it('creates every row in the second org (rows without an external_id included) and names no earlier import', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    addOtherOrg(db);
    const path = writeCsv(ctx.dir, 'shared.csv', ROWS);
    const first = await commit(ctx, ORG, path);
    expect(first.counts).toMatchObject({ created: 4 });
    const firstOrg = orgDigest(db, ORG);

    // The shortcut (findSameFileShortcut) would answer this from org A's batch.
    const second = await commit(ctx, OTHER, path);
    expect(second).toMatchObject({ status: 'committed', sameFileBatchId: null, counts: { created: 4, skipped_duplicate: 0 } });
    expect(recordsOf(db, OTHER)).toEqual(recordsOf(db, ORG));
    expect(orgDigest(db, ORG)).toBe(firstOrg);

    // Again into org B: now it is a re-import there, of org B's own batch.
    const again = await commit(ctx, OTHER, path);
    expect(again).toMatchObject({ sameFileBatchId: second.batchId, counts: { created: 0, skipped_duplicate: 4 } });
    const named = db.prepare('SELECT DISTINCT r.org_id FROM import_outcomes o JOIN revenues r ON r.id = o.record_id WHERE o.batch_id = ?').pluck().all(again.batchId);
    expect(named).toEqual([OTHER]);
  });

  it('row by row (no shortcut): the second org creates its records and the first org’s records are not matched', () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    addOtherOrg(db);
    const meta = (orgId: string): ImportBatchMeta => ({ orgId, entity: 'revenues', source: 'file', operation: 'create_only', fileName: 'shared.csv', sha256: 'cd'.repeat(32) });
    const rows = [2, 3, 4].map((rowNumber) => ({
      rowNumber,
      record: { ...(rowNumber === 3 ? {} : { external_id: `r${rowNumber}` }), occurred_at: '2026-10-05', amount: `${rowNumber}.00`, currency: 'USD' },
    }));
    const a = startImportBatch(db, meta(ORG));
    a.write(rows);
    const one = a.finish({ onError: 'reject' });
    const b = startImportBatch(db, meta(OTHER));
    expect(b.sameFileBatchId).toBeNull();
    const { rows: outcomes } = b.write(rows);
    const two = b.finish({ onError: 'reject' });
    expect(outcomes.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    expect(two).toMatchObject({ sameFileBatchId: null, counts: { created: 3 } });
    expect(recordsOf(db, OTHER)).toEqual(recordsOf(db, ORG));
    expect(db.prepare('SELECT same_file_batch_id FROM import_batches WHERE id = ?').pluck().get(two.batchId)).toBeNull();
    expect(one.batchId).not.toBe(two.batchId);
  });

  it('create_or_update in the second org never touches the first org’s records, even when they now differ from the file', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    addOtherOrg(db);
    const path = writeCsv(ctx.dir, 'shared.csv', ROWS);
    await commit(ctx, ORG, path);
    // Org A changed a record since; org B already holds its own a3 with another amount.
    await ok<BatchResponse>(ctx.core, 'revenues.batch', { orgId: ORG, operation: 'create_or_update', records: [{ external_id: 'a1', amount: '99.00' }] });
    await ok<BatchResponse>(ctx.core, 'revenues.batch', { orgId: OTHER, records: [{ external_id: 'a3', kind: 'adjustment', occurred_at: '2026-10-07', amount: '5.00', currency: 'USD' }] });
    const firstOrg = orgDigest(db, ORG);
    const everything = digest(db, ['payees', 'products']);

    const second = await commit(ctx, OTHER, path, 'create_or_update');
    expect(second).toMatchObject({ sameFileBatchId: null, counts: { created: 3, updated: 1, unchanged: 0 } });
    expect(orgDigest(db, ORG)).toBe(firstOrg);
    expect(digest(db, ['payees', 'products'])).toBe(everything);
    expect(recordsOf(db, OTHER)).toEqual([
      { external_id: 'a3', kind: 'adjustment', occurred_at: '2026-10-07T00:00:00Z', amount_micros: 10_000, description: 'z' },
      { external_id: 'a1', kind: 'sale', occurred_at: '2026-10-05T00:00:00Z', amount_micros: 10_000_000, description: 'x' },
      { external_id: null, kind: 'sale', occurred_at: '2026-10-06T00:00:00Z', amount_micros: 3_000_000, description: 'no id' },
      { external_id: null, kind: 'sale', occurred_at: '2026-10-08T00:00:00Z', amount_micros: 4_000_000, description: 'no id either' },
    ]);
    // Every record the batch names is org B's.
    const named = db.prepare('SELECT DISTINCT r.org_id FROM import_outcomes o JOIN revenues r ON r.id = o.record_id WHERE o.batch_id = ?').pluck().all(second.batchId);
    expect(named).toEqual([OTHER]);
  });
});
