import type { PayoutCurrencyTotals, PayoutRun } from '../../shared/contract/payouts';
import type { RuleConflict, RuleConflicts } from '../../shared/contract/rules';
import { microsToDecimal } from '../../shared/money';
import { percentageToWeight, weightToPercentage, WHOLE_PERCENT_WEIGHT } from '../../shared/percentage';
import { ApiFailure, notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { orgTimeZone } from '../orgs/org-time-zone';
import { loadVersionedRules } from '../rules/rule-store';
import { allocateAmount, reverseAllocation, type Allocation, type ShareWeight } from './allocate';
import { dayInZone } from './local-date';
import { payeeLine, type PayeeFacts, type PayeeSums } from './payee-figures';
import { RuleChooser, type ChosenVersion, type ProductFacts } from './rule-choice';

interface RevenueRow {
  id: number;
  external_id: string | null;
  kind: 'sale' | 'refund' | 'adjustment';
  occurred_at: string;
  product_id: number | null;
  amount_micros: number;
  currency: string;
  refund_of: string | null;
}

/** The month's figures before they are worded: what a run stores and conflicts are read from. */
interface MonthPass {
  revenueCount: number;
  currencies: PayoutCurrencyTotals[];
  payees: PayoutRun['payees'];
  warnings: string[];
  conflicts: RuleConflict[];
}

/** Everything a month's allocation reads, loaded once. */
function loadMonth(db: Database.Database, orgId: string, period: string) {
  const zone = orgTimeZone(db, orgId);
  const products = new Map<number, ProductFacts>();
  for (const p of db.prepare('SELECT id, category, tags FROM products WHERE org_id = ?').all(orgId) as Array<{ id: number; category: string | null; tags: string }>) {
    products.set(p.id, { category: p.category, tags: JSON.parse(p.tags) as string[] });
  }
  const payees = db.prepare('SELECT id, external_id, name, on_hold, threshold_micros, fallback_percentage FROM payees WHERE org_id = ? ORDER BY id').all(orgId) as Array<{
    id: number;
    external_id: string | null;
    name: string;
    on_hold: number;
    threshold_micros: number;
    fallback_percentage: string | null;
  }>;
  const revenues = db
    .prepare('SELECT id, external_id, kind, occurred_at, product_id, amount_micros, currency, refund_of FROM revenues WHERE org_id = ? AND period = ? ORDER BY id')
    .all(orgId, period) as RevenueRow[];
  const sales = new Map<string, RevenueRow>();
  const refunded = db
    .prepare(
      `SELECT id, external_id, kind, occurred_at, product_id, amount_micros, currency, refund_of FROM revenues
       WHERE org_id = ? AND kind = 'sale' AND external_id IN (SELECT refund_of FROM revenues WHERE org_id = ? AND period = ? AND kind = 'refund' AND refund_of IS NOT NULL)`,
    )
    .all(orgId, orgId, period) as RevenueRow[];
  for (const sale of refunded) sales.set(sale.external_id!, sale);
  return { zone, products, payees, revenues, sales, rules: loadVersionedRules(db, orgId) };
}

function sharesOf(rule: ChosenVersion): ShareWeight[] {
  return rule.state.splits.map((s) => ({ payeeId: s.payee_id, weight: percentageToWeight(s.percentage)!, fixed: s.fixed_micros === null ? null : BigInt(s.fixed_micros) }));
}

/** One pass over the month: every revenue allocated, sums per currency and per payee, conflicts collected. */
function passMonth(db: Database.Database, orgId: string, period: string): MonthPass {
  const month = loadMonth(db, orgId, period);
  const chooser = new RuleChooser(month.rules, month.products);
  const warnings: string[] = [];
  const fallback: ShareWeight[] = [];
  for (const p of month.payees) {
    const weight = p.fallback_percentage === null ? null : percentageToWeight(p.fallback_percentage);
    if (weight === null) {
      if (p.fallback_percentage !== null) warnings.push(`payee ${p.external_id ?? p.id}: fallback_percentage "${p.fallback_percentage}" has more than 4 decimals and is not used`);
    } else if (weight > 0n) fallback.push({ payeeId: p.id, weight, fixed: null });
  }
  const fallbackTotal = fallback.reduce((sum, s) => sum + s.weight, 0n);
  if (fallbackTotal > WHOLE_PERCENT_WEIGHT) warnings.push(`payees' fallback percentages add up to ${weightToPercentage(fallbackTotal)}: unclaimed amounts are shared in proportion to them`);

  const conflicts = new Map<string, RuleConflict>();
  const shareCache = new Map<string, ShareWeight[]>();
  function allocate(revenue: RevenueRow): Allocation | null {
    const day = dayInZone(revenue.occurred_at, month.zone);
    const choice = chooser.choose(revenue.product_id, day);
    if (choice.conflict) {
      const key = `${choice.conflict.scope}|${choice.conflict.rules.map((r) => `${r.ruleId}.${r.version}`).join(',')}`;
      const known = conflicts.get(key);
      if (known) known.revenueCount++;
      else {
        conflicts.set(key, {
          scope: choice.conflict.scope,
          rules: choice.conflict.rules.map((r) => ({ id: r.ruleId, externalId: r.externalId, name: r.state.name, version: r.version })),
          revenueCount: 1,
          firstRevenue: { id: revenue.id, externalId: revenue.external_id, date: day },
        });
      }
      return null;
    }
    let shares: ShareWeight[] | null = null;
    if (choice.rule) {
      const key = `${choice.rule.ruleId}.${choice.rule.version}`;
      shares = shareCache.get(key) ?? sharesOf(choice.rule);
      shareCache.set(key, shares);
    }
    return allocateAmount(BigInt(revenue.amount_micros), shares, fallback);
  }

  const totals = new Map<string, { revenue: bigint; allocated: bigint }>();
  const sums = new Map<string, PayeeSums & { payeeId: number; currency: string }>();
  for (const revenue of month.revenues) {
    let allocation: Allocation | null;
    const sale = revenue.kind === 'refund' && revenue.refund_of !== null ? month.sales.get(revenue.refund_of) : undefined;
    if (revenue.kind === 'refund' && sale && sale.currency === revenue.currency) {
      const saleAllocation = allocate(sale);
      allocation = saleAllocation && reverseAllocation(BigInt(revenue.amount_micros), saleAllocation);
    } else {
      if (revenue.kind === 'refund' && revenue.refund_of !== null) {
        warnings.push(`refund ${revenue.external_id ?? revenue.id}: its sale "${revenue.refund_of}" ${sale ? `is in ${sale.currency}` : 'is not in the workspace'}; allocated under its own rule`);
      }
      allocation = allocate(revenue);
    }
    if (!allocation) continue;
    const total = totals.get(revenue.currency) ?? { revenue: 0n, allocated: 0n };
    total.revenue += BigInt(revenue.amount_micros);
    for (const part of allocation.parts) {
      total.allocated += part.micros;
      const key = `${part.payeeId}|${revenue.currency}`;
      let line = sums.get(key);
      if (!line) sums.set(key, (line = { payeeId: part.payeeId, currency: revenue.currency, earned: 0n, reversed: 0n, adjusted: 0n }));
      if (revenue.kind === 'sale') line.earned += part.micros;
      else if (revenue.kind === 'refund') line.reversed += part.micros;
      else line.adjusted += part.micros;
    }
    totals.set(revenue.currency, total);
  }

  const payeeFacts = new Map<number, PayeeFacts>(
    month.payees.map((p) => [p.id, { id: p.id, externalId: p.external_id, name: p.name, onHold: p.on_hold === 1, thresholdMicros: BigInt(p.threshold_micros) }]),
  );
  const payees = [...sums.values()]
    .sort((a, b) => a.payeeId - b.payeeId || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map((s) => payeeLine(payeeFacts.get(s.payeeId) ?? { id: s.payeeId, externalId: null, name: '', onHold: false, thresholdMicros: 0n }, s.currency, s));
  const currencies = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, t]) => ({ currency, revenue: microsToDecimal(t.revenue), allocated: microsToDecimal(t.allocated), unallocated: microsToDecimal(t.revenue - t.allocated) }));
  return { revenueCount: month.revenues.length, currencies, payees, warnings, conflicts: [...conflicts.values()] };
}

export function findRuleConflicts(db: Database.Database, orgId: string, period: string): RuleConflicts {
  assertOrg(db, orgId);
  return { orgId, period, conflicts: passMonth(db, orgId, period).conflicts };
}

/**
 * payouts.run: the month allocated and its result stored (replacing an earlier run of the
 * same month), read and written in one transaction so it sees one state of the workspace.
 * Refused for a finalized month (its stored run stays as signed off) and while active
 * rules conflict; nothing is stored then.
 */
export function runPayouts(db: Database.Database, orgId: string, period: string, ranBy: string): PayoutRun {
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  assertOrg(db, orgId);
  return db.transaction(() => {
    const status = db.prepare('SELECT status FROM periods WHERE org_id = ? AND period = ?').pluck().get(orgId, period) as string | undefined;
    if (status === 'finalized') {
      throw new ApiFailure('conflict', 'period_finalized', `${period} is finalized: its payouts cannot be run again (payouts.get shows the stored run)`, { field: 'period', period });
    }
    const pass = passMonth(db, orgId, period);
    if (pass.conflicts.length > 0) {
      const first = pass.conflicts[0];
      throw new ApiFailure(
        'conflict',
        'rule_conflicts',
        `${pass.conflicts.length} set(s) of active ${first.scope} rules cover the same revenues on the same day (first: ${first.rules.map((r) => r.externalId ?? r.id).join(' and ')} on revenue ${first.firstRevenue.externalId ?? first.firstRevenue.id}); make one inactive or change their dates, then run again`,
        { conflicts: pass.conflicts },
      );
    }
    const figures = { orgId, period, revenueCount: pass.revenueCount, currencies: pass.currencies, payees: pass.payees, warnings: pass.warnings };
    const ranAt = new Date().toISOString().slice(0, 19) + 'Z';
    db.prepare('INSERT OR REPLACE INTO payout_runs (org_id, period, ran_at, ran_by, result) VALUES (?, ?, ?, ?, ?)').run(orgId, period, ranAt, ranBy, JSON.stringify(figures));
    return { ...figures, ranAt, ranBy };
  }).immediate();
}

export function getPayoutRun(db: Database.Database, orgId: string, period: string): PayoutRun {
  assertOrg(db, orgId);
  const row = db.prepare('SELECT ran_at, ran_by, result FROM payout_runs WHERE org_id = ? AND period = ?').get(orgId, period) as { ran_at: string; ran_by: string; result: string } | undefined;
  if (!row) throw notFound('payout_run_not_found', `The payouts of ${period} have not been run`, { field: 'period', period });
  const figures = JSON.parse(row.result) as Omit<PayoutRun, 'ranAt' | 'ranBy'>;
  return { ...figures, ranAt: row.ran_at, ranBy: row.ran_by };
}
