import { Decimal } from '../../shared/decimal';
import type { ReportCellValue, ReportJson } from '../../shared/contract/reports';
import type { Database } from '../db/driver';
import { getReport, listReportPeriods } from '../reports/get-report';
import { readResult } from '../sync/sources/allocation-reports';
import type { PulledRecord } from '../sync/sources/source-adapter';
import { storeDemoRun } from './demo-sync-run';

// The reports source (seed 000) of one demo org, synced once: a year of two reports as the
// org's online system computed them, which is what Closebook computes here (the same
// logic), read through the adapter's own checks. Two months disagree, so the Reports
// screen's "Online system vs here" grid has something to show: in one, the server's figure
// of one row is 0.004 more (the server rounds a step later); in the other, the server lacks
// the local result's last row.

export const DEMO_SERVER_REPORTS = ['revenue_by_product_and_kind', 'payouts_by_payee'] as const;
/** What the server's figure differs by, in the sub-cent month. */
export const DEMO_SUB_CENT = '0.004';

export interface DemoReportDifferences {
  report_type: string;
  /** 'YYYY-MM': one money cell differs by DEMO_SUB_CENT. */
  subCent: string;
  /** 'YYYY-MM': the server lacks the local result's last row. */
  missingRow: string;
}

type Row = Record<string, ReportCellValue>;

export function syncDemoReportsSource(db: Database.Database, orgId: string, months: { subCent: string; missingRow: string }, at: string): DemoReportDifferences | null {
  const [perturbed] = DEMO_SERVER_REPORTS;
  const records: PulledRecord[] = [];
  const finalized: Record<string, string[]> = {};
  let changed = 0;
  for (const type of DEMO_SERVER_REPORTS) {
    for (const period of listReportPeriods(db, { orgId, report_type: type }).periods) {
      const local = getReport(db, {
        orgId,
        report_type: type,
        year: period.year,
        month: period.month,
        format: 'json',
      }) as ReportJson;
      const month = `${period.year}-${String(period.month).padStart(2, '0')}`;
      let rows: Row[] = local.rows;
      if (type === perturbed && month === months.subCent) {
        const money = local.columns.find((c) => c.type === 'money');
        const at = rows.findIndex((r) => money && typeof r[money.name] === 'string');
        if (money && at >= 0) {
          rows = rows.map((r, i) =>
            i === at
              ? {
                  ...r,
                  [money.name]: new Decimal(r[money.name] as string).plus(DEMO_SUB_CENT).toFixed(),
                }
              : r,
          );
          changed++;
        }
      }
      if (type === perturbed && month === months.missingRow && rows.length > 1) {
        rows = rows.slice(0, -1);
        changed++;
      }
      const body = {
        report_type: type,
        title: local.title,
        year: period.year,
        month: period.month,
        parameters: local.parameters,
        columns: local.columns,
        rows,
      };
      records.push(readResult(type, period, body));
      if (period.status === 'finalized') (finalized[type] ??= []).push(month);
    }
  }
  if (records.length === 0) return null;
  const cursors = Object.fromEntries(Object.entries(finalized).map(([type, list]) => [`finalized:${type}`, list.sort().join(',')]));
  storeDemoRun(db, orgId, 'reports', { entities: [{ entity: 'reports', records }], cursors }, at, at.replace(/:\d\dZ$/, ':07Z'));
  return changed === 2 ? { report_type: perturbed, ...months } : null;
}
