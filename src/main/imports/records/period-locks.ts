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

  /** Every month the batch wrote into is one of the org's periods, in progress unless it already was one. */
  openWrittenPeriods(): void {
    const open = this.db.prepare("INSERT OR IGNORE INTO periods (org_id, period, status, finalized_at) VALUES (?, ?, 'in_progress', NULL)");
    for (const period of this.written) open.run(this.orgId, period);
  }

  isLocked(period: string): boolean {
    return this.finalized.has(period);
  }

  lockedMessage(period: string): string {
    return `period ${period} is finalized (closed); rows in it cannot be written`;
  }
}
