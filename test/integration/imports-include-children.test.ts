import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/shared/contract/grid';
import type { ImportBatchRow } from '../../src/shared/contract/imports';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// imports.list with includeChildren: a parent's batches with those of every org below it,
// each row naming its org; without it, the org's own batches only.

const record = (id: string) => ({ external_id: id, kind: 'sale', occurred_at: '2026-10-05T10:00:00Z', amount: '1.00', currency: 'USD' });

describe('imports.list, a parent with its children', () => {
  it("lists the child's batches beside the parent's only when asked, each with its org, and a month filter still applies", async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const parent = await callOk<{ meta: { batch_id: number } }>(core, 'revenues.batch', { orgId: 'org-parent', records: [record('p1')] });
    const child = await callOk<{ meta: { batch_id: number } }>(core, 'revenues.batch', { orgId: 'org-parent-child', records: [record('c1'), record('c2')] });
    const page = { startRow: 0, endRow: 100 };

    const own = await callOk<Page<ImportBatchRow>>(core, 'imports.list', { orgId: 'org-parent', ...page });
    expect(own.rows.map((b) => [b.id, b.orgId])).toEqual([[parent.meta.batch_id, 'org-parent']]);

    const all = await callOk<Page<ImportBatchRow>>(core, 'imports.list', { orgId: 'org-parent', includeChildren: true, ...page });
    expect(all.rowCount).toBe(2);
    expect(all.rows.map((b) => [b.id, b.orgId])).toEqual([
      [child.meta.batch_id, 'org-parent-child'],
      [parent.meta.batch_id, 'org-parent'],
    ]);

    // A child's consolidated view is the child alone (nothing above it).
    const fromChild = await callOk<Page<ImportBatchRow>>(core, 'imports.list', { orgId: 'org-parent-child', includeChildren: true, ...page });
    expect(fromChild.rows.map((b) => b.orgId)).toEqual(['org-parent-child']);

    const otherMonth = await callOk<Page<ImportBatchRow>>(core, 'imports.list', { orgId: 'org-parent', includeChildren: true, period: '2026-09', ...page });
    expect(otherMonth.rowCount).toBe(0);
  });

  it('refuses an unknown org and a non-boolean includeChildren, naming them', async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const unknown = await core.call('imports.list', { orgId: 'nope', includeChildren: true, startRow: 0, endRow: 10 }, LOCAL).result;
    expect(unknown.ok).toBe(false);
    const bad = await core.call('imports.list', { orgId: 'org-parent', includeChildren: 'yes', startRow: 0, endRow: 10 }, LOCAL).result;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(JSON.stringify(bad.error)).toContain('includeChildren');
  });
});
