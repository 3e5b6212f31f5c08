import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportCatalogEntry, ReportCsv, ReportJson, ReportPeriod } from '../../src/shared/contract/reports';
import { microsToDecimal } from '../../src/shared/money';
import { openWorkspace } from '../../src/main/db/workspace';
import { inProcessCore } from '../../src/main/core/in-process';
import { callOk } from '../support/temp-workspace';
import { callError, parseReportCsv, reportsDemo, type ReportsDemo } from './reports-support';

let demo: ReportsDemo;
beforeAll(() => {
  demo = reportsDemo();
}, 120_000);
afterAll(() => demo?.dispose());

async function latestFinalized(report_type: string): Promise<{ year: number; month: number }> {
  const { periods } = await callOk<{ periods: ReportPeriod[] }>(demo.core, 'reports.periods', { orgId: demo.orgId, report_type });
  const finalized = periods.find((p) => p.status === 'finalized');
  if (!finalized) throw new Error(`${report_type} has no finalized month in the demo`);
  return { year: finalized.year, month: finalized.month };
}

const cellOf = (value: unknown) => (value === null ? '' : String(value));

describe('reports.get as CSV', () => {
  it('every report: the CSV holds the JSON rows, cell for cell, under the declared columns', async () => {
    const { reports } = await callOk<{ reports: ReportCatalogEntry[] }>(demo.core, 'reports.list', { orgId: demo.orgId });
    let checked = 0;
    for (const report of reports) {
      const { periods } = await callOk<{ periods: ReportPeriod[] }>(demo.core, 'reports.periods', { orgId: demo.orgId, report_type: report.report_type });
      if (periods.length === 0) continue;
      const ask = { orgId: demo.orgId, report_type: report.report_type, year: periods[0]!.year, month: periods[0]!.month };
      const json = await callOk<ReportJson>(demo.core, 'reports.get', ask);
      const csv = await callOk<ReportCsv>(demo.core, 'reports.get', { ...ask, format: 'csv' });
      const parsed = parseReportCsv(csv.csv);
      expect(parsed.header).toEqual(report.columns.map((c) => c.name));
      expect(parsed.rows.length, report.report_type).toBe(json.rows.length);
      expect(json.rows.length).toBeGreaterThan(0);
      parsed.rows.forEach((row, i) => expect(row).toEqual(report.columns.map((c) => cellOf(json.rows[i]![c.name]))));
      expect(csv.row_count).toBe(json.row_count);
      checked++;
    }
    expect(checked).toBe(reports.length);
  });

  it("carries its type, month, status, parameters and the sha256 of its inputs in '# ' lines before the header", async () => {
    const month = await latestFinalized('revenue_by_product_and_kind');
    const csv = await callOk<ReportCsv>(demo.core, 'reports.get', { orgId: demo.orgId, report_type: 'revenue_by_product_and_kind', ...month, format: 'csv', params: { kind: 'sale' } });
    const period = `${month.year}-${String(month.month).padStart(2, '0')}`;
    expect(parseReportCsv(csv.csv).comments).toEqual([
      '# report_type: revenue_by_product_and_kind',
      `# period: ${period}`,
      '# status: finalized',
      '# parameter currency: ',
      '# parameter kind: sale',
      `# inputs_sha256: ${csv.inputs_sha256}`,
    ]);
    expect(csv.inputs_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(csv.file_name).toBe(`revenue_by_product_and_kind-${period}.csv`);
    const all = await callOk<ReportCsv>(demo.core, 'reports.get', { orgId: demo.orgId, report_type: 'revenue_by_product_and_kind', ...month, format: 'csv' });
    expect(all.inputs_sha256).not.toBe(csv.inputs_sha256);
  });

  it('a finalized month exports byte for byte the same every time, also from the workspace opened again', async () => {
    const ask = { orgId: demo.orgId, report_type: 'revenue_by_product_and_kind', ...(await latestFinalized('revenue_by_product_and_kind')), format: 'csv' };
    const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const first = await callOk<ReportCsv>(demo.core, 'reports.get', ask);
    const second = await callOk<ReportCsv>(demo.core, 'reports.get', ask);
    expect(digest(second.csv)).toBe(digest(first.csv));
    const again = openWorkspace(demo.workspace.path);
    try {
      const third = await callOk<ReportCsv>(inProcessCore(again), 'reports.get', ask);
      expect(third.csv).toBe(first.csv);
    } finally {
      again.close();
    }
  });

  it("the revenue report's amounts are the month's revenues summed per product, kind and currency, exactly", async () => {
    const month = await latestFinalized('revenue_by_product_and_kind');
    const period = `${month.year}-${String(month.month).padStart(2, '0')}`;
    const report = await callOk<ReportJson>(demo.core, 'reports.get', { orgId: demo.orgId, report_type: 'revenue_by_product_and_kind', ...month });
    const sums = demo.workspace.db
      .prepare(
        `SELECT p.external_id, r.kind, r.currency, count(*) AS n, sum(r.amount_micros) AS total FROM revenues r LEFT JOIN products p ON p.id = r.product_id
         WHERE r.org_id = ? AND r.period = ? GROUP BY r.product_id, r.kind, r.currency`,
      )
      .all(demo.orgId, period) as Array<{ external_id: string | null; kind: string; currency: string; n: number; total: number }>;
    const key = (id: unknown, kind: unknown, currency: unknown, n: unknown, amount: unknown) => [id, kind, currency, n, amount].map(String).join('|');
    expect(report.rows.map((r) => key(r.product_external_id, r.kind, r.currency, r.revenue_count, r.amount)).sort()).toEqual(
      sums.map((s) => key(s.external_id, s.kind, s.currency, s.n, microsToDecimal(s.total))).sort(),
    );
    // Each filter, alone and together, keeps exactly the matching groups.
    for (const params of [{ currency: 'EUR' }, { kind: 'refund' }, { currency: 'USD', kind: 'sale' }, { currency: 'JPY' }] as Array<{ currency?: string; kind?: string }>) {
      const ask = { orgId: demo.orgId, report_type: 'revenue_by_product_and_kind', ...month, params };
      const wanted = sums.filter((s) => (!params.currency || s.currency === params.currency) && (!params.kind || s.kind === params.kind));
      if (wanted.length === 0) {
        // Periods follow the parameters: a month with nothing matching is not one of them.
        expect((await callError(demo.core, 'reports.get', ask)).code, JSON.stringify(params)).toBe('period_not_available');
        continue;
      }
      const filtered = await callOk<ReportJson>(demo.core, 'reports.get', ask);
      expect(filtered.rows.map((r) => key(r.product_external_id, r.kind, r.currency, r.revenue_count, r.amount)).sort(), JSON.stringify(params)).toEqual(
        wanted.map((s) => key(s.external_id, s.kind, s.currency, s.n, microsToDecimal(s.total))).sort(),
      );
    }
  });
});
