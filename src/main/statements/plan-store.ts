import type { Database } from '../db/driver';
import type { FieldIssue } from '../../shared/errors';
import { decimalToRowMicros, microsToDecimal } from '../../shared/money';
import type { PlanRecordInput, PlanRow, StatementBatchResult } from '../../shared/contract/statements';
import { invalidInput } from '../api/failure';
import { addDays, isIsoDay } from './billing-cycle';
import { orgBilling } from './billing-settings';
import { PRICE_FIELDS, type PlanSpan } from './statement-lines';

const OPEN_END = '9999-12-31';
const PLAN_COLUMNS = `id, external_id, name, effective_from, effective_to, is_subscription, ${PRICE_FIELDS.map((f) => `${f}_micros`).join(', ')}`;

interface PlanDbRow {
  id: number;
  external_id: string | null;
  name: string;
  effective_from: string;
  effective_to: string | null;
  is_subscription: number;
  [micros: `${string}_micros`]: number;
}

function toSpan(row: PlanDbRow): PlanSpan & { external_id: string | null; name: string } {
  const span = { id: row.id, external_id: row.external_id, name: row.name, effective_from: row.effective_from, effective_to: row.effective_to, is_subscription: row.is_subscription === 1 } as PlanSpan & {
    external_id: string | null;
    name: string;
  };
  for (const field of PRICE_FIELDS) span[field] = row[`${field}_micros`]!;
  return span;
}

/** The org's plans, oldest first, prices in micro-units. */
const loadStatements = new WeakMap<Database.Database, Database.Statement>();

export function loadPlans(db: Database.Database, orgId: string): Array<PlanSpan & { external_id: string | null; name: string }> {
  let load = loadStatements.get(db);
  if (!load) loadStatements.set(db, (load = db.prepare(`SELECT ${PLAN_COLUMNS} FROM price_plans WHERE org_id = ? ORDER BY effective_from, id`)));
  return (load.all(orgId) as PlanDbRow[]).map(toSpan);
}

export function listPlans(db: Database.Database, orgId: string): { plans: PlanRow[] } {
  const { currency } = orgBilling(db, orgId);
  return {
    plans: loadPlans(db, orgId).map((plan) => {
      const row = { id: plan.id, external_id: plan.external_id, name: plan.name, effective_from: plan.effective_from, effective_to: plan.effective_to, is_subscription: plan.is_subscription, currency } as PlanRow;
      for (const field of PRICE_FIELDS) row[field] = microsToDecimal(plan[field]);
      return row;
    }),
  };
}

/** Days whose prices a change from `before` to `after` alters (both null-safe for create). */
function changedDays(before: PlanSpan | undefined, after: PlanSpan): Array<[string, string]> {
  const range = (p: PlanSpan): [string, string] => [p.effective_from, p.effective_to ?? OPEN_END];
  if (!before) return [range(after)];
  const [f1, t1] = range(before);
  const [f2, t2] = range(after);
  const pricesChanged = before.is_subscription !== after.is_subscription || PRICE_FIELDS.some((f) => before[f] !== after[f]);
  if (pricesChanged || t1 < f2 || t2 < f1) return [range(before), range(after)];
  const spans: Array<[string, string]> = [];
  if (f1 !== f2) spans.push([f1 < f2 ? f1 : f2, addDays(f1 < f2 ? f2 : f1, -1)]);
  if (t1 !== t2) spans.push([addDays(t1 < t2 ? t1 : t2, 1), t1 < t2 ? t2 : t1]);
  return spans;
}

type ParsedPlan = Omit<PlanRecordInput, 'effective_to'> & { effective_to?: string | null; is_subscription: boolean } & Record<(typeof PRICE_FIELDS)[number], string>;

/**
 * Create or update plans (by external_id) all or nothing. Refused, naming the record's field:
 * a day that does not exist, an end before the start, a price too large, two plans whose
 * dates overlap, or a change to days whose cycle already has its (fixed) statement.
 */
export function savePlans(db: Database.Database, orgId: string, records: readonly ParsedPlan[]): StatementBatchResult {
  orgBilling(db, orgId);
  const issues: FieldIssue[] = [];
  const existing = new Map(loadPlans(db, orgId).filter((p) => p.external_id !== null).map((p) => [p.external_id!, p]));
  const seen = new Map<string, number>();
  const parsed: Array<{ index: number; before?: PlanSpan & { name: string }; after: PlanSpan; name: string; external_id: string | null }> = [];
  records.forEach((record, index) => {
    const at = (field: string) => `records.${index}.${field}`;
    const start = issues.length;
    if (!isIsoDay(record.effective_from)) issues.push({ field: at('effective_from'), message: `${record.effective_from} is not a calendar day` });
    if (record.effective_to != null && !isIsoDay(record.effective_to)) issues.push({ field: at('effective_to'), message: `${record.effective_to} is not a calendar day` });
    if (record.effective_to != null && record.effective_to < record.effective_from) {
      issues.push({ field: at('effective_to'), message: `ends (${record.effective_to}) before it starts (${record.effective_from})` });
    }
    if (record.external_id !== undefined) {
      if (seen.has(record.external_id)) issues.push({ field: at('external_id'), message: `"${record.external_id}" is also record ${seen.get(record.external_id)} of this batch` });
      seen.set(record.external_id, index);
    }
    const after = { id: 0, effective_from: record.effective_from, effective_to: record.effective_to ?? null, is_subscription: record.is_subscription } as PlanSpan;
    for (const field of PRICE_FIELDS) {
      try {
        after[field] = Number(decimalToRowMicros(record[field]));
      } catch (error) {
        issues.push({ field: at(field), message: (error as Error).message });
      }
    }
    if (issues.length > start) return;
    const before = record.external_id !== undefined ? existing.get(record.external_id) : undefined;
    if (before) after.id = before.id;
    parsed.push({ index, before, after, name: record.name, external_id: record.external_id ?? null });
  });
  if (issues.length) throw invalidInput(issues);

  // The org's plans as they would be after the batch: no two may share a day.
  const final = new Map<number | string, { span: PlanSpan; label: string; index?: number }>();
  for (const plan of loadPlans(db, orgId)) final.set(plan.id, { span: plan, label: `plan "${plan.name}"` });
  parsed.forEach((p, n) => final.set(p.before ? p.before.id : `new-${n}`, { span: p.after, label: `record ${p.index} ("${p.name}")`, index: p.index }));
  const spans = [...final.values()].sort((a, b) => (a.span.effective_from < b.span.effective_from ? -1 : 1));
  // Sorted by start, a plan overlaps an earlier one exactly when it starts on or before the
  // latest end seen so far.
  let reach = spans[0];
  for (const next of spans.slice(1)) {
    const previous = reach!;
    if ((previous.span.effective_to ?? OPEN_END) >= next.span.effective_from && (next.index !== undefined || previous.index !== undefined)) {
      const blamed = next.index ?? previous.index!;
      const other = blamed === next.index ? previous : next;
      issues.push({
        field: `records.${blamed}.effective_from`,
        message: `dates overlap ${other.label} (${other.span.effective_from} to ${other.span.effective_to ?? 'open-ended'}): plans of an org may not share a day`,
      });
    }
    if ((next.span.effective_to ?? OPEN_END) > (previous.span.effective_to ?? OPEN_END)) reach = next;
  }
  const frozen = db.prepare('SELECT date_start, date_end FROM statements WHERE org_id = ? AND is_current = 0 AND date_start <= ? AND date_end >= ? LIMIT 1');
  for (const p of parsed) {
    for (const [from, to] of changedDays(p.before, p.after)) {
      const hit = frozen.get(orgId, to, from) as { date_start: string; date_end: string } | undefined;
      if (hit) {
        issues.push({
          field: `records.${p.index}.effective_from`,
          message: `would change the prices of the cycle ${hit.date_start} - ${hit.date_end}, whose statement is already generated (past statements never change)`,
        });
        break;
      }
    }
  }
  if (issues.length) throw invalidInput(issues);

  const now = new Date().toISOString();
  const priceColumns = PRICE_FIELDS.map((f) => `${f}_micros`);
  const insert = db.prepare(
    `INSERT INTO price_plans (org_id, external_id, name, effective_from, effective_to, is_subscription, ${priceColumns.join(', ')}, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ${priceColumns.map(() => '?').join(', ')}, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE price_plans SET name = ?, effective_from = ?, effective_to = ?, is_subscription = ?, ${priceColumns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  );
  const result: StatementBatchResult = { created: 0, updated: 0, ids: [] };
  for (const p of parsed) {
    const prices = PRICE_FIELDS.map((f) => p.after[f]);
    const subscription = p.after.is_subscription ? 1 : 0;
    if (p.before) {
      update.run(p.name, p.after.effective_from, p.after.effective_to, subscription, ...prices, now, p.before.id);
      result.updated++;
      result.ids.push(p.before.id);
    } else {
      const info = insert.run(orgId, p.external_id, p.name, p.after.effective_from, p.after.effective_to, subscription, ...prices, now, now);
      result.created++;
      result.ids.push(Number(info.lastInsertRowid));
    }
  }
  return result;
}
