import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumptionGridRow, ConsumptionSummary } from '../../src/shared/contract/consumption';
import type { Page } from '../../src/shared/contract/grid';
import type { Org } from '../../src/shared/contract/orgs';
import type { CompensationItemRow } from '../../src/shared/contract/reconciliation';
import { decimalToMicros } from '../../src/shared/money';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../src/main/core/in-process';
import type { CoreHost } from '../../src/main/core/host';
import { openWorkspace, type Workspace } from '../../src/main/db/workspace';
import { createDemoWorkspace } from '../../src/main/demo/create';

// Reconciliation's consolidated view (issue 16, item 14): with includeChildren the records,
// the totals per currency, the CSV and the compensation items of a parent are its own and its
// children's, exactly: counts and amounts equal the orgs' own, added.

let dir: string;
let workspace: Workspace;
let core: CoreHost;
let parent: Org;
let orgs: Org[];

async function call<T>(method: string, input: object): Promise<T> {
  const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'closebook-recon-children-'));
  const { path } = createDemoWorkspace(join(dir, 'demo.closebook'), { revenues: 2_000, endPeriod: '2026-11' });
  workspace = openWorkspace(path, { create: false });
  core = inProcessCore(workspace);
  orgs = (await call<{ orgs: Org[] }>('orgs.list', {})).orgs;
  parent = orgs.find((o) => o.parentId === null)!;
});
afterAll(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = { startRow: 0, endRow: 1000 };

describe('reconciliation, a parent with its children', () => {
  it('the grid holds every org’s records of the month, each with its org, and the totals per currency add up exactly', async () => {
    const period = '2026-10';
    const all = await call<Page<ConsumptionGridRow>>('consumption.grid', { orgId: parent.id, includeChildren: true, period, ...page });
    let expected = 0;
    const sums = new Map<string, bigint>();
    for (const org of orgs) {
      const own = await call<Page<ConsumptionGridRow>>('consumption.grid', { orgId: org.id, period, ...page });
      expected += own.rowCount;
      expect(all.rows.filter((r) => r.org_id === org.id).length, org.name).toBe(own.rowCount);
      const summary = await call<ConsumptionSummary>('consumption.summary', { orgId: org.id, period });
      for (const t of summary.totals) sums.set(t.currency, (sums.get(t.currency) ?? 0n) + decimalToMicros(t.consumed));
    }
    expect(all.rowCount).toBe(expected);
    expect(new Set(all.rows.map((r) => r.org_id)).size).toBe(orgs.length);
    const consolidated = await call<ConsumptionSummary>('consumption.summary', { orgId: parent.id, includeChildren: true, period });
    expect(new Map(consolidated.totals.map((t) => [t.currency, decimalToMicros(t.consumed)]))).toEqual(sums);
    // Without the switch: the parent's own records only.
    const own = await call<Page<ConsumptionGridRow>>('consumption.grid', { orgId: parent.id, period, ...page });
    expect(own.rows.every((r) => r.org_id === parent.id)).toBe(true);
  });

  it('the CSV and the compensation items follow the same scope', async () => {
    const path = join(dir, 'recon.csv');
    const exported = await call<{ rowCount: number }>('consumption.export', { orgId: parent.id, includeChildren: true, period: '2026-09', path, bom: false });
    const grid = await call<Page<ConsumptionGridRow>>('consumption.grid', { orgId: parent.id, includeChildren: true, period: '2026-09', ...page });
    expect(grid.rowCount).toBeGreaterThan(0);
    expect(exported.rowCount).toBe(grid.rowCount);
    expect(readFileSync(path, 'utf8').trimEnd().split('\r\n').length).toBe(grid.rowCount + 1);

    let items = 0;
    for (const org of orgs) items += (await call<Page<CompensationItemRow>>('reconciliation.compensationItems', { orgId: org.id, ...page })).rowCount;
    const consolidated = await call<Page<CompensationItemRow>>('reconciliation.compensationItems', { orgId: parent.id, includeChildren: true, ...page });
    expect(items).toBeGreaterThan(0);
    expect(consolidated.rowCount).toBe(items);
  });
});
