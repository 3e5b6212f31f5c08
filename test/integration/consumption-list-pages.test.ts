import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import type { ConsumptionListPage } from '../../src/shared/contract/consumption';
import { consumptionWorkspace, CUSTOMER_A, CUSTOMER_B, estimate, finalize, ok, ORG, OTHER_ORG } from './consumption-support';

// consumption.list reads a page's ids on an index first and a page past the middle from the
// far end (src/main/consumption/list.ts). Every page of a filter, walked one by one, must give
// the filter's records exactly once, oldest month first and in id order within a month, and
// the same count on every page. The expected order is worked out here from the stored rows.

interface Stored {
  id: number;
  uuid: string;
  org_id: string;
  billing_period: string;
  customer_uuid: string | null;
  is_finalized: 0 | 1;
  is_reconciled: 0 | 1;
}

const MONTHS = ['2026-09', '2026-10', '2026-11'];

async function seeded() {
  const ctx = consumptionWorkspace();
  // Months interleaved against ids, so the month order is not the insert order.
  const rows = Array.from({ length: 45 }, (_, i) => ({
    license: `L${i % 4}`,
    resource: `r${i}`,
    period: MONTHS[(i * 7) % 3],
    sell: `${10 + i}.00`,
    buy: '5.00',
    customer: i % 3 === 0 ? CUSTOMER_B : CUSTOMER_A,
  }));
  await estimate(ctx.core, rows);
  await estimate(ctx.core, rows.slice(0, 9), OTHER_ORG);
  // Every other September and October record of the org gets its final amount.
  const billed = rows.filter((r, i) => r.period !== '2026-11' && i % 2 === 0);
  await finalize(ctx.core, ctx.dir, billed.map((r) => ({ license: r.license, resource: r.resource, period: r.period, sell: r.sell, buy: r.buy })));
  return ctx;
}

function expected(db: Database.Database, keep: (r: Stored) => boolean): string[] {
  const all = db.prepare('SELECT id, uuid, org_id, billing_period, customer_uuid, is_finalized, is_reconciled FROM consumption_records').all() as Stored[];
  return all
    .filter(keep)
    .sort((a, b) => (a.billing_period === b.billing_period ? a.id - b.id : a.billing_period < b.billing_period ? -1 : 1))
    .map((r) => r.uuid);
}

const FILTERS: Array<[string, Record<string, unknown>, (r: Stored) => boolean]> = [
  ['no filter', {}, () => true],
  ['one month', { billing_period: '2026-10-01' }, (r) => r.billing_period === '2026-10-01'],
  ['a range, billed', { billing_period_from: '2026-09', billing_period_to: '2026-10', is_finalized: true }, (r) => r.billing_period <= '2026-10-01' && r.is_finalized === 1],
  ['org, unbilled', { orgId: ORG, is_finalized: false }, (r) => r.org_id === ORG && r.is_finalized === 0],
  ['org, month, unreconciled', { orgId: ORG, billing_period: '2026-09-01', is_reconciled: false }, (r) => r.org_id === ORG && r.billing_period === '2026-09-01' && r.is_reconciled === 0],
  ['customer from a month', { customer_uuid: CUSTOMER_A.toUpperCase(), billing_period_from: '2026-10-01' }, (r) => r.customer_uuid === CUSTOMER_A && r.billing_period >= '2026-10-01'],
];

describe('consumption.list pages', () => {
  it.each(FILTERS)('%s: every page in order, each record once, the same count on every page', async (_label, filters, keep) => {
    const { core, workspace } = await seeded();
    const want = expected(workspace.db, keep);
    expect(want.length).toBeGreaterThan(4);
    for (const pageSize of [1, 4, 7]) {
      const pages = Math.ceil(want.length / pageSize);
      const got: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const answer = await ok<ConsumptionListPage>(core, 'consumption.list', { ...filters, page, page_size: pageSize });
        expect(answer).toMatchObject({ count: want.length, page, page_size: pageSize });
        expect(answer.results.length).toBe(Math.min(pageSize, want.length - (page - 1) * pageSize));
        got.push(...answer.results.map((r) => r.uuid));
      }
      expect(got).toEqual(want);
      const past = await ok<ConsumptionListPage>(core, 'consumption.list', { ...filters, page: pages + 1, page_size: pageSize });
      expect(past).toMatchObject({ count: want.length, results: [] });
    }
  });

  it('the per-month counts (migration 31) follow every write: estimates, finals, a run, approve, reverse, an undone batch', async () => {
    const { core, workspace } = await seeded();
    const db = workspace.db;
    const kept = () => db.prepare('SELECT org_id, billing_period, is_finalized, is_reconciled, records FROM consumption_record_counts WHERE records > 0 ORDER BY 1, 2, 3, 4').all();
    const actual = () =>
      db.prepare('SELECT org_id, billing_period, is_finalized, is_reconciled, count(*) AS records FROM consumption_records GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4').all();
    expect(kept()).toEqual(actual());
    await ok(core, 'reconciliation.setTolerance', { tolerance_amount: '1000', tolerance_percent: '100' });
    await ok(core, 'reconciliation.run', { orgId: ORG, period: '2026-09' });
    const reconciled = db.prepare("SELECT uuid FROM consumption_records WHERE is_reconciled = 1 AND billing_period = '2026-09-01' LIMIT 1").pluck().get() as string;
    expect(reconciled).toBeDefined();
    expect(kept()).toEqual(actual());
    await ok(core, 'reconciliation.reverse', { uuid: reconciled, reason: 'checked again' });
    expect(kept()).toEqual(actual());
    await ok(core, 'reconciliation.approve', { uuids: [reconciled], note: 'fine' });
    expect(kept()).toEqual(actual());
    const extra = await estimate(core, [{ license: 'NEW', resource: 'n1', period: '2026-11', sell: '1.00', buy: '0.50' }], OTHER_ORG);
    expect(kept()).toEqual(actual());
    await ok(core, 'imports.undo', { batchId: extra.meta.batch_id });
    expect(kept()).toEqual(actual());
    expect(db.prepare("SELECT count(*) FROM consumption_records WHERE license_reference = 'NEW'").pluck().get()).toBe(0);
  });

  it('a filter nothing matches: count 0 and no rows', async () => {
    const { core } = await seeded();
    expect(await ok(core, 'consumption.list', { billing_period: '2026-12-01', page: 1, page_size: 10 })).toEqual({ count: 0, page: 1, page_size: 10, results: [] });
    expect(await ok(core, 'consumption.list', { orgId: OTHER_ORG, is_finalized: true, page: 2, page_size: 10 })).toEqual({ count: 0, page: 2, page_size: 10, results: [] });
  });
});
