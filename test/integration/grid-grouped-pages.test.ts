import { describe, expect, it } from 'vitest';
import type { FilterModel, SortModel } from '../../src/shared/contract/grid';
import type { RevenueRow } from '../../src/shared/contract/revenues';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues, type SeedRevenue } from '../support/seed-revenues';

// Over all periods, a view ordered by date or by period pages within one month at a time
// (grid/page-query.ts, groupedPage): the rows per month are counted, and a page starts
// its walk at its first month's start or its last month's end. Months of very different
// sizes (one of a single row, empty months between) and pages that straddle months must
// still give exactly the rows of the whole view, in its order.

const MONTH_SIZES: Array<[string, number]> = [
  ['2025-11', 40],
  ['2025-12', 1],
  ['2026-03', 73],
  ['2026-04', 2],
  ['2026-09', 55],
  ['2026-10', 29],
];
const ROWS: SeedRevenue[] = MONTH_SIZES.flatMap(([month, size], m) =>
  Array.from({ length: size }, (_, i) => ({
    externalId: `ch_${m}_${i}`,
    kind: i % 7 === 0 ? 'refund' : 'sale',
    // Ties on purpose: rows share an instant, so the key decides their order.
    occurredAt: `${month}-${String(1 + ((i * 5) % 27)).padStart(2, '0')}T${String((i * 3) % 24).padStart(2, '0')}:00:00Z`,
    amount: String((i * 37) % 13),
    payee: i % 4 === 0 ? undefined : `Payee ${i % 3}`,
  })),
);

const SORTS: SortModel[] = [
  [{ colId: 'occurredAt', sort: 'asc' }],
  [{ colId: 'occurredAt', sort: 'desc' }],
  [{ colId: 'period', sort: 'asc' }],
  [{ colId: 'period', sort: 'desc' }],
];
const FILTERS: FilterModel[] = [{}, { kind: { filterType: 'set', values: ['sale'] } }, { payeeName: { filterType: 'text', type: 'contains', filter: '1' } }];

type Core = ReturnType<typeof tempWorkspace>['core'];
const list = (core: Core, input: object) => callOk<{ rows: RevenueRow[]; rowCount: number }>(core, 'revenues.list', { orgId: 'org-parent', period: null, ...input });

/** The view's order computed here from the rows themselves: month, instant, id, each in the sort's direction. */
function expectedIds(rows: RevenueRow[], sort: SortModel[number]): number[] {
  const sign = sort.sort === 'desc' ? -1 : 1;
  const byDate = sort.colId === 'occurredAt';
  return [...rows]
    .sort((a, b) => sign * (a.period.localeCompare(b.period) || (byDate ? a.occurredAt.localeCompare(b.occurredAt) : 0) || a.id - b.id))
    .map((r) => r.id);
}

describe('pages of all periods by date or by period, walked within their month', () => {
  it('every block, in blocks of several sizes and at every start, is the same rows in the same order as the view computed from its rows', async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, ROWS);
    for (const filterModel of FILTERS) {
      // The view's rows in no particular order (by id), to compute the order from.
      const all = await list(core, { sortModel: [], filterModel, startRow: 0, endRow: 1000 });
      expect(all.rows.length).toBe(all.rowCount);
      expect(all.rowCount).toBeGreaterThan(40);
      for (const sortModel of SORTS) {
        const expected = expectedIds(all.rows, sortModel[0]);
        const label = `${JSON.stringify(sortModel)} ${JSON.stringify(filterModel)}`;
        for (const block of [1, 10, 37, 100]) {
          const paged: number[] = [];
          for (let start = 0; start < all.rowCount; start += block) {
            const page = await list(core, { sortModel, filterModel, startRow: start, endRow: start + block });
            expect(page.rowCount, label).toBe(all.rowCount);
            paged.push(...page.rows.map((r) => r.id));
          }
          expect(paged, `${label} in blocks of ${block}`).toEqual(expected);
        }
        // Blocks starting at every row (each straddles a month's end somewhere), jumping as a dragged scrollbar does.
        for (let start = all.rowCount - 1; start >= 0; start -= 3) {
          const page = await list(core, { sortModel, filterModel, startRow: start, endRow: start + 13 });
          expect(page.rows.map((r) => r.id), `${label} from ${start}`).toEqual(expected.slice(start, start + 13));
        }
        const beyond = await list(core, { sortModel, filterModel, startRow: all.rowCount, endRow: all.rowCount + 5 });
        expect(beyond).toEqual({ rows: [], rowCount: all.rowCount });
      }
    }
  });

  it('a row written into a month after the months were counted moves the pages after it', async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, ROWS);
    const view = { sortModel: [{ colId: 'occurredAt', sort: 'asc' }], filterModel: {}, startRow: 41, endRow: 44 };
    const before = await list(core, view);
    // Rows 41..43: past the first two months (40 + 1 rows), in the third.
    expect(before.rows.map((r) => r.period)).toEqual(['2026-03', '2026-03', '2026-03']);
    const written = await callOk<{ meta: { created: number } }>(core, 'revenues.batch', {
      orgId: 'org-parent',
      records: [{ external_id: 'early_1', kind: 'sale', occurred_at: '2025-11-01T00:00:00Z', amount: '1', currency: 'USD' }],
    });
    expect(written.meta.created).toBe(1);
    const after = await list(core, view);
    expect(after.rowCount).toBe(ROWS.length + 1);
    // One row more in the first month: every later row is one place further down.
    const shifted = await list(core, { ...view, startRow: 42, endRow: 45 });
    expect(shifted.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
    expect(after.rows[0].id).not.toBe(before.rows[0].id);
  });
});
