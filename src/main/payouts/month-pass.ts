import type { PayoutCurrencyTotals } from '../../shared/contract/payouts';
import type { RuleConflict } from '../../shared/contract/rules';
import { microsToDecimal } from '../../shared/money';
import { percentageToWeight, weightToPercentage, WHOLE_PERCENT_WEIGHT } from '../../shared/percentage';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { orgTimeZone } from '../orgs/org-time-zone';
import { loadVersionedRules, type VersionedRule } from '../rules/rule-store';
import { allocateAmount, reverseAllocation, type ShareWeight } from './allocate';
import { allocateFast, compileShares, PartsBuffer, type CompiledShares } from './fast-allocate';
import { dayInZone } from './local-date';
import type { PayeeSums } from './payee-figures';
import { RuleChooser, type ChosenVersion, type ProductFacts, type RuleChoice } from './rule-choice';
import { ExactSum } from './exact-sum';

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
  /**
   * Told every allocated revenue, in id order, with the rule version that decided it (for a
   * refund: its sale's) and its parts (a buffer reused for the next revenue).
   */
  onAllocation?: (revenueId: number, currency: string, rule: ChosenVersion | null, parts: PartsBuffer) => void;
}

const REVENUE_COLUMNS = 'id, external_id, kind, occurred_at, product_id, amount_micros, currency, refund_of';

/** A month's revenue as read in the hot loop: [id, external_id, kind, occurred_at, product_id, amount_micros, currency, refund_of]. */
type RawRevenue = [number, string | null, RevenueRow['kind'], string, number | null, number, string, string | null];

/** 'YYYY-MM-DD…' -> one number per calendar day, read from the characters (no substring). */
function dayNumber(text: string): number {
  const digit = (i: number) => text.charCodeAt(i) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return year * 512 + (digit(5) * 10 + digit(6)) * 32 + digit(8) * 10 + digit(9);
}

/** The decision for a product on a day, with its shares ready for allocateFast. */
interface Decision {
  choice: RuleChoice;
  shares: CompiledShares | null;
}

/** Per payee and currency sums, exact however large they grow. */
class PayeeSum {
  readonly earned = new ExactSum();
  readonly reversed = new ExactSum();
  readonly adjusted = new ExactSum();
  constructor(
    readonly payeeId: number,
    readonly currency: string,
  ) {}
}

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
  const fallbackShares: ShareWeight[] = [];
  for (const p of payees) {
    const weight = p.fallback_percentage === null ? null : percentageToWeight(p.fallback_percentage);
    if (weight === null) {
      if (p.fallback_percentage !== null) warnings.push(`payee ${p.external_id ?? p.id}: fallback_percentage "${p.fallback_percentage}" has more than 4 decimals and is not used`);
    } else if (weight > 0n) fallbackShares.push({ payeeId: p.id, weight, fixed: null });
  }
  const fallbackTotal = fallbackShares.reduce((sum, s) => sum + s.weight, 0n);
  if (fallbackTotal > WHOLE_PERCENT_WEIGHT) warnings.push(`payees' fallback percentages add up to ${weightToPercentage(fallbackTotal)}: unclaimed amounts are shared in proportion to them`);
  const fallback = compileShares(fallbackShares);

  const conflicts = new Map<string, RuleConflict>();
  const compiled = new Map<string, CompiledShares>();
  const decisions = new Map<number, Decision>();
  /** The rule version deciding a revenue of `productId` at `occurredAt`, remembered per product and day. */
  function decide(productId: number | null, occurredAt: string): Decision {
    const utc = zone === 'UTC';
    const day = utc ? null : dayInZone(occurredAt, zone);
    const key = (productId ?? 0) * 8_388_608 + dayNumber(day ?? occurredAt);
    let decision = decisions.get(key);
    if (decision === undefined) {
      const choice = chooser.choose(productId, day ?? occurredAt.slice(0, 10));
      let shares: CompiledShares | null = null;
      if (choice.rule) {
        const versionKey = `${choice.rule.ruleId}.${choice.rule.version}`;
        shares = compiled.get(versionKey) ?? compileShares(sharesOf(choice.rule));
        compiled.set(versionKey, shares);
      }
      decision = { choice, shares };
      decisions.set(key, decision);
    }
    return decision;
  }
  function noteConflict(choice: RuleChoice, revenueId: number, externalId: string | null, occurredAt: string): void {
    const conflict = choice.conflict!;
    const key = `${conflict.scope}|${conflict.rules.map((r) => `${r.ruleId}.${r.version}`).join(',')}`;
    const known = conflicts.get(key);
    if (known) known.revenueCount++;
    else {
      conflicts.set(key, {
        scope: conflict.scope,
        rules: conflict.rules.map((r) => ({ id: r.ruleId, externalId: r.externalId, name: r.state.name, version: r.version })),
        revenueCount: 1,
        firstRevenue: { id: revenueId, externalId, date: dayInZone(occurredAt, zone) },
      });
    }
  }

  const currencyTotals = new Map<string, { revenue: ExactSum; allocated: ExactSum }>();
  const sums = new Map<string, PayeeSum>();
  const parts = new PartsBuffer();
  let revenueCount = 0;
  // Streamed as plain arrays: a month of a million revenues is never held in memory at once.
  // Id order only for explain (its rows page in that order); the run sums, in any order.
  const statement = db.prepare(`SELECT ${REVENUE_COLUMNS} FROM revenues WHERE org_id = ? AND period = ?${options.onAllocation ? ' ORDER BY id' : ''}`).raw();
  for (const row of statement.iterate(orgId, period) as IterableIterator<RawRevenue>) {
    revenueCount++;
    const [id, externalId, kind, occurredAt, productId, amount, currency, refundOf] = row;
    let rule: ChosenVersion | null;
    const sale = kind === 'refund' && refundOf !== null ? sales.get(refundOf) : undefined;
    if (kind === 'refund' && sale && sale.currency === currency) {
      // A refund reverses its sale's parts under the sale's rule version (BigInt: refunds are few).
      const saleDecision = decide(sale.product_id, sale.occurred_at);
      if (saleDecision.choice.conflict) {
        noteConflict(saleDecision.choice, sale.id, sale.external_id, sale.occurred_at);
        continue;
      }
      rule = saleDecision.choice.rule;
      const saleAllocation = allocateAmount(BigInt(sale.amount_micros), saleDecision.shares?.big ?? null, fallback.big);
      const reversed = reverseAllocation(BigInt(amount), saleAllocation);
      parts.count = 0;
      for (const part of reversed.parts) parts.add(part.payeeId, Number(part.micros));
      parts.unallocated = Number(reversed.unallocated);
    } else {
      if (kind === 'refund' && refundOf !== null) {
        warnings.push(`refund ${externalId ?? id}: its sale "${refundOf}" ${sale ? `is in ${sale.currency}` : 'is not in the workspace'}; allocated under its own rule`);
      }
      const decision = decide(productId, occurredAt);
      if (decision.choice.conflict) {
        noteConflict(decision.choice, id, externalId, occurredAt);
        continue;
      }
      rule = decision.choice.rule;
      allocateFast(amount, decision.shares, fallback, parts);
    }
    options.onAllocation?.(id, currency, rule, parts);
    let total = currencyTotals.get(currency);
    if (!total) currencyTotals.set(currency, (total = { revenue: new ExactSum(), allocated: new ExactSum() }));
    total.revenue.add(amount);
    total.allocated.add(amount - parts.unallocated);
    for (let i = 0; i < parts.count; i++) {
      const key = `${parts.payeeIds[i]}|${currency}`;
      let line = sums.get(key);
      if (!line) sums.set(key, (line = new PayeeSum(parts.payeeIds[i], currency)));
      (kind === 'sale' ? line.earned : kind === 'refund' ? line.reversed : line.adjusted).add(parts.micros[i]);
    }
  }

  const currencies = [...currencyTotals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, t]) => {
      const revenue = t.revenue.value();
      const allocated = t.allocated.value();
      return { currency, revenue: microsToDecimal(revenue), allocated: microsToDecimal(allocated), unallocated: microsToDecimal(revenue - allocated) };
    });
  const summed: SumsByPayee = new Map();
  for (const [key, line] of sums) {
    summed.set(key, { payeeId: line.payeeId, currency: line.currency, earned: line.earned.value(), reversed: line.reversed.value(), adjusted: line.adjusted.value() });
  }
  return { revenueCount, currencies, sums: summed, payees, warnings, conflicts: [...conflicts.values()] };
}
