import type { Database } from '../db/driver';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone';

/** The org's time zone (UTC for an org that does not exist: callers check the org first). */
export function orgTimeZone(db: Database.Database, orgId: string): string {
  return (db.prepare('SELECT time_zone FROM orgs WHERE id = ?').pluck().get(orgId) as string | undefined) ?? DEFAULT_TIME_ZONE;
}
