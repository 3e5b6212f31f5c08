import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportCatalogEntry, ReportJson, ReportPeriod } from '../../src/shared/contract/reports';
import { callOk } from '../support/temp-workspace';
import { callError, issueFields, reportsDemo, type ReportsDemo } from './reports-support';

let demo: ReportsDemo;
beforeAll(() => {
  demo = reportsDemo();
}, 120_000);
afterAll(() => demo?.dispose());

const list = async (include_hidden = false) => (await callOk<{ reports: ReportCatalogEntry[] }>(demo.core, 'reports.list', { orgId: demo.orgId, include_hidden })).reports;

describe('reports.list: the catalog (seed 000)', () => {
  it('declares for every report its title, description, cadence, typed parameters with defaults and columns, money columns naming their currency column', async () => {
    const reports = await list();
    const types = reports.map((r) => r.report_type);
    expect(types).toEqual(expect.arrayContaining(['payouts_by_payee', 'revenue_by_product_and_kind', 'reconciliation_adjustments_by_customer', 'statements_summary', 'showback_by_account', 'showback_by_service', 'showback_by_child_org']));
    expect(new Set(types).size).toBe(types.length);
    for (const report of reports) {
      expect(report.title.length, report.report_type).toBeGreaterThan(0);
      expect(report.description.length).toBeGreaterThan(0);
      expect(['daily', 'monthly']).toContain(report.update_cadence);
      expect(report.hidden).toBe(false);
      for (const p of report.parameters) {
        expect(['string', 'integer', 'boolean', 'date', 'enum']).toContain(p.type);
        expect(typeof p.required).toBe('boolean');
        expect(p).toHaveProperty('default');
        if (p.type === 'enum') expect(p.values!.length).toBeGreaterThan(0);
      }
      const names = report.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const column of report.columns) {
        if (column.type === 'money') expect(names, `${report.report_type}.${column.name}`).toContain(column.currency_column);
      }
    }
  });

  it('hides a report per org: gone from the list, 404 not_found from get and periods; shown again it answers as before', async () => {
    const periods = await callOk<{ periods: ReportPeriod[] }>(demo.core, 'reports.periods', { orgId: demo.orgId, report_type: 'statements_summary' });
    const { year, month } = periods.periods[0]!;
    expect(await callOk(demo.core, 'reports.setHidden', { orgId: demo.orgId, report_type: 'statements_summary', hidden: true })).toEqual({ report_type: 'statements_summary', hidden: true });
    expect((await list()).map((r) => r.report_type)).not.toContain('statements_summary');
    expect((await list(true)).find((r) => r.report_type === 'statements_summary')?.hidden).toBe(true);
    for (const [method, input] of [
      ['reports.get', { orgId: demo.orgId, report_type: 'statements_summary', year, month }],
      ['reports.periods', { orgId: demo.orgId, report_type: 'statements_summary' }],
    ] as const) {
      const error = await callError(demo.core, method, input);
      expect([error.type, error.code]).toEqual(['not_found', 'not_found']);
    }
    // Another org of the workspace still sees it.
    const child = demo.workspace.db.prepare('SELECT id FROM orgs WHERE parent_id IS NOT NULL LIMIT 1').pluck().get() as string;
    expect((await callOk<{ reports: ReportCatalogEntry[] }>(demo.core, 'reports.list', { orgId: child })).reports.map((r) => r.report_type)).toContain('statements_summary');
    await callOk(demo.core, 'reports.setHidden', { orgId: demo.orgId, report_type: 'statements_summary', hidden: false });
    const report = await callOk<ReportJson>(demo.core, 'reports.get', { orgId: demo.orgId, report_type: 'statements_summary', year, month });
    expect(report.rows.length).toBeGreaterThan(0);
  });

  it('an unknown report type is 404 not_found from get, periods and setHidden, and nothing is stored', async () => {
    const unknown = { orgId: demo.orgId, report_type: 'revenue_by_planet' };
    for (const [method, input] of [
      ['reports.get', { ...unknown, year: 2026, month: 1 }],
      ['reports.periods', unknown],
      ['reports.setHidden', { ...unknown, hidden: true }],
    ] as const) {
      const error = await callError(demo.core, method, input);
      expect([error.type, error.code, error.detail], method).toEqual(['not_found', 'not_found', { field: 'report_type', report_type: 'revenue_by_planet' }]);
      expect(error.message, method).toBe(
        method === 'reports.setHidden'
          ? 'There is no report "revenue_by_planet" (reports.list names the ones there are)'
          : 'There is no report "revenue_by_planet" for this organization (reports.list names the ones there are)',
      );
    }
    expect(demo.workspace.db.prepare('SELECT count(*) FROM report_hidden').pluck().get()).toBe(0);
  });
});

describe('reports.get: bad input is a 400 naming it', () => {
  const base = () => ({ orgId: demo.orgId, report_type: 'revenue_by_product_and_kind', year: 2026, month: 1 });
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['year 0', { year: 0 }, 'year'],
    ['month 13', { month: 13 }, 'month'],
    ['month 0', { month: 0 }, 'month'],
    ['a year that is not a number', { year: '2026' }, 'year'],
    ['an unknown format', { format: 'xlsx' }, 'format'],
    ['an unknown parameter', { params: { region: 'EU' } }, 'params.region'],
    ['a parameter of the wrong type', { params: { currency: 840 } }, 'params.currency'],
    ['a currency that is not ISO 4217', { params: { currency: 'usd' } }, 'params.currency'],
    ['an enum value not declared', { params: { kind: 'gift' } }, 'params.kind'],
    ['a boolean where an enum is declared', { params: { kind: true } }, 'params.kind'],
    ['a field outside the contract (parameters go in params)', { currency: 'USD' }, ''],
  ];
  it.each(cases)('%s', async (_name, change, field) => {
    const error = await callError(demo.core, 'reports.get', { ...base(), ...change });
    expect([error.type, error.code]).toEqual(['validation_error', 'invalid_input']);
    expect(issueFields(error).join(' ')).toContain(field);
    expect(error.message).toContain(field);
  });

  it('a wrong parameter is refused before the period is looked at (400, not 404)', async () => {
    const error = await callError(demo.core, 'reports.periods', { orgId: demo.orgId, report_type: 'payouts_by_payee', params: { currency: ['USD'] } });
    expect(error.type).toBe('validation_error');
  });
});
