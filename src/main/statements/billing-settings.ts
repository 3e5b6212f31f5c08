import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone';
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

const billingStatements = new WeakMap<Database.Database, Database.Statement>();

/** The org's billing facts (404 org_not_found for an unknown org). */
export function orgBilling(db: Database.Database, orgId: string): OrgBilling {
  let read = billingStatements.get(db);
  if (!read) {
    read = db.prepare('SELECT o.currency, o.time_zone, s.anchor_day FROM orgs o LEFT JOIN billing_settings s ON s.org_id = o.id WHERE o.id = ?');
    billingStatements.set(db, read);
  }
  const row = read.get(orgId) as { currency: string; time_zone: string | null; anchor_day: number | null } | undefined;
  if (!row) assertOrg(db, orgId);
  return { anchorDay: row!.anchor_day ?? DEFAULT_ANCHOR_DAY, currency: row!.currency, timeZone: row!.time_zone ?? DEFAULT_TIME_ZONE };
}

/** Today on the org's clock, YYYY-MM-DD: the day that decides which cycle is current. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(now);
}

/** Making an Intl formatter costs far more than using one. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

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
