import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db/workspace';
import type { ImportCheck, ImportCommitResult } from '../../src/shared/contract/import-files';
import { tempDir } from '../support/temp-workspace';
import { fails, ok, ORG, REVENUE_HEADER, revenuesOf, seedOrg, setup, writeCsv } from './import-files-support';

// Issue 16, item 9: a revenue file imported without naming an operation is create_only, the
// seed's rule: a revenue whose external_id is stored is skipped_duplicate and kept as stored.
// Other entities keep create_or_update (billing rows finalize the records a sync made).

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'closebook.mjs');
const FILE_ROWS = [REVENUE_HEADER, 'r1,sale,2026-10-05,99.00,USD,changed', 'r2,sale,2026-10-06,5.00,USD,new'];

function seedStored(db: ReturnType<typeof setup>['workspace']['db']): void {
  db.prepare(
    "INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, description, created_at, updated_at) VALUES (?, 'r1', 'sale', '2026-10-05T00:00:00Z', '2026-10', 10000000, 'USD', 'stored', 'x', 'x')",
  ).run(ORG);
}

describe('the default operation of a file import', () => {
  it('revenues: check and commit without an operation skip the stored revenue as a duplicate and keep it', async () => {
    const { core, dir, workspace } = setup();
    seedStored(workspace.db);
    const path = writeCsv(dir, 'r.csv', FILE_ROWS);
    const input = { orgId: ORG, entity: 'revenues', path };
    expect(await ok<ImportCheck>(core, 'imports.check', input)).toMatchObject({ counts: { created: 1, updated: 0, skipped_duplicate: 1 } });
    const result = await ok<ImportCommitResult>(core, 'imports.commit', input);
    expect(result).toMatchObject({ status: 'committed', counts: { created: 1, updated: 0, skipped_duplicate: 1 } });
    expect(revenuesOf(workspace.db)[0]).toMatchObject({ external_id: 'r1', amount_micros: 10_000_000, description: 'stored' });
    expect(workspace.db.prepare('SELECT operation FROM import_batches WHERE id = ?').pluck().get(result.batchId)).toBe('create_only');
    // Named, create_or_update still updates.
    const update = await ok<ImportCommitResult>(core, 'imports.commit', { ...input, operation: 'create_or_update' });
    expect(update.counts).toMatchObject({ updated: 1, unchanged: 1 });
  });

  it('payees keep create_or_update; an operation that is not one of the three is refused, naming the field', async () => {
    const { core, dir, workspace } = setup();
    const path = writeCsv(dir, 'p.csv', ['external_id,name', 'pe_1,Ada Books Ltd']);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'payees', path });
    expect(result.counts).toMatchObject({ updated: 1 });
    expect(workspace.db.prepare("SELECT name FROM payees WHERE external_id = 'pe_1'").pluck().get()).toBe('Ada Books Ltd');
    const error = await fails(core, 'imports.check', { orgId: ORG, entity: 'revenues', path, operation: 'upsert' });
    expect(error).toMatchObject({ type: 'validation_error', detail: { issues: [expect.objectContaining({ field: 'operation' })] } });
  });

  it('the CLI without --operation imports revenues create_only', () => {
    const dir = tempDir();
    const ws = join(dir, 'cli.closebook');
    const workspace = openWorkspace(ws);
    seedOrg(workspace.db);
    seedStored(workspace.db);
    workspace.close();
    const file = writeCsv(dir, 'r.csv', FILE_ROWS);
    const run = spawnSync(process.execPath, [BIN, 'import', 'revenues', file, '--workspace', ws, '--org', ORG], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ counts: { created: 1, updated: 0, skipped_duplicate: 1 } });
    const help = spawnSync(process.execPath, [BIN, 'import', '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(help.stdout + help.stderr).toContain('default create_only for revenues');
  });
});
