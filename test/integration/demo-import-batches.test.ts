import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../src/shared/contract/grid';
import type { ImportBatchRow, OutcomeRow } from '../../src/shared/contract/imports';
import type { Org } from '../../src/shared/contract/orgs';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../src/main/core/in-process';
import type { CoreHost } from '../../src/main/core/host';
import { openWorkspace, type Workspace } from '../../src/main/db/workspace';
import { createDemoWorkspace } from '../../src/main/demo/create';

// The demo's Imports screen: batches made by the real import code, one of each kind an
// accountant meets (kept with refused rows, undone, rejected), with no revenue added.

const REVENUES = 4_000;
let dir: string;
let workspace: Workspace;
let core: CoreHost;

async function call<T>(method: string, input: object): Promise<T> {
  const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'closebook-demo-imports-'));
  const { path } = createDemoWorkspace(join(dir, 'demo.closebook'), { revenues: REVENUES, endPeriod: '2026-11' });
  workspace = openWorkspace(path, { create: false });
  core = inProcessCore(workspace);
});
afterAll(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo import batches', () => {
  it('the parent with its children shows a kept batch with refused rows, an undone batch and a rejected one; the revenue count is what was asked', async () => {
    const orgs = (await call<{ orgs: Org[] }>('orgs.list', {})).orgs;
    const parent = orgs.find((o) => o.parentId === null)!;
    const listed = await call<Page<ImportBatchRow>>('imports.list', { orgId: parent.id, includeChildren: true, startRow: 0, endRow: 100 });
    // The processors' files (the sync's batches and the accountant's corrections file are demo-sync.ts's).
    const batches = { rows: listed.rows.filter((b) => b.source === 'file' && !b.profile?.startsWith('sync:') && !b.fileName?.startsWith('discounts-')) };
    expect(batches.rows.map((b) => b.status).sort()).toEqual(['committed', 'rejected', 'undone']);
    const kept = batches.rows.find((b) => b.status === 'committed')!;
    expect(kept.orgId).toBe(parent.id);
    expect(kept).toMatchObject({ updated: 3, unchanged: 1, error: 1, blockedLockedPeriod: 1, created: 0 });
    expect(new Set(batches.rows.map((b) => b.orgId)).size).toBe(3);

    const outcomes = await call<Page<OutcomeRow>>('imports.outcomes', { batchId: kept.id, startRow: 0, endRow: 100 });
    const refused = outcomes.rows.filter((r) => r.outcome === 'error' || r.outcome === 'blocked_locked_period');
    // Columns as the processor's file calls them, messages in words, field and code in the details line.
    expect(refused.map((r) => [r.column, r.details])).toEqual([
      ['Gross', 'error · field amount'],
      ['Created (UTC)', 'blocked_locked_period · field occurred_at'],
    ]);
    expect(workspace.db.prepare('SELECT count(*) FROM revenues').pluck().get()).toBe(REVENUES);
  });

  it('two demos of one seed hold the same batches at the same times', () => {
    const again = createDemoWorkspace(join(dir, 'again.closebook'), { revenues: REVENUES, endPeriod: '2026-11' });
    const other = openWorkspace(again.path, { create: false });
    try {
      const read = (db: Workspace['db']) => db.prepare('SELECT org_id, file_name, status, created_at, undone_at, error_count FROM import_batches ORDER BY id').all();
      expect(read(other.db)).toEqual(read(workspace.db));
    } finally {
      other.close();
    }
  });
});
