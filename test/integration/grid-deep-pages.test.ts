import { describe, expect, it } from 'vitest';
import type { SortModel } from '../../src/shared/contract/grid';
import type { RevenueRow } from '../../src/shared/contract/revenues';
import { openDatabase } from '../../src/main/db/driver';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues, type SeedRevenue } from '../support/seed-revenues';

// A page past the middle of a view is read from the far end in the reversed order
// (grid/page-query.ts), and a view's row count is kept until the next write
// (grid/view-memo.ts). Every page, read block by block as the grid asks, must be the
// same rows in the same order as the whole view read in one go, and a write must never
// leave an old count behind.

const PAYEES = ['Ada Books', 'Ben Audio', 'Cy', undefined];
const ROWS: SeedRevenue[] = Array.from({ length: 157 }, (_, i) => ({
  externalId: i % 11 === 0 ? null : `ch_${(i * 7919) % 1000}`,
  kind: i % 9 === 0 ? 'adjustment' : 'sale',
  // Ties on purpose: many rows share a day and an amount, so the key decides their order.
  occurredAt: `2026-10-${String(1 + (i % 5)).padStart(2, '0')}T10:00:00Z`,
  amount: String((i * 37) % 13),
  payee: PAYEES[i % PAYEES.length],
  description: i % 3 === 0 ? null : `row ${i % 6}`,
}));

const SORTS: SortModel[] = [
  [],
  [{ colId: 'amount', sort: 'desc' }],
  [{ colId: 'occurredAt', sort: 'asc' }],
  [{ colId: 'payeeName', sort: 'asc' }],
  [{ colId: 'description', sort: 'desc' }, { colId: 'amount', sort: 'asc' }],
];

const list = (core: ReturnType<typeof tempWorkspace>['core'], input: object) =>
  callOk<{ rows: RevenueRow[]; rowCount: number }>(core, 'revenues.list', { orgId: 'org-parent', ...input });

describe('grid pages read from the far end', () => {
  it('every block equals the same rows of the whole view, for each sort, near the start, past the middle and at the end', async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, ROWS);
    for (const sortModel of SORTS) {
      for (const filterModel of [{}, { payeeName: { filterType: 'text', type: 'notContains', filter: 'a' } }]) {
        const whole = await list(core, { sortModel, filterModel, startRow: 0, endRow: 1000 });
        expect(whole.rows.length).toBe(whole.rowCount);
        const ids = whole.rows.map((r) => r.id);
        for (const block of [10, 37]) {
          const paged: number[] = [];
          for (let start = 0; start < whole.rowCount; start += block) {
            const page = await list(core, { sortModel, filterModel, startRow: start, endRow: start + block });
            expect(page.rowCount).toBe(whole.rowCount);
            paged.push(...page.rows.map((r) => r.id));
          }
          expect(paged, `${JSON.stringify(sortModel)} ${JSON.stringify(filterModel)} in blocks of ${block}`).toEqual(ids);
        }
        // A block asked for past the last row answers nothing, with the count.
        const beyond = await list(core, { sortModel, filterModel, startRow: whole.rowCount, endRow: whole.rowCount + 10 });
        expect(beyond).toEqual({ rows: [], rowCount: whole.rowCount });
      }
    }
  });

  it('a write after a count is counted: the next page of the same view says the new count and shows the new row', async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, ROWS);
    const view = { sortModel: [{ colId: 'amount', sort: 'desc' }], filterModel: {}, startRow: 150, endRow: 160 };
    const before = await list(core, view);
    expect(before.rowCount).toBe(ROWS.length);
    const written = await callOk<{ meta: { created: number } }>(core, 'revenues.batch', {
      orgId: 'org-parent',
      records: [{ external_id: 'late_1', kind: 'adjustment', occurred_at: '2026-10-20T10:00:00Z', amount: '-1', currency: 'USD' }],
    });
    expect(written.meta.created).toBe(1);
    const after = await list(core, view);
    expect(after.rowCount).toBe(ROWS.length + 1);
    // The new row has the smallest amount, so it is the last row of the view.
    expect(after.rows.at(-1)?.externalId).toBe('late_1');
  });

  it('a row written by another connection (an import worker) is counted too', async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, ROWS);
    const view = { sortModel: [], filterModel: {}, startRow: 0, endRow: 10 };
    expect((await list(core, view)).rowCount).toBe(ROWS.length);
    const other = openDatabase(workspace.db.name);
    try {
      other
        .prepare(`INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, quantity, created_at, updated_at)
          VALUES ('org-parent', 'other_1', 'sale', '2026-10-21T10:00:00Z', '2026-10', 5000000, 'USD', 1, '2026-10-21T10:00:00Z', '2026-10-21T10:00:00Z')`)
        .run();
    } finally {
      other.close();
    }
    expect((await list(core, view)).rowCount).toBe(ROWS.length + 1);
  });
});
