import type { Database } from '../../db/driver';

/**
 * The org's finalized (locked) periods, read once per batch: the batch holds the write
 * lock, so no period can be finalized while it runs. A period with no row is open.
 */
export class PeriodLocks {
  private readonly finalized: ReadonlySet<string>;

  constructor(db: Database.Database, orgId: string) {
    const periods = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized'").pluck().all(orgId) as string[];
    this.finalized = new Set(periods);
  }

  isLocked(period: string): boolean {
    return this.finalized.has(period);
  }

  lockedMessage(period: string): string {
    return `period ${period} is finalized (closed); rows in it cannot be written`;
  }
}
