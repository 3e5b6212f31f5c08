import type { Database } from '../db/driver';
import { ApiFailure } from '../api/failure';
import { storePayoutRun } from '../payouts/run';

/**
 * The stored payout run of every closed demo month, oldest first so each opens with the
 * closing balances of the one before (as an accountant runs them month by month), so the
 * payouts-by-payee report has its months. A run is refused in a finalized month, so each
 * month is put back in progress for its run and finalized again; ran_at is set to the day
 * before the month was finalized, so the same demo options give the same file. A month
 * whose rules conflict is left without a run, as it would be. Returns the runs stored.
 */
export function writeDemoPayoutRuns(db: Database.Database, periods: ReadonlyArray<{ org_id: string; period: string; status: string; finalized_at: string | null }>): number {
  const closed = periods.filter((p) => p.status === 'finalized' && p.finalized_at !== null).sort((a, b) => a.org_id.localeCompare(b.org_id) || a.period.localeCompare(b.period));
  const setStatus = db.prepare('UPDATE periods SET status = ?, finalized_at = ? WHERE org_id = ? AND period = ?');
  const stamp = db.prepare("UPDATE payout_runs SET ran_at = ?, ran_by = 'demo' WHERE org_id = ? AND period = ?");
  let stored = 0;
  for (const month of closed) {
    setStatus.run('in_progress', null, month.org_id, month.period);
    try {
      // A transaction of its own, or a savepoint inside demo.load's: a refused run leaves nothing.
      db.transaction(() => storePayoutRun(db, month.org_id, month.period, 'demo'))();
      stamp.run(dayBefore(month.finalized_at!), month.org_id, month.period);
      stored++;
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
    } finally {
      setStatus.run('finalized', month.finalized_at, month.org_id, month.period);
    }
  }
  return stored;
}

function dayBefore(at: string): string {
  return new Date(Date.parse(at) - 86_400_000).toISOString().slice(0, 19) + 'Z';
}
