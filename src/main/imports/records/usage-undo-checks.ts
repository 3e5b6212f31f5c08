import { ApiFailure } from '../../api/failure';
import type { Database } from '../../db/driver';
import { cycleContaining } from '../../statements/billing-cycle';
import { orgBilling } from '../../statements/billing-settings';
import { monthInWords, type PeriodLocks } from './period-locks';
import type { BatchToUndo, UpdatedRow } from './undo-batch';
import { usagePeriod } from './usage-writer';

interface UsageUndoScope {
  batch: BatchToUndo;
  updated: readonly UpdatedRow[];
  first: number;
  last: number;
  locks: PeriodLocks;
}

/**
 * Undoing a usage batch changes cycles' usage back, so the statements rules apply as to
 * any usage write: refused (409, nothing changed) when a cycle it wrote is in a locked
 * month (the month the cycle ends in), when its statement is fixed (past and generated:
 * it never changes), or when its usage was written again since (usage.batch writes no
 * import batch, so the row's updated_at is what tells).
 */
export function checkUsageUndo(db: Database.Database, { batch, updated, first, last, locks }: UsageUndoScope): void {
  const { anchorDay } = orgBilling(db, batch.org_id);
  const created = db.prepare('SELECT id, cycle_start, updated_at FROM cycle_usage WHERE id BETWEEN ? AND ? AND batch_id = ?').all(first, last, batch.id) as Row[];
  const byId = db.prepare('SELECT id, cycle_start, updated_at FROM cycle_usage WHERE id = ?');
  const rows = [...created, ...updated.map((u) => byId.get(u.record_id) as Row | undefined).filter((r): r is Row => r !== undefined)];
  const fixed = db.prepare('SELECT sid FROM statements WHERE org_id = ? AND date_start = ? AND is_current = 0').pluck();
  for (const row of rows) {
    const cycle = cycleContaining(row.cycle_start, anchorDay);
    const period = usagePeriod(cycle.end);
    const detail = { batchId: batch.id, cycle_start: row.cycle_start };
    if (locks.isLocked(period)) {
      throw new ApiFailure('conflict', 'period_locked', `Import batch ${batch.id} cannot be undone: it wrote the usage of the cycle ${cycle.start} - ${cycle.end}, and ${monthInWords(period)} is locked`, {
        ...detail,
        period,
      });
    }
    const sid = fixed.get(batch.org_id, row.cycle_start) as string | undefined;
    if (sid !== undefined) {
      throw new ApiFailure(
        'conflict',
        'statement_fixed',
        `Import batch ${batch.id} cannot be undone: the cycle ${cycle.start} - ${cycle.end} is past and its statement ${sid} is generated, so its usage can no longer change`,
        { ...detail, sid },
      );
    }
    if (row.updated_at !== batch.created_at) {
      throw new ApiFailure(
        'conflict',
        'changed_since',
        `Import batch ${batch.id} cannot be undone: the usage of the cycle ${cycle.start} - ${cycle.end} was written again after it (at ${row.updated_at})`,
        detail,
      );
    }
  }
}

interface Row {
  id: number;
  cycle_start: string;
  updated_at: string;
}
