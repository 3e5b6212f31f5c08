import type { Database } from '../db/driver';
import type { FieldIssue } from '../../shared/errors';
import type { StatementBatchResult, UsageRow } from '../../shared/contract/statements';
import { invalidInput } from '../api/failure';
import { cycleContaining, isIsoDay } from './billing-cycle';
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
 * Set the usage of whole cycles (by their first day), all or nothing. Refused, naming the
 * record's cycle_start: a day that does not start a cycle under the anchor, a cycle that has
 * not begun, a cycle no price plan covers, or one whose statement is already fixed.
 */
export function saveUsage(db: Database.Database, orgId: string, records: readonly UsageRecord[], today?: string): StatementBatchResult {
  const billing = orgBilling(db, orgId);
  const current = cycleContaining(today ?? todayIn(billing.timeZone), billing.anchorDay);
  const plans = loadPlans(db, orgId);
  const frozen = db.prepare('SELECT 1 FROM statements WHERE org_id = ? AND date_start = ? AND is_current = 0');
  const exists = db.prepare('SELECT 1 FROM cycle_usage WHERE org_id = ? AND cycle_start = ?');
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const field = `records.${index}.cycle_start`;
    const day = record.cycle_start;
    if (!isIsoDay(day)) return issues.push({ field, message: `${day} is not a calendar day` });
    const cycle = cycleContaining(day, billing.anchorDay);
    if (cycle.start !== day) {
      return issues.push({ field, message: `${day} does not start a billing cycle: with anchor day ${billing.anchorDay} the cycle holding it runs ${cycle.start} - ${cycle.end}` });
    }
    if (seen.has(day)) return issues.push({ field, message: `the cycle ${day} is also record ${seen.get(day)} of this batch` });
    seen.set(day, index);
    if (day > current.start) return issues.push({ field, message: `the cycle ${cycle.start} - ${cycle.end} has not begun (the current cycle starts ${current.start})` });
    if (planSegments(cycle, plans).length === 0) return issues.push({ field, message: `no price plan covers the cycle ${cycle.start} - ${cycle.end}: add a plan for those dates first` });
    if (frozen.get(orgId, day)) return issues.push({ field, message: `the cycle ${cycle.start} - ${cycle.end} is past and its statement is generated; its usage can no longer change` });
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
