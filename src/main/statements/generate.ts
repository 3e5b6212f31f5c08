import { randomUUID } from 'node:crypto';
import type { Database } from '../db/driver';
import { minorUnitsOf } from '../../shared/currency';
import { MAX_ROW_MICROS } from '../../shared/money';
import { cycleContaining, cyclesBetween, type BillingCycle } from './billing-cycle';
import { orgBilling, todayIn } from './billing-settings';
import { loadPlans } from './plan-store';
import { applyCredits, computeLines, LINE_KEYS, PRICE_FIELDS, USAGE_FIELDS, ZERO_USAGE, type CycleUsage, type PlanSpan } from './statement-lines';

// Statements are generated, never posted. When:
// - a past cycle's statement is made the first time statements are read (list, get, the
//   screen) after its cycle has ended, and is fixed from then on (is_current = 0): usage,
//   plan and credit writes refuse to touch a fixed cycle. So history is loaded first
//   (plans, usage, credits) and read after; a write never fixes a cycle by itself.
// - the current cycle's statement (is_current = 1) is recomputed after every write, and on
//   a read whenever an older cycle was generated first; when its cycle has ended the next
//   generation computes it once more and fixes it.
// Cycles run from the one holding the first plan's first day to the current one; a cycle
// no plan covers gets no statement. Generation runs oldest cycle first, with the credits
// the cycles being (re)generated held cleared, so older cycles take credits first.

export type GenerateMode =
  /** After a write: the unfixed statements (the current one, one just ended) are recomputed. */
  | 'after-write'
  /** On a read: cycles with no statement are generated; ended ones fixed. */
  | 'on-read';

interface StoredCycle {
  id: number;
  sid: string;
  date_start: string;
  is_current: number;
}

const LINE_COLUMNS = LINE_KEYS.map((k) => `${k}_cost_micros`);
const PRICE_COLUMNS = PRICE_FIELDS.map((f) => `${f}_micros`);
const COLUMNS = [
  'sid',
  'org_id',
  'date_start',
  'date_end',
  'currency',
  'is_current',
  'is_subscription',
  ...USAGE_FIELDS,
  ...PRICE_COLUMNS,
  ...LINE_COLUMNS,
  'total_micros',
  'credits_applied_micros',
  'amount_due_micros',
  'available_credits_micros',
  'plan_segments',
  'generated_at',
];

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

/** The statements generation runs, prepared once per connection (generation runs per org, often). */
function statements(db: Database.Database) {
  let sql = prepared.get(db);
  if (!sql) prepared.set(db, (sql = prepare(db)));
  return sql;
}

function prepare(db: Database.Database) {
  return {
    // A statement synced from the org's online system (origin 'synced', seed 004) is the server's: never regenerated here.
    stored: db.prepare("SELECT id, sid, date_start, CASE WHEN origin = 'synced' THEN 0 ELSE is_current END AS is_current FROM statements WHERE org_id = ?"),
    usage: db.prepare(`SELECT ${USAGE_FIELDS.join(', ')} FROM cycle_usage WHERE org_id = ? AND cycle_start = ?`),
    clearApplications: db.prepare('DELETE FROM credit_applications WHERE statement_id = ?'),
    balances: db.prepare(
      `SELECT g.id, g.amount_micros - coalesce((SELECT sum(a.amount_micros) FROM credit_applications a WHERE a.credit_id = g.id), 0) AS remaining
       FROM credit_grants g WHERE g.org_id = ? AND g.granted_on <= ? ORDER BY g.granted_on, g.id`,
    ),
    apply: db.prepare('INSERT INTO credit_applications (statement_id, credit_id, amount_micros) VALUES (?, ?, ?)'),
    insert: db.prepare(`INSERT INTO statements (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`),
    update: db.prepare(`UPDATE statements SET ${COLUMNS.slice(4).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
  };
}

/** "st_" and 20 random hex digits (from a v4 UUID: Node batches its entropy, unlike randomBytes per call). */
export function newSid(): string {
  return `st_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** Generate or refresh one org's statements (see the rules above). */
export function ensureStatements(db: Database.Database, orgId: string, mode: GenerateMode, today?: string): void {
  const billing = orgBilling(db, orgId);
  const plans = loadPlans(db, orgId);
  if (plans.length === 0) return;
  const day = today ?? todayIn(billing.timeZone);
  const current = cycleContaining(day, billing.anchorDay);
  const first = plans[0]!.effective_from;
  if (first > current.end) return;
  const sql = statements(db);
  const stored = new Map((sql.stored.all(orgId) as StoredCycle[]).map((s) => [s.date_start, s]));
  const todo: Array<{ cycle: BillingCycle; isCurrent: boolean; existing?: StoredCycle }> = [];
  let pastGenerated = false;
  for (const cycle of cyclesBetween(first, current.start, billing.anchorDay)) {
    const existing = stored.get(cycle.start);
    const isCurrent = cycle.start === current.start;
    if (existing && existing.is_current === 0) continue;
    if (isCurrent) {
      if (mode === 'after-write' || !existing || pastGenerated) todo.push({ cycle, isCurrent, existing });
    } else if (existing || mode === 'on-read') {
      todo.push({ cycle, isCurrent, existing });
      pastGenerated = true;
    }
  }
  if (todo.length === 0) return;
  const minorUnits = minorUnitsOf(billing.currency) ?? 2;
  db.transaction(() => {
    for (const { existing } of todo) if (existing) sql.clearApplications.run(existing.id);
    for (const { cycle, isCurrent, existing } of todo) writeStatement(sql, orgId, billing.currency, minorUnits, plans, cycle, isCurrent, existing);
  })();
}

function writeStatement(
  sql: ReturnType<typeof statements>,
  orgId: string,
  currency: string,
  minorUnits: number,
  plans: readonly PlanSpan[],
  cycle: BillingCycle,
  isCurrent: boolean,
  existing: StoredCycle | undefined,
): void {
  const usage = (sql.usage.get(orgId, cycle.start) as CycleUsage | undefined) ?? ZERO_USAGE;
  const lines = computeLines(cycle, plans, usage, minorUnits);
  if (!lines) return;
  for (const key of LINE_KEYS) {
    if (lines.costs[key] > MAX_ROW_MICROS) throw new Error(`The ${key} cost of ${orgId}'s cycle ${cycle.start} is larger than a row can hold`);
  }
  const balances = (sql.balances.all(orgId, cycle.end) as Array<{ id: number; remaining: number }>).map((b) => ({ id: b.id, remaining: BigInt(b.remaining) }));
  const taken = applyCredits(lines.total, balances);
  const applied = taken.reduce((sum, t) => sum + t.amount, 0n);
  const available = balances.reduce((sum, b) => sum + b.remaining, 0n) - applied;
  const values = [
    currency,
    isCurrent ? 1 : 0,
    lines.shownPlan.is_subscription ? 1 : 0,
    ...USAGE_FIELDS.map((f) => usage[f]),
    ...PRICE_FIELDS.map((f) => lines.shownPlan[f]),
    ...LINE_KEYS.map((k) => Number(lines.costs[k])),
    Number(lines.total),
    Number(applied),
    Number(lines.total - applied),
    Number(available),
    JSON.stringify(lines.segments),
    new Date().toISOString(),
  ];
  let id: number;
  if (existing) {
    sql.update.run(...values, existing.id);
    id = existing.id;
  } else {
    id = Number(sql.insert.run(newSid(), orgId, cycle.start, cycle.end, ...values).lastInsertRowid);
  }
  for (const t of taken) sql.apply.run(id, t.id, Number(t.amount));
}

/** Every org's statements (the demo and the bench). */
export function ensureAllStatements(db: Database.Database, mode: GenerateMode, today?: string): void {
  const orgs = db.prepare('SELECT DISTINCT org_id FROM price_plans').pluck().all() as string[];
  for (const orgId of orgs) ensureStatements(db, orgId, mode, today);
}
