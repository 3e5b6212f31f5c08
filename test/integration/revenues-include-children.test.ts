import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RevenueRow } from '../../src/shared/contract/revenues';
import { decimalToMicros, microsToDecimal } from '../../src/shared/money';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';

type Core = ReturnType<typeof tempWorkspace>['core'];
type Totals = Array<{ currency: string; amount: string }>;

interface Sale {
  id: string;
  at: string;
  amount: string;
  currency: string;
}

// A parent (UTC) with a child (Los Angeles) and a grandchild below it, and an unrelated
// top-level org whose rows must never appear in the parent's view.
const ROWS: Record<'parent' | 'child' | 'grandchild' | 'other', Sale[]> = {
  parent: [
    { id: 'p1', at: '2026-10-03T10:00:00Z', amount: '100.10', currency: 'USD' },
    { id: 'p2', at: '2026-10-04T10:00:00Z', amount: '9.99', currency: 'EUR' },
  ],
  child: [
    { id: 'c1', at: '2026-10-05T10:00:00Z', amount: '250.00', currency: 'USD' },
    { id: 'c2', at: '2026-10-06T10:00:00Z', amount: '1500', currency: 'JPY' },
    // 2026-10-31 22:00 in Los Angeles: October on the child's clock, November in UTC.
    { id: 'c3', at: '2026-11-01T05:00:00Z', amount: '0.125', currency: 'USD' },
  ],
  grandchild: [{ id: 'g1', at: '2026-10-07T10:00:00Z', amount: '0.01', currency: 'EUR' }],
  other: [{ id: 'o1', at: '2026-10-08T10:00:00Z', amount: '777.00', currency: 'USD' }],
};

async function setup() {
  const ctx = tempWorkspace();
  const { core } = ctx;
  const create = (input: object) => callOk<{ id: string }>(core, 'orgs.create', input);
  const parent = await create({ name: 'Parent', currency: 'USD' });
  const child = await create({ name: 'Child West', currency: 'USD', parentId: parent.id, timeZone: 'America/Los_Angeles' });
  const grandchild = await create({ name: 'Grandchild', currency: 'EUR', parentId: child.id });
  const other = await create({ name: 'Other', currency: 'USD' });
  const ids = { parent: parent.id, child: child.id, grandchild: grandchild.id, other: other.id };
  for (const [org, sales] of Object.entries(ROWS) as Array<[keyof typeof ROWS, Sale[]]>) {
    const records = sales.map((s) => ({ external_id: s.id, occurred_at: s.at, amount: s.amount, currency: s.currency }));
    await callOk(core, 'revenues.batch', { orgId: ids[org], records });
  }
  return { ...ctx, ids };
}

const list = (core: Core, input: object) => callOk<{ rows: RevenueRow[]; rowCount: number }>(core, 'revenues.list', { startRow: 0, endRow: 100, ...input });
const summary = (core: Core, input: object) => callOk<{ rowCount: number; totals: Totals }>(core, 'revenues.summary', input);

/** Exact totals per currency of the given sales, worked out here from the test's own rows. */
function expectedTotals(sales: Sale[]): Totals {
  const byCurrency = new Map<string, bigint>();
  for (const s of sales) byCurrency.set(s.currency, (byCurrency.get(s.currency) ?? 0n) + decimalToMicros(s.amount));
  return [...byCurrency.keys()].sort().map((currency) => ({ currency, amount: microsToDecimal(byCurrency.get(currency)!) }));
}

describe('includeChildren: a parent org with every org below it', () => {
  it('lists the parent, its child and grandchild, never another org, each row naming its org', async () => {
    const { core, ids } = await setup();
    const own = await list(core, { orgId: ids.parent });
    expect(own.rows.map((r) => r.externalId).sort()).toEqual(['p1', 'p2']);

    const all = await list(core, { orgId: ids.parent, includeChildren: true, sortModel: [{ colId: 'externalId', sort: 'asc' }] });
    expect(all.rowCount).toBe(6);
    expect(all.rows.map((r) => [r.externalId, r.orgName])).toEqual([
      ['c1', 'Child West'],
      ['c2', 'Child West'],
      ['c3', 'Child West'],
      ['g1', 'Grandchild'],
      ['p1', 'Parent'],
      ['p2', 'Parent'],
    ]);
    expect(all.rows.find((r) => r.externalId === 'g1')?.orgId).toBe(ids.grandchild);

    // From the child down: the child and the grandchild, not the parent.
    const fromChild = await list(core, { orgId: ids.child, includeChildren: true });
    expect(fromChild.rows.map((r) => r.externalId).sort()).toEqual(['c1', 'c2', 'c3', 'g1']);
    // An org without children: the same as without the switch.
    expect((await list(core, { orgId: ids.other, includeChildren: true })).rows.map((r) => r.externalId)).toEqual(['o1']);
  });

  it('totals per currency over the org and its children, exact, the same rows the list counts', async () => {
    const { core, ids } = await setup();
    const family = [...ROWS.parent, ...ROWS.child, ...ROWS.grandchild];
    const total = await summary(core, { orgId: ids.parent, includeChildren: true });
    expect(total.rowCount).toBe(family.length);
    expect(total.totals).toEqual(expectedTotals(family));
    expect(total.totals.map((t) => t.currency)).toEqual(['EUR', 'JPY', 'USD']);
    // Without the switch: the parent's own rows only.
    expect(await summary(core, { orgId: ids.parent })).toEqual({ rowCount: 2, totals: expectedTotals(ROWS.parent) });
    // A filter applies to the children's rows too.
    const usd = await summary(core, { orgId: ids.parent, includeChildren: true, filterModel: { currency: { filterType: 'text', type: 'equals', filter: 'USD' } } });
    expect(usd.totals).toEqual(expectedTotals(family.filter((s) => s.currency === 'USD')));
  });

  it("takes each row's period from its own org's clock, and filters and sorts by the org column", async () => {
    const { core, ids } = await setup();
    const october = await list(core, { orgId: ids.parent, includeChildren: true, period: '2026-10' });
    // c3 is 2026-10-31 22:00 in Los Angeles, so October for the child although November in UTC.
    expect(october.rows.map((r) => r.externalId).sort()).toEqual(['c1', 'c2', 'c3', 'g1', 'p1', 'p2']);
    expect((await list(core, { orgId: ids.parent, includeChildren: true, period: '2026-11' })).rowCount).toBe(0);

    const grandchildOnly = await list(core, {
      orgId: ids.parent,
      includeChildren: true,
      filterModel: { orgName: { filterType: 'text', type: 'contains', filter: 'grand' } },
    });
    expect(grandchildOnly.rows.map((r) => r.externalId)).toEqual(['g1']);
    const byOrg = await list(core, { orgId: ids.parent, includeChildren: true, sortModel: [{ colId: 'orgName', sort: 'desc' }, { colId: 'externalId', sort: 'asc' }] });
    expect(byOrg.rows.map((r) => r.orgName)).toEqual(['Parent', 'Parent', 'Grandchild', 'Child West', 'Child West', 'Child West']);
  });

  it('exports the children with the Organization column, and the export ties out to the summary', async () => {
    const { core, ids, dir } = await setup();
    const path = join(dir, 'family.csv');
    const view = { orgId: ids.parent, includeChildren: true, sortModel: [{ colId: 'externalId', sort: 'asc' }] };
    const result = await callOk<{ rowCount: number }>(core, 'revenues.export', { ...view, columns: ['externalId', 'orgName', 'amount', 'currency'], path });
    expect(result.rowCount).toBe(6);
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd(), { newline: '\r\n' }).data;
    expect(header).toEqual(['External ID', 'Organization', 'Amount', 'Currency']);
    expect(rows.map((r) => r[1])).toEqual(['Child West', 'Child West', 'Child West', 'Grandchild', 'Parent', 'Parent']);
    const exported = rows.map((r) => ({ id: r[0], at: '', amount: r[2], currency: r[3] }));
    expect(expectedTotals(exported)).toEqual((await summary(core, view)).totals);
  });

  it('refuses a non-boolean switch, naming the field', async () => {
    const { core, ids } = await setup();
    const result = await core.call('revenues.summary', { orgId: ids.parent, includeChildren: 'yes' }, LOCAL).result;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: { issues: [{ field: 'includeChildren' }] } } });
  });
});
