import { addMonths, periodBounds } from '../../shared/period';
import { failed, passed, warned, type CloseCheck } from './check-result';
import type { Database } from '../db/driver';

const ID = 'statements';
const LABEL = 'Statements of cycles ending this month are generated';

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The day a cycle starts in a month: the anchor day, or the month's last day when shorter. */
function cycleStartIn(period: string, anchorDay: number): string {
  const last = periodBounds(period).last;
  return `${period}-${String(Math.min(anchorDay, Number(last.slice(8)))).padStart(2, '0')}`;
}

/**
 * The one billing cycle that ends in the month, by statements' rule (statements/billing-cycle.ts:
 * a cycle starts on the anchor day of every month and ends the day before the next starts).
 * Anchor 1: the calendar month; otherwise from the start in the month before to the day
 * before this month's start.
 */
export function cycleEndingIn(period: string, anchorDay: number): { start: string; end: string } {
  if (anchorDay === 1) return { start: `${period}-01`, end: periodBounds(period).last };
  return { start: cycleStartIn(addMonths(period, -1), anchorDay), end: dayBefore(cycleStartIn(period, anchorDay)) };
}

/**
 * A cycle that ended in the month has its statement generated and fixed (not current),
 * when a price plan of the org covers it; an org without plans has no statements to wait for.
 */
export const statementsCheck: CloseCheck = {
  id: ID,
  label: LABEL,
  run(db, orgId, period) {
    if (!tableExists(db, 'statements') || !tableExists(db, 'price_plans')) {
      return warned(ID, LABEL, [{ check: ID, code: 'check_unavailable', message: 'This workspace has no statements yet; the check was skipped.' }]);
    }
    const anchor = tableExists(db, 'billing_settings') ? ((db.prepare('SELECT anchor_day FROM billing_settings WHERE org_id = ?').pluck().get(orgId) as number | undefined) ?? 1) : 1;
    const cycle = cycleEndingIn(period, anchor);
    const planned = db
      .prepare('SELECT 1 FROM price_plans WHERE org_id = ? AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?) LIMIT 1')
      .get(orgId, cycle.end, cycle.start);
    if (!planned) return passed(ID, LABEL, `No price plan covers the cycle ${cycle.start} – ${cycle.end}, so no statement is due.`);
    const statement = db.prepare('SELECT sid, is_current FROM statements WHERE org_id = ? AND date_start = ?').get(orgId, cycle.start) as { sid: string; is_current: number } | undefined;
    if (!statement || statement.is_current === 1) {
      return failed(ID, LABEL, [
        {
          check: ID,
          code: 'statement_not_generated',
          message: `The statement of the cycle ${cycle.start} – ${cycle.end} is ${statement ? 'still marked current' : 'not generated'}: open Statements (or call statements.list) to generate it.`,
        },
      ]);
    }
    return passed(ID, LABEL, `Statement ${statement.sid} of the cycle ${cycle.start} – ${cycle.end} is generated.`);
  },
};
