import type { Database } from '../../db/driver';

/**
 * The org's finalized (locked) periods, read once per batch: the batch holds the write
 * lock, so no period can be finalized while it runs. A period with no row is open.
 */
export class PeriodLocks {
  private readonly finalized: ReadonlySet<string>;
  /** Open months the batch writes rows into: each becomes one of the org's periods. */
  private readonly written = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly orgId: string,
  ) {
    const periods = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized'").pluck().all(orgId) as string[];
    this.finalized = new Set(periods);
  }

  /** A row is written into `period` (already checked open). */
  noteWritten(period: string): void {
    this.written.add(period);
  }

  /**
   * Every month the batch wrote into is one of the org's periods, in progress unless it
   * already was one, and is recorded as a month of the batch (the Imports screen's period filter).
   */
  openWrittenPeriods(batchId: number): void {
    const open = this.db.prepare("INSERT OR IGNORE INTO periods (org_id, period, status, finalized_at) VALUES (?, ?, 'in_progress', NULL)");
    const note = this.db.prepare('INSERT OR IGNORE INTO import_batch_periods (batch_id, period) VALUES (?, ?)');
    for (const period of this.written) {
      open.run(this.orgId, period);
      note.run(batchId, period);
    }
  }

  isLocked(period: string): boolean {
    return this.finalized.has(period);
  }

  /** "locked", the one word the app uses for a finalized month, with the month in words. */
  lockedMessage(period: string): string {
    return lockedMonthMessage(period);
  }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "October 2026 (2026-10)" for a YYYY-MM period. */
export function monthInWords(period: string): string {
  const month = MONTH_NAMES[Number(period.slice(5, 7)) - 1];
  return month ? `${month} ${period.slice(0, 4)} (${period})` : period;
}

export function lockedMonthMessage(period: string): string {
  return `${monthInWords(period)} is locked, so this row is not written: a locked month cannot change`;
}
