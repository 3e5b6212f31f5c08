import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { orgTimeZone } from '../orgs/org-time-zone';
import { invalidInput } from '../api/failure';
import { cycleContaining } from './billing-cycle';
import type { BillingSettings } from '../../shared/contract/statements';

/** An org with no setting bills calendar months (anchor day 1). */
export const DEFAULT_ANCHOR_DAY = 1;

export interface OrgBilling {
  anchorDay: number;
  currency: string;
  timeZone: string;
}

export function orgBilling(db: Database.Database, orgId: string): OrgBilling {
  assertOrg(db, orgId);
  const row = db
    .prepare('SELECT o.currency, s.anchor_day FROM orgs o LEFT JOIN billing_settings s ON s.org_id = o.id WHERE o.id = ?')
    .get(orgId) as { currency: string; anchor_day: number | null };
  return { anchorDay: row.anchor_day ?? DEFAULT_ANCHOR_DAY, currency: row.currency, timeZone: orgTimeZone(db, orgId) };
}

/** Today on the org's clock, YYYY-MM-DD: the day that decides which cycle is current. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function billingSettings(db: Database.Database, orgId: string, today?: string): BillingSettings {
  const billing = orgBilling(db, orgId);
  const cycle = cycleContaining(today ?? todayIn(billing.timeZone), billing.anchorDay);
  return { orgId, anchor_day: billing.anchorDay, currency: billing.currency, current_cycle: { date_start: cycle.start, date_end: cycle.end } };
}

/** The anchor decides every cycle's dates, so it is fixed once usage or statements exist. */
export function setAnchorDay(db: Database.Database, orgId: string, anchorDay: number): void {
  assertOrg(db, orgId);
  const used = db
    .prepare('SELECT (SELECT count(*) FROM cycle_usage WHERE org_id = ?) AS usage, (SELECT count(*) FROM statements WHERE org_id = ?) AS statements')
    .get(orgId, orgId) as { usage: number; statements: number };
  const current = orgBilling(db, orgId).anchorDay;
  if (current !== anchorDay && (used.usage > 0 || used.statements > 0)) {
    throw invalidInput([
      {
        field: 'anchor_day',
        message: `cannot change from ${current} to ${anchorDay}: the org already has ${used.usage} cycles of usage and ${used.statements} statements on the current anchor`,
      },
    ]);
  }
  db.prepare(
    'INSERT INTO billing_settings (org_id, anchor_day, updated_at) VALUES (?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET anchor_day = excluded.anchor_day, updated_at = excluded.updated_at',
  ).run(orgId, anchorDay, new Date().toISOString());
}
