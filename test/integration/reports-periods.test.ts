import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportCatalogEntry, ReportJson, ReportPeriod } from '../../src/shared/contract/reports';
import type { PayoutRun } from '../../src/shared/contract/payouts';
import { addMonths } from '../../src/shared/period';
import { currentPeriod } from '../../src/main/close/month-state';
import { callOk } from '../support/temp-workspace';
import { callError, reportsDemo, type ReportsDemo } from './reports-support';

let demo: ReportsDemo;
beforeAll(() => {
  demo = reportsDemo();
}, 120_000);
afterAll(() => demo?.dispose());

const asPeriod = (p: { year: number; month: number }) => `${p.year}-${String(p.month).padStart(2, '0')}`;
const periodsOf = async (report_type: string, params?: object) =>
  (await callOk<{ periods: ReportPeriod[] }>(demo.core, 'reports.periods', { orgId: demo.orgId, report_type, params })).periods;
const finalizedMonths = () =>
  demo.workspace.db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized'").pluck().all(demo.orgId) as string[];

describe('reports.periods (seed 000)', () => {
  it('lists closed months as finalized and, for a daily report only, the current month as in_progress, newest first', async () => {
    const current = currentPeriod(demo.workspace.db, demo.orgId);
    const { reports } = await callOk<{ reports: ReportCatalogEntry[] }>(demo.core, 'reports.list', { orgId: demo.orgId });
    let sawDaily = false;
    for (const report of reports) {
      const periods = await periodsOf(report.report_type);
      const names = periods.map(asPeriod);
      expect(names, report.report_type).toEqual([...names].sort().reverse());
      expect(new Set(names).size).toBe(names.length);
      for (const p of periods) {
        if (p.status === 'finalized') expect(finalizedMonths()).toContain(asPeriod(p));
        else expect([asPeriod(p), report.update_cadence]).toEqual([current, 'daily']);
      }
      if (report.update_cadence === 'daily') {
        sawDaily = true;
        expect(periods[0]).toEqual({ year: Number(current.slice(0, 4)), month: Number(current.slice(5)), status: 'in_progress' });
      }
    }
    expect(sawDaily).toBe(true);
  });

  it('the revenue report lists every closed month holding revenue, and not the month that ended but is still open', async () => {
    const withRevenue = demo.workspace.db.prepare('SELECT DISTINCT period FROM revenues WHERE org_id = ?').pluck().all(demo.orgId) as string[];
    const expected = withRevenue.filter((p) => finalizedMonths().includes(p));
    const names = (await periodsOf('revenue_by_product_and_kind')).filter((p) => p.status === 'finalized').map(asPeriod);
    expect(names.length).toBeGreaterThan(3);
    expect(names).toEqual(expected.sort().reverse());
    const open = addMonths(currentPeriod(demo.workspace.db, demo.orgId), -1);
    expect(withRevenue).toContain(open);
    expect(names).not.toContain(open);
  });

  it('a month outside the periods is 404 period_not_available (an open month, a month before any data, the current month of a monthly report)', async () => {
    const current = currentPeriod(demo.workspace.db, demo.orgId);
    const cases: Array<[string, string]> = [
      ['revenue_by_product_and_kind', addMonths(current, -1)],
      ['revenue_by_product_and_kind', '2001-01'],
      ['revenue_by_product_and_kind', addMonths(current, 1)],
      ['statements_summary', current],
    ];
    for (const [report_type, period] of cases) {
      const error = await callError(demo.core, 'reports.get', { orgId: demo.orgId, report_type, year: Number(period.slice(0, 4)), month: Number(period.slice(5)) });
      expect([error.type, error.code], `${report_type} ${period}`).toEqual(['not_found', 'period_not_available']);
      expect(error.message).toMatch(new RegExp(`^.+ has no period ${period} for this organization \\(reports\\.periods lists the months it can be read for\\)$`));
      expect(error.detail).toMatchObject({ field: 'month', year: Number(period.slice(0, 4)), month: Number(period.slice(5)) });
    }
  });

  it('a parameter narrows the periods: a currency nothing is in has none', async () => {
    expect(await periodsOf('reconciliation_adjustments_by_customer', { currency: 'JPY' })).toEqual([]);
    expect((await periodsOf('reconciliation_adjustments_by_customer')).length).toBeGreaterThan(0);
  });

  it("payouts by payee: a month appears once its payouts are run and it is closed; the rows are the stored run's payee lines", async () => {
    const month = addMonths(currentPeriod(demo.workspace.db, demo.orgId), -1);
    const run = await callOk<PayoutRun>(demo.core, 'payouts.run', { orgId: demo.orgId, period: month });
    expect(run.payees.length).toBeGreaterThan(0);
    expect((await periodsOf('payouts_by_payee')).map(asPeriod)).not.toContain(month);
    demo.workspace.db.prepare("UPDATE periods SET status = 'finalized', finalized_at = '2026-01-01T00:00:00Z' WHERE org_id = ? AND period = ?").run(demo.orgId, month);
    expect((await periodsOf('payouts_by_payee'))[0]).toEqual({ year: Number(month.slice(0, 4)), month: Number(month.slice(5)), status: 'finalized' });
    const report = await callOk<ReportJson>(demo.core, 'reports.get', { orgId: demo.orgId, report_type: 'payouts_by_payee', year: Number(month.slice(0, 4)), month: Number(month.slice(5)) });
    const key = (r: { name: unknown; currency: unknown; payable: unknown; closing: unknown }) => `${String(r.name)}|${String(r.currency)}|${String(r.payable)}|${String(r.closing)}`;
    expect(report.rows.map((r) => key({ name: r.payee_name, currency: r.currency, payable: r.payable, closing: r.closing })).sort()).toEqual(
      run.payees.map((p) => key({ name: p.payeeName, currency: p.currency, payable: p.payable, closing: p.closing })).sort(),
    );
    const usd = await callOk<ReportJson>(demo.core, 'reports.get', { orgId: demo.orgId, report_type: 'payouts_by_payee', year: Number(month.slice(0, 4)), month: Number(month.slice(5)), params: { currency: 'USD' } });
    expect(usd.rows.length).toBe(run.payees.filter((p) => p.currency === 'USD').length);
    expect(usd.rows.every((r) => r.currency === 'USD')).toBe(true);
  });
});
