import type { Org } from '../../shared/contract/orgs';
import type { Database } from '../db/driver';
import { ApiFailure } from '../api/failure';
import { periodInZone } from '../time/zoned-time';

/**
 * A new time zone moves revenues near a month's end into the month next door. Closed
 * months must stay reproducible, so the change is refused while the org has money rows
 * and any finalized month; otherwise every revenue's period is derived again from its
 * instant, inside the caller's transaction.
 */
export function rederivePeriods(db: Database.Database, org: Org, timeZone: string): number {
  const hasRevenues = db.prepare('SELECT 1 FROM revenues WHERE org_id = ? LIMIT 1').get(org.id) !== undefined;
  if (!hasRevenues) return 0;
  const finalized = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized' ORDER BY period").pluck().all(org.id) as string[];
  if (finalized.length > 0) {
    const shown = finalized.length > 3 ? `${finalized.slice(0, 3).join(', ')} and ${finalized.length - 3} more` : finalized.join(', ');
    throw new ApiFailure(
      'conflict',
      'periods_finalized',
      `timeZone: "${org.name}" has finalized months (${shown}); changing its time zone would move revenues between months, so it stays ${org.timeZone}. Reopen those months first.`,
      { field: 'timeZone', orgId: org.id, finalized },
    );
  }
  const update = db.prepare('UPDATE revenues SET period = ? WHERE id = ?');
  let moved = 0;
  // Read whole first: the connection cannot write while a statement iterates.
  const rows = db.prepare('SELECT id, occurred_at, period FROM revenues WHERE org_id = ?').raw().all(org.id) as Array<[number, string, string]>;
  for (const [id, occurredAt, stored] of rows) {
    const period = periodInZone(occurredAt, timeZone);
    if (period !== stored) {
      update.run(period, id);
      moved++;
    }
  }
  return moved;
}
