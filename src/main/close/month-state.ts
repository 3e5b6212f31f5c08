import type { PeriodStatus } from '../../shared/period';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { monthInWords } from '../imports/records/period-locks';
import { periodInZone } from '../time/zoned-time';

export function periodStatus(db: Database.Database, orgId: string, period: string): { status: PeriodStatus; finalizedAt: string | null } {
  const row = db.prepare('SELECT status, finalized_at FROM periods WHERE org_id = ? AND period = ?').get(orgId, period) as
    | { status: PeriodStatus; finalized_at: string | null }
    | undefined;
  return { status: row?.status ?? 'in_progress', finalizedAt: row?.finalized_at ?? null };
}

/** The org's current month on its own clock. */
export function currentPeriod(db: Database.Database, orgId: string, now = new Date()): string {
  const zone = db.prepare('SELECT time_zone FROM orgs WHERE id = ?').pluck().get(orgId) as string;
  return periodInZone(now.toISOString(), zone);
}

/**
 * Why a month cannot be closed at all, before any check runs: it is closed already, or
 * it has not ended on the org's clock (a later month, or the current one). null: try it.
 */
export function closeRefusal(db: Database.Database, orgId: string, period: string): ApiFailure | null {
  assertOrg(db, orgId);
  const { status, finalizedAt } = periodStatus(db, orgId, period);
  if (status === 'finalized') {
    return new ApiFailure('conflict', 'period_finalized', `${monthInWords(period)} is already closed${finalizedAt ? ` (finalized ${finalizedAt})` : ''}; reopen it first to close it again.`, {
      field: 'period',
      period,
    });
  }
  const current = currentPeriod(db, orgId);
  if (period > current) {
    return new ApiFailure('validation_error', 'period_in_future', `${monthInWords(period)} is in the future (this month is ${current}): only a month that has ended can be closed.`, {
      field: 'period',
      period,
      current,
      issues: [{ field: 'period', message: 'is in the future' }],
    });
  }
  if (period === current) {
    return new ApiFailure('validation_error', 'period_not_over', `${monthInWords(period)} is the current month: it can be closed once it has ended.`, {
      field: 'period',
      period,
      current,
      issues: [{ field: 'period', message: 'has not ended' }],
    });
  }
  return null;
}
