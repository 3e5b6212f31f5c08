import type { Database } from '../db/driver';
import { currentPeriod } from '../close/month-state';
import type { ReportMonth } from './report-definition';

export function periodOfMonth({ year, month }: ReportMonth): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function monthOfPeriod(period: string): ReportMonth {
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

/**
 * The months a report could ever be asked for: those in the org's periods table (every
 * closed month is there) and the current month on the org's clock. A report whose table
 * has no month index of its own tests these few for data instead of reading every row.
 */
export function candidatePeriods(db: Database.Database, orgId: string): string[] {
  const periods = db.prepare('SELECT period FROM periods WHERE org_id = ?').pluck().all(orgId) as string[];
  const current = currentPeriod(db, orgId);
  return periods.includes(current) ? periods : [...periods, current];
}
