import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { openWorkspace } from '../../src/main/db/workspace';
import type { Page } from '../../src/shared/contract/grid';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { ImportBatchRow } from '../../src/shared/contract/imports';
import { tempDir } from '../support/temp-workspace';
import { fails, ok, ORG, REVENUE_HEADER, setup, writeCsv } from './import-files-support';

// Issue 16, item 8: the Imports screen's period picker lists the batches that wrote rows
// into the month (import_batch_periods), filled at commit and, for older workspaces, by
// migration 18 from the records the batches wrote.

const list = (core: ReturnType<typeof setup>['core'], period: string | null) =>
  ok<Page<ImportBatchRow>>(core, 'imports.list', { orgId: ORG, period, startRow: 0, endRow: 50 }).then((page) => page.rows.map((r) => r.id));

describe('batches by the months they wrote', () => {
  it('a period lists the committed batches that wrote into it; rejected and payee batches write no month', async () => {
    const { core, dir } = setup();
    const commit = (name: string, lines: string[], extra: Record<string, unknown> = {}) =>
      ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'revenues', path: writeCsv(dir, name, lines), ...extra });
    const octNov = await commit('a.csv', [REVENUE_HEADER, 'a1,sale,2026-10-05,1.00,USD,x', 'a2,sale,2026-11-05,1.00,USD,y']);
    const nov = await commit('b.csv', [REVENUE_HEADER, 'b1,sale,2026-11-06,1.00,USD,x']);
    const rejected = await commit('c.csv', [REVENUE_HEADER, 'c1,sale,2026-10-07,1.00,USD,x', 'c2,sale,2026-10-07,bad,USD,y']);
    const update = await commit('d.csv', [REVENUE_HEADER, 'a1,sale,2026-10-05,2.00,USD,x'], { operation: 'create_or_update' });
    const payees = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'payees', path: writeCsv(dir, 'p.csv', ['external_id,name', 'p9,Ada']) });
    expect(rejected.status).toBe('rejected');
    expect(await list(core, '2026-10')).toEqual([update.batchId, octNov.batchId]);
    expect(await list(core, '2026-11')).toEqual([nov.batchId, octNov.batchId]);
    expect(await list(core, '2026-12')).toEqual([]);
    expect(await list(core, null)).toEqual([payees.batchId, update.batchId, rejected.batchId, nov.batchId, octNov.batchId]);
    const error = await fails(core, 'imports.list', { orgId: ORG, period: '2026-13', startRow: 0, endRow: 10 });
    expect(error).toMatchObject({ type: 'validation_error', detail: { issues: [expect.objectContaining({ field: 'period' })] } });
  });

  it('migration 18 fills the months of existing batches from the records they created and updated', () => {
    const path = join(tempDir(), 'old.closebook');
    const before = MIGRATIONS.findIndex((m) => m.name === 'import-batch-periods');
    const old = openWorkspace(path, { migrations: MIGRATIONS.slice(0, before) });
    const db = old.db;
    db.prepare("INSERT INTO orgs (id, name, created_at) VALUES ('o', 'Org', 'x')").run();
    const batch = db.prepare("INSERT INTO import_batches (id, org_id, entity, source, operation, on_error, status, created_at) VALUES (?, 'o', ?, 'file', 'create_or_update', 'skip', ?, 'x')");
    batch.run(1, 'revenues', 'committed');
    batch.run(2, 'revenues', 'undone');
    batch.run(3, 'billing', 'committed');
    batch.run(4, 'revenues', 'rejected');
    const revenue = db.prepare("INSERT INTO revenues (id, org_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at, batch_id) VALUES (?, 'o', 'sale', ?, ?, 1, 'USD', 'x', 'x', ?)");
    revenue.run(1, '2026-10-02T00:00:00Z', '2026-10', 1);
    revenue.run(2, '2026-11-02T00:00:00Z', '2026-11', 1);
    revenue.run(3, '2026-09-02T00:00:00Z', '2026-09', null);
    db.prepare("INSERT INTO import_outcomes (batch_id, row_number, outcome, record_id, previous) VALUES (2, 2, 'updated', 3, '{}')").run();
    db.prepare(
      "INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, created_at, updated_at, batch_id) VALUES ('o', 'L', 'vm', '2026-08-01', 'x', 'x', 3)",
    ).run();
    old.close();
    const workspace = openWorkspace(path);
    expect(workspace.db.prepare('SELECT batch_id, period FROM import_batch_periods ORDER BY batch_id, period').raw(true).all()).toEqual([
      [1, '2026-10'],
      [1, '2026-11'],
      [2, '2026-09'],
      [3, '2026-08'],
    ]);
    workspace.close();
  });
});
