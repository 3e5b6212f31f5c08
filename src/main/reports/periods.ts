import type { ReportPeriod } from '../../shared/contract/reports';
import type { Database } from '../db/driver';
import { currentPeriod } from '../close/month-state';
import type { ReportDefinition, ReportParams } from './report-definition';
import { periodOfMonth } from './report-month';

/**
 * The months a report can be read for, newest first: each month with data that is closed
 * (finalized in the periods table), and the current month, in progress, for a daily report.
 * A month that has ended but is not closed is not a period yet: its figures can change.
 */
export function reportPeriods(db: Database.Database, orgId: string, report: ReportDefinition, params: ReportParams): ReportPeriod[] {
  const finalized = new Set(db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized'").pluck().all(orgId) as string[]);
  const current = currentPeriod(db, orgId);
  const seen = new Set<string>();
  const periods: ReportPeriod[] = [];
  for (const month of report.months(db, orgId, params)) {
    const period = periodOfMonth(month);
    if (seen.has(period)) continue;
    seen.add(period);
    if (finalized.has(period)) periods.push({ year: month.year, month: month.month, status: 'finalized' });
    else if (period === current && report.update_cadence === 'daily') periods.push({ year: month.year, month: month.month, status: 'in_progress' });
  }
  return periods.sort((a, b) => b.year - a.year || b.month - a.month);
}
