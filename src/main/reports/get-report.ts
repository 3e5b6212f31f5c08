import type { ReportCatalogEntry, ReportCsv, ReportFormat, ReportJson, ReportParamValues, ReportPeriod } from '../../shared/contract/reports';
import type { Database } from '../db/driver';
import { ApiFailure } from '../api/failure';
import { assertOrg } from '../orgs/assert-org';
import { REPORT_CATALOG } from './catalog';
import { resolveParams } from './parameters';
import { reportPeriods } from './periods';
import { reportCsvText, reportInputsSha256 } from './report-csv';
import type { ReportDefinition } from './report-definition';
import { periodOfMonth } from './report-month';
import { hiddenReportTypes, visibleReport } from './visibility';

export function listReports(db: Database.Database, orgId: string, includeHidden: boolean): { reports: ReportCatalogEntry[] } {
  assertOrg(db, orgId);
  const hidden = hiddenReportTypes(db, orgId);
  return {
    reports: REPORT_CATALOG.filter((r) => includeHidden || !hidden.has(r.report_type)).map((r) => ({ ...catalogEntry(r), hidden: hidden.has(r.report_type) })),
  };
}

function catalogEntry(r: ReportDefinition): Omit<ReportCatalogEntry, 'hidden'> {
  return { report_type: r.report_type, title: r.title, description: r.description, update_cadence: r.update_cadence, parameters: r.parameters, columns: r.columns };
}

export function listReportPeriods(db: Database.Database, input: { orgId: string; report_type: string; params?: ReportParamValues }): { report_type: string; periods: ReportPeriod[] } {
  const report = visibleReport(db, input.orgId, input.report_type);
  const params = resolveParams(report.parameters, input.params);
  return { report_type: report.report_type, periods: readConsistently(db, () => reportPeriods(db, input.orgId, report, params)) };
}

export interface GetReportInput {
  orgId: string;
  report_type: string;
  year: number;
  month: number;
  format: ReportFormat;
  params?: ReportParamValues;
}

/** One report's rows for a month, after the checks in the seed's order: report, parameters, period. */
export function getReport(db: Database.Database, input: GetReportInput): ReportJson | ReportCsv {
  const report = visibleReport(db, input.orgId, input.report_type);
  const params = resolveParams(report.parameters, input.params);
  const month = { year: input.year, month: input.month };
  const period = periodOfMonth(month);
  return readConsistently(db, () => {
    const available = reportPeriods(db, input.orgId, report, params).find((p) => p.year === month.year && p.month === month.month);
    if (!available) {
      throw new ApiFailure('not_found', 'period_not_available', `${report.title} has no period ${period} for this organization (reports.periods lists the months it can be read for)`, {
        field: 'month',
        year: month.year,
        month: month.month,
      });
    }
    const rows = report.rows(db, input.orgId, month, params);
    const base = { report_type: report.report_type, title: report.title, year: month.year, month: month.month, status: available.status, parameters: params, row_count: rows.length };
    if (input.format === 'json') return { ...base, format: 'json' as const, columns: report.columns, rows };
    const csvInput = { report_type: report.report_type, period, status: available.status, parameters: params, columns: report.columns, rows };
    const inputsSha256 = reportInputsSha256(csvInput);
    return { ...base, format: 'csv' as const, file_name: `${report.report_type}-${period}.csv`, inputs_sha256: inputsSha256, csv: reportCsvText(csvInput, inputsSha256) };
  });
}

/** Periods and rows from one snapshot of the workspace (a write landing between them cannot split the answer). */
function readConsistently<T>(db: Database.Database, read: () => T): T {
  return db.inTransaction ? read() : db.transaction(read).deferred();
}
