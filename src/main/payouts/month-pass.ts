import type { PayoutCurrencyTotals } from '../../shared/contract/payouts';
import type { RuleConflict } from '../../shared/contract/rules';
import { microsToDecimal } from '../../shared/money';
import { percentageToWeight, weightToPercentage, WHOLE_PERCENT_WEIGHT } from '../../shared/percentage';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { orgTimeZone } from '../orgs/org-time-zone';
import { loadVersionedRules, type VersionedRule } from '../rules/rule-store';
import { allocateAmount, reverseAllocation, type Allocation, type ShareWeight } from './allocate';
import { dayInZone } from './local-date';
import type { PayeeSums } from './payee-figures';
import { RuleChooser, type ChosenVersion, type ProductFacts } from './rule-choice';

// One pass over a month's revenues: each allocated by the rule version in force on its day
// (refunds by their sale's), summed per currency and per payee. The run, explain and compare
// all use it; explain listens to every allocation, compare swaps rule versions.

export interface RevenueRow {
  id: number;
  external_id: string | null;
  kind: 'sale' | 'refund' | 'adjustment';
  occurred_at: string;
  product_id: number | null;
  amount_micros: number;
  currency: string;
  refund_of: string | null;
}

export interface PayeeRow {
  id: number;
  external_id: string | null;
  name: string;
  on_hold: number;
  threshold_micros: number;
  fallback_percentage: string | null;
}

export type SumsByPayee = Map<string, PayeeSums & { payeeId: number; currency: string }>;

export interface MonthPass {
  revenueCount: number;
  currencies: PayoutCurrencyTotals[];
  sums: SumsByPayee;
  payees: PayeeRow[];
  warnings: string[];
  conflicts: RuleConflict[];
}

export interface PassOptions {
  /** ruleId -> version: that rule decides the whole month as this saved version (compare). */
  versions?: ReadonlyMap<number, number>;
  /** Told every allocated revenue, with the rule version that decided it (for a refund: its sale's). */
  onAllocation?: (revenue: RevenueRow, rule: ChosenVersion | null, allocation: Allocation) => void;
}

const REVENUE_COLUMNS = 'id, external_id, kind, occurred_at, product_id, amount_micros, currency, refund_of';

/** The org's rules; a rule named in `versions` keeps only that saved version. */
function rulesFor(db: Database.Database, orgId: string, versions: ReadonlyMap<number, number> | undefined): VersionedRule[] {
  const rules = loadVersionedRules(db, orgId);
  if (!versions) return rules;
  const byId = new Map(rules.map((r) => [r.id, r]));
  let index = 0;
  for (const [ruleId, version] of versions) {
    const rule = byId.get(ruleId);
    const chosen = rule?.versions.find((v) => v.version === version);
    if (!rule) throw notFound('rule_not_found', `ruleVersions[${index}]: no rule with id ${ruleId} in org ${orgId}`, { field: `ruleVersions.${index}.ruleId` });
    if (!chosen) throw notFound('rule_version_not_found', `ruleVersions[${index}]: rule ${rule.externalId ?? ruleId} has no version ${version} (it has 1 to ${rule.versions.length})`, { field: `ruleVersions.${index}.version` });
    rule.versions = [chosen];
    index++;
  }
  return rules;
}

function sharesOf(rule: ChosenVersion): ShareWeight[] {
  return rule.state.splits.map((s) => ({ payeeId: s.payee_id, weight: percentageToWeight(s.percentage)!, fixed: s.fixed_micros === null ? null : BigInt(s.fixed_micros) }));
}

export function loadPayees(db: Database.Database, orgId: string): PayeeRow[] {
  return db.prepare('SELECT id, external_id, name, on_hold, threshold_micros, fallback_percentage FROM payees WHERE org_id = ? ORDER BY id').all(orgId) as PayeeRow[];
}

export function passMonth(db: Database.Database, orgId: string, period: string, options: PassOptions = {}): MonthPass {
  const zone = orgTimeZone(db, orgId);
  const products = new Map<number, ProductFacts>();
  for (const p of db.prepare('SELECT id, category, tags FROM products WHERE org_id = ?').all(orgId) as Array<{ id: number; category: string | null; tags: string }>) {
    products.set(p.id, { category: p.category, tags: JSON.parse(p.tags) as string[] });
  }
  const payees = loadPayees(db, orgId);
  const chooser = new RuleChooser(rulesFor(db, orgId, options.versions), products);
  // The sales this month's refunds reverse, whichever month they are in.
  const sales = new Map<string, RevenueRow>();
  const refunded = db
    .prepare(
      `SELECT ${REVENUE_COLUMNS} FROM revenues
       WHERE org_id = ? AND kind = 'sale' AND external_id IN (SELECT refund_of FROM revenues WHERE org_id = ? AND period = ? AND kind = 'refund' AND refund_of IS NOT NULL)`,
    )
    .all(orgId, orgId, period) as RevenueRow[];
  for (const sale of refunded) sales.set(sale.external_id!, sale);

  const warnings: string[] = [];
  const fallback: ShareWeight[] = [];
  for (const p of payees) {
    const weight = p.fallback_percentage === null ? null : percentageToWeight(p.fallback_percentage);
    if (weight === null) {
      if (p.fallback_percentage !== null) warnings.push(`payee ${p.external_id ?? p.id}: fallback_percentage "${p.fallback_percentage}" has more than 4 decimals and is not used`);
    } else if (weight > 0n) fallback.push({ payeeId: p.id, weight, fixed: null });
  }
  const fallbackTotal = fallback.reduce((sum, s) => sum + s.weight, 0n);
  if (fallbackTotal > WHOLE_PERCENT_WEIGHT) warnings.push(`payees' fallback percentages add up to ${weightToPercentage(fallbackTotal)}: unclaimed amounts are shared in proportion to them`);

  const conflicts = new Map<string, RuleConflict>();
  const shareCache = new Map<string, ShareWeight[]>();
  /** The revenue's allocation and the rule version that decided it; null while rules conflict. */
  function allocate(revenue: RevenueRow): { allocation: Allocation; rule: ChosenVersion | null } | null {
    const day = dayInZone(revenue.occurred_at, zone);
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
    return { allocation: allocateAmount(BigInt(revenue.amount_micros), shares, fallback), rule: choice.rule };
  }

  const totals = new Map<string, { revenue: bigint; allocated: bigint }>();
  const sums: SumsByPayee = new Map();
  let revenueCount = 0;
  // Streamed: a month of a million revenues is never held in memory at once.
  const monthRows = db.prepare(`SELECT ${REVENUE_COLUMNS} FROM revenues WHERE org_id = ? AND period = ? ORDER BY id`).iterate(orgId, period) as IterableIterator<RevenueRow>;
  for (const revenue of monthRows) {
    revenueCount++;
    let decided: ReturnType<typeof allocate>;
    const sale = revenue.kind === 'refund' && revenue.refund_of !== null ? sales.get(revenue.refund_of) : undefined;
    if (revenue.kind === 'refund' && sale && sale.currency === revenue.currency) {
      const saleDecided = allocate(sale);
      decided = saleDecided && { allocation: reverseAllocation(BigInt(revenue.amount_micros), saleDecided.allocation), rule: saleDecided.rule };
    } else {
      if (revenue.kind === 'refund' && revenue.refund_of !== null) {
        warnings.push(`refund ${revenue.external_id ?? revenue.id}: its sale "${revenue.refund_of}" ${sale ? `is in ${sale.currency}` : 'is not in the workspace'}; allocated under its own rule`);
      }
      decided = allocate(revenue);
    }
    if (!decided) continue;
    options.onAllocation?.(revenue, decided.rule, decided.allocation);
    let total = totals.get(revenue.currency);
    if (!total) totals.set(revenue.currency, (total = { revenue: 0n, allocated: 0n }));
    total.revenue += BigInt(revenue.amount_micros);
    for (const part of decided.allocation.parts) {
      total.allocated += part.micros;
      const key = `${part.payeeId}|${revenue.currency}`;
      let line = sums.get(key);
      if (!line) sums.set(key, (line = { payeeId: part.payeeId, currency: revenue.currency, earned: 0n, reversed: 0n, adjusted: 0n }));
      if (revenue.kind === 'sale') line.earned += part.micros;
      else if (revenue.kind === 'refund') line.reversed += part.micros;
      else line.adjusted += part.micros;
    }
  }

  const currencies = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, t]) => ({ currency, revenue: microsToDecimal(t.revenue), allocated: microsToDecimal(t.allocated), unallocated: microsToDecimal(t.revenue - t.allocated) }));
  return { revenueCount, currencies, sums, payees, warnings, conflicts: [...conflicts.values()] };
}
