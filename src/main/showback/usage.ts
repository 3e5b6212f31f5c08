import type { ImportOperation } from '../../shared/contract/imports';
import type { ShowbackUsageInput, ShowbackUsageRow } from '../../shared/contract/showback';
import { microsToDecimal } from '../../shared/money';
import { lockedMonthMessage } from '../imports/records/period-locks';
import type { Database } from '../db/driver';
import { orgAndDescendants } from '../orgs/org-subtree';
import { finalizedMonths, type RecordApplier } from './batch';
import { readAmount, readCurrency, readMonth, readText, RecordProblem, refuseUnknownFields, type Raw } from './record-readers';

const FIELDS = ['month', 'account', 'service', 'child_org_id', 'currency', 'on_demand_cost', 'covered_cost'] as const satisfies ReadonlyArray<
  keyof ShowbackUsageInput
>;

export interface UsageValues {
  month: string;
  account: string;
  service: string;
  child_org_id: string;
  currency: string;
  on_demand_cost_micros: number;
  covered_cost_micros: number;
}

/** Reads and checks one usage record; throws a RecordProblem naming the field at fault. */
export function readUsage(raw: Raw, orgId: string, orgCurrency: string, orgsBelow: ReadonlySet<string>): UsageValues {
  refuseUnknownFields(raw, FIELDS);
  const month = readMonth(raw, 'month');
  const account = readText(raw, 'account')!;
  const service = readText(raw, 'service')!;
  const child_org_id = readText(raw, 'child_org_id', { required: false, max: 64 }) ?? orgId;
  if (!orgsBelow.has(child_org_id)) throw new RecordProblem('child_org_id', `"${child_org_id}" is not this org or an org below it`);
  const currency = readCurrency(raw, 'currency', orgCurrency);
  const on_demand_cost_micros = readAmount(raw, 'on_demand_cost');
  const covered_cost_micros = readAmount(raw, 'covered_cost');
  return { month, account, service, child_org_id, currency, on_demand_cost_micros, covered_cost_micros };
}

/** A usage row's key, for messages and outcomes. */
function keyText(v: UsageValues): string {
  return `${v.month} ${v.account} ${v.service} ${v.child_org_id} ${v.currency}`;
}

/** Applies usage records of one org: one row per month, account, service, child org and currency. */
export function usageApplier(db: Database.Database, orgId: string, operation: ImportOperation, now: string): RecordApplier {
  const orgCurrency = db.prepare('SELECT currency FROM orgs WHERE id = ?').pluck().get(orgId) as string;
  const orgsBelow = new Set(orgAndDescendants(db, orgId));
  const locked = finalizedMonths(db, orgId);
  const find = db.prepare(
    `SELECT id, on_demand_cost_micros, covered_cost_micros FROM showback_usage
     WHERE org_id = ? AND month = ? AND account = ? AND service = ? AND child_org_id = ? AND currency = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO showback_usage (org_id, month, account, service, child_org_id, currency, on_demand_cost_micros, covered_cost_micros, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare('UPDATE showback_usage SET on_demand_cost_micros = ?, covered_cost_micros = ?, updated_at = ? WHERE id = ?');

  return (index, raw, seen) => {
    const v = readUsage(raw, orgId, orgCurrency, orgsBelow);
    const text = keyText(v);
    const earlier = seen.get(text);
    if (earlier !== undefined) throw new RecordProblem('month', `${text} is the usage of record ${earlier} of this call already`);
    seen.set(text, index);
    const stored = find.get(orgId, v.month, v.account, v.service, v.child_org_id, v.currency) as
      | { id: number; on_demand_cost_micros: number; covered_cost_micros: number }
      | undefined;
    const key = { index, external_id: text };
    if (stored && operation === 'create_only') return { ...key, status: 'skipped_duplicate', existing_id: stored.id };
    if (!stored && operation === 'update_only') throw new RecordProblem('month', `no usage ${text} to update`);
    const changes = stored
      ? (['on_demand_cost', 'covered_cost'] as const).filter((f) => v[`${f}_micros`] !== stored[`${f}_micros`])
      : [];
    if (stored && changes.length === 0) return { ...key, status: 'unchanged', id: stored.id };
    if (locked.has(v.month)) {
      return { ...key, status: 'blocked_locked_period', ...(stored ? { existing_id: stored.id } : {}), error: { field: 'month', message: lockedMonthMessage(v.month) } };
    }
    if (stored) {
      update.run(v.on_demand_cost_micros, v.covered_cost_micros, now, stored.id);
      return { ...key, status: 'updated', id: stored.id, changes: [...changes] };
    }
    const result = insert.run(orgId, v.month, v.account, v.service, v.child_org_id, v.currency, v.on_demand_cost_micros, v.covered_cost_micros, now, now);
    return { ...key, status: 'created', id: Number(result.lastInsertRowid) };
  };
}

export function listUsage(db: Database.Database, orgId: string, { month, limit, offset }: { month?: string; limit: number; offset: number }) {
  const where = 'WHERE org_id = ? AND (? IS NULL OR month = ?)';
  const args = [orgId, month ?? null, month ?? null];
  const count = db.prepare(`SELECT count(*) FROM showback_usage ${where}`).pluck().get(...args) as number;
  const rows = db
    .prepare(
      `SELECT id, month, account, service, child_org_id, currency, on_demand_cost_micros, covered_cost_micros FROM showback_usage
       ${where} ORDER BY month, account, service, child_org_id, currency LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset) as Array<UsageValues & { id: number }>;
  const usage: ShowbackUsageRow[] = rows.map(({ on_demand_cost_micros, covered_cost_micros, ...rest }) => ({
    ...rest,
    on_demand_cost: microsToDecimal(on_demand_cost_micros),
    covered_cost: microsToDecimal(covered_cost_micros),
  }));
  return { count, usage };
}
