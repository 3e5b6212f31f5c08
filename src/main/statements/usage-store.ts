import type { Database } from '../db/driver';
import type { FieldIssue } from '../../shared/errors';
import type { StatementBatchResult, UsageRow } from '../../shared/contract/statements';
import { invalidInput } from '../api/failure';
import { cycleContaining, isIsoDay, type BillingCycle } from './billing-cycle';
import { orgBilling, todayIn } from './billing-settings';
import { loadPlans } from './plan-store';
import { planSegments, USAGE_FIELDS, type CycleUsage } from './statement-lines';

export type UsageRecord = CycleUsage & { cycle_start: string };

export function listUsage(db: Database.Database, orgId: string): { usage: UsageRow[] } {
  const { anchorDay } = orgBilling(db, orgId);
  const rows = db.prepare(`SELECT cycle_start, ${USAGE_FIELDS.join(', ')} FROM cycle_usage WHERE org_id = ? ORDER BY cycle_start`).all(orgId) as UsageRecord[];
  return { usage: rows.map((row) => ({ ...row, cycle_end: cycleContaining(row.cycle_start, anchorDay).end })) };
}

/**
 * Which cycles usage may be set for, decided once per write. Refused, with why: a day that
 * does not start a cycle under the anchor, a cycle that has not begun, a cycle no price plan
 * covers, or one whose statement is already fixed (past and generated: it never changes).
 */
export function usageCycleRules(db: Database.Database, orgId: string, today?: string) {
  const billing = orgBilling(db, orgId);
  const current = cycleContaining(today ?? todayIn(billing.timeZone), billing.anchorDay);
  const plans = loadPlans(db, orgId);
  const frozen = db.prepare('SELECT 1 FROM statements WHERE org_id = ? AND date_start = ? AND is_current = 0');
  return {
    anchorDay: billing.anchorDay,
    current,
    /** The cycle that starts on `day`, or why no usage can be stored for it (whether or not its statement is fixed). */
    cycleOf(day: string): BillingCycle | string {
      if (!isIsoDay(day)) return `${day} is not a calendar day`;
      const cycle = cycleContaining(day, billing.anchorDay);
      if (cycle.start !== day) return `${day} does not start a billing cycle: with anchor day ${billing.anchorDay} the cycle holding it runs ${cycle.start} - ${cycle.end}`;
      if (day > current.start) return `the cycle ${cycle.start} - ${cycle.end} has not begun (the current cycle starts ${current.start})`;
      if (planSegments(cycle, plans).length === 0) return `no price plan covers the cycle ${cycle.start} - ${cycle.end}: add a plan for those dates first`;
      return cycle;
    },
    /** Why the cycle's usage can no longer change (its statement is fixed), or null. */
    fixed(cycle: BillingCycle): string | null {
      return frozen.get(orgId, cycle.start) ? `the cycle ${cycle.start} - ${cycle.end} is past and its statement is generated; its usage can no longer change` : null;
    },
    /** The cycle that starts on `day`, or the message saying why its usage cannot be set. */
    check(day: string): BillingCycle | string {
      const cycle = this.cycleOf(day);
      return typeof cycle === 'string' ? cycle : (this.fixed(cycle) ?? cycle);
    },
  };
}

/** Set the usage of whole cycles (by their first day), all or nothing; refused as usageCycleRules says, naming the record's cycle_start. */
export function saveUsage(db: Database.Database, orgId: string, records: readonly UsageRecord[], today?: string): StatementBatchResult {
  const rules = usageCycleRules(db, orgId, today);
  const exists = db.prepare('SELECT 1 FROM cycle_usage WHERE org_id = ? AND cycle_start = ?');
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const field = `records.${index}.cycle_start`;
    const day = record.cycle_start;
    if (seen.has(day)) return issues.push({ field, message: `the cycle ${day} is also record ${seen.get(day)} of this batch` });
    seen.set(day, index);
    const cycle = rules.check(day);
    if (typeof cycle === 'string') return issues.push({ field, message: cycle });
    return undefined;
  });
  if (issues.length) throw invalidInput(issues);
  const upsert = db.prepare(
    `INSERT INTO cycle_usage (org_id, cycle_start, ${USAGE_FIELDS.join(', ')}, updated_at) VALUES (?, ?, ${USAGE_FIELDS.map(() => '?').join(', ')}, ?)
     ON CONFLICT (org_id, cycle_start) DO UPDATE SET ${USAGE_FIELDS.map((f) => `${f} = excluded.${f}`).join(', ')}, updated_at = excluded.updated_at`,
  );
  const now = new Date().toISOString();
  const result: StatementBatchResult = { created: 0, updated: 0, ids: [] };
  for (const record of records) {
    if (exists.get(orgId, record.cycle_start)) result.updated++;
    else result.created++;
    upsert.run(orgId, record.cycle_start, ...USAGE_FIELDS.map((f) => record[f]), now);
    result.ids.push(record.cycle_start);
  }
  return result;
}
