import { describe, expect, it } from 'vitest';
import type { ReportCsv, ReportJson } from '../../src/shared/contract/reports';
import type { ShowbackBatchResponse } from '../../src/shared/contract/showback';
import { decimalToMicros } from '../../src/shared/money';
import { tempWorkspace } from '../support/temp-workspace';
import { call, ok } from './imports-records-support';

// The showback report types through the catalog's methods: data written by the batch
// methods, a month closed, its periods, JSON rows that tie out, CSV the same bytes on every
// export, a bad parameter named, and the closed month's data refusing changes.

const PARENT = 'org-p';
const CHILD = 'org-c';

async function closedMarch() {
  const ctx = tempWorkspace();
  const db = ctx.workspace.db;
  const org = db.prepare("INSERT INTO orgs (id, name, currency, parent_id, created_at) VALUES (?, ?, 'USD', ?, '2026-01-01T00:00:00Z')");
  org.run(PARENT, 'Parent', null);
  org.run(CHILD, 'Child', PARENT);
  await ok(ctx.core, 'commitments.batch', {
    orgId: PARENT,
    records: [
      { external_id: 'cm-1', name: 'Plan', purchase_date: '2026-02-01', term_start: '2026-02-01', term_end: '2026-04-30', monthly_premium: '1000.01', rebates: '0.07', commitment_cost: '33.333333' },
    ],
  });
  const base = { account: 'acct-a', service: 'compute', on_demand_cost: '2.50' };
  await ok(ctx.core, 'showback.usageBatch', {
    orgId: PARENT,
    records: [
      { ...base, month: '2026-02', covered_cost: '0' },
      { ...base, month: '2026-03', covered_cost: '300.00' },
      { ...base, month: '2026-03', account: 'acct-b', child_org_id: CHILD, covered_cost: '150.00' },
      { ...base, month: '2026-03', account: 'acct-c', service: 'storage', child_org_id: CHILD, covered_cost: '150.00' },
      { ...base, month: '2026-04', covered_cost: '10.00' },
    ],
  });
  const finalize = db.prepare("INSERT INTO periods (org_id, period, status, finalized_at) VALUES (?, ?, 'finalized', '2026-05-02T10:00:00Z')");
  finalize.run(PARENT, '2026-02');
  finalize.run(PARENT, '2026-03');
  return ctx;
}

describe('showback reports through reports.get and reports.periods', () => {
  it('lists the closed months, answers rows that tie out, the same CSV twice, and refuses writes into a closed month', async () => {
    const { core } = await closedMarch();
    const periods = await ok<{ periods: unknown[] }>(core, 'reports.periods', { orgId: PARENT, report_type: 'showback_by_service' });
    expect(periods.periods).toEqual([
      { year: 2026, month: 3, status: 'finalized' },
      { year: 2026, month: 2, status: 'finalized' },
    ]);

    const march = await ok<ReportJson>(core, 'reports.get', { orgId: PARENT, report_type: 'showback_by_service', year: 2026, month: 3 });
    expect(march.rows.map((r) => [r.service, r.premium, r.rebates, r.commitment_cost])).toEqual([
      // covered 450 : 150 -> 3 : 1.
      ['compute', '750.0075', '0.0525', '25.00'],
      ['storage', '250.0025', '0.0175', '8.333333'],
    ]);
    const sum = (column: string) => march.rows.reduce((a, r) => a + decimalToMicros(String(r[column])), 0n);
    expect([sum('premium'), sum('rebates'), sum('commitment_cost')]).toEqual([1_000_010_000n, 70_000n, 33_333_333n]);

    const february = await ok<ReportJson>(core, 'reports.get', { orgId: PARENT, report_type: 'showback_by_child_org', year: 2026, month: 2 });
    expect(february.rows.map((r) => [r.child_org_name, r.row_type, r.effective_cost])).toEqual([
      ['Parent', 'allocated', '0.00'],
      [null, 'unallocated', '1033.273333'],
    ]);

    const csv = async () => ok<ReportCsv>(core, 'reports.get', { orgId: PARENT, report_type: 'showback_by_account', year: 2026, month: 3, format: 'csv' });
    const first = await csv();
    expect((await csv()).csv).toBe(first.csv);
    expect(first.csv).toContain('account,row_type,currency,on_demand_cost,covered_cost,premium,rebates,commitment_cost,effective_cost,savings,total_cost');

    const april = await call(core, 'reports.get', { orgId: PARENT, report_type: 'showback_by_account', year: 2026, month: 4 });
    expect(!april.ok && april.error.code).toBe('period_not_available');
    const bad = await call(core, 'reports.get', { orgId: PARENT, report_type: 'showback_by_account', year: 2026, month: 3, params: { currency: 'usd' } });
    expect(!bad.ok && bad.error.message).toMatch(/params\.currency/);

    const write = await ok<ShowbackBatchResponse>(core, 'showback.usageBatch', { orgId: PARENT, records: [{ month: '2026-03', account: 'acct-a', service: 'compute', on_demand_cost: '0', covered_cost: '1.00' }] });
    expect(write.data[0].status).toBe('blocked_locked_period');
    expect((await csv()).csv).toBe(first.csv);
  });
});
