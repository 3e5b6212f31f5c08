import type { Database } from '../../db/driver';
import { orgTimeZone } from '../../orgs/org-time-zone';
import type { MappedRecord } from '../mapping/row-mapper';
import { canonicalInstant } from '../records/date-readers';

const WALL_CLOCK = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;

/**
 * The preview shows occurred_at as it will be stored: a time the file gives without a
 * zone is read on the org's clock, and the wizard says so.
 */
export class OrgClock {
  readonly zone: string;
  private readTimes = 0;

  constructor(
    db: Database.Database,
    orgId: string,
    private readonly column: string,
  ) {
    this.zone = orgTimeZone(db, orgId);
  }

  storedForm(record: MappedRecord): void {
    const value = record.occurred_at;
    if (typeof value !== 'string' || !WALL_CLOCK.test(value)) return;
    this.readTimes++;
    record.occurred_at = canonicalInstant(value, this.zone) ?? value;
  }

  notes(): string[] {
    if (this.readTimes === 0) return [];
    return [
      `The times in "${this.column}" carry no time zone, so they are read on the organization's clock (${this.zone}). ` +
        'If the file was written in another zone, map its zone column or set the file’s time zone in the mapping.',
    ];
  }
}
