import { splitByWeights } from '../../../shared/largest-remainder';

// Showback of one month (pure, integer micro-units as BigInt): the commitments' figures for
// the month (premium, rebates, commitment cost) are spread over targets (accounts, services
// or child orgs) by its allocation method, with the largest-remainder method so the parts add
// up exactly to the month's totals. A commitment with nothing to spread over (no covered usage
// in its currency that month) goes whole to an explicit unallocated row. Currencies are never
// mixed: a commitment is spread only over usage in its own currency.

export const ALLOCATION_METHODS = ['proportional', 'even', 'fixed'] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

/** A commitment's figures for one month. */
export interface CommitmentMonth {
  /** For tie-breaks and messages only. */
  key: string;
  currency: string;
  premium: bigint;
  rebates: bigint;
  commitment_cost: bigint;
  method: AllocationMethod;
  /** method fixed: weights per target (percentages in micro-units, summing to 100%). */
  fixedShares?: ReadonlyArray<{ target: string; weight: bigint }>;
}

/** A target's usage in one month (several rows of one target and currency add up). */
export interface TargetUsage {
  target: string;
  currency: string;
  /** Cost of usage no commitment covered, at on-demand rates. */
  on_demand: bigint;
  /** On-demand equivalent of the usage commitments covered. */
  covered: bigint;
}

export interface ShowbackLine {
  /** null: the unallocated row (commitment figures with nothing to spread over). */
  target: string | null;
  currency: string;
  on_demand: bigint;
  covered: bigint;
  premium: bigint;
  rebates: bigint;
  commitment_cost: bigint;
  /** premium + commitment_cost - rebates. */
  effective_cost: bigint;
  /** covered (the on-demand equivalent) - effective_cost. */
  savings: bigint;
}

/** A currency's figures for the month: the same sums as its rows, with no target. */
export type MonthTotals = Omit<ShowbackLine, 'target'>;

type Figures = Pick<ShowbackLine, 'premium' | 'rebates' | 'commitment_cost'>;

/** Rows of one month: per currency, targets in ascending order, the unallocated row last. */
export function allocateMonth(commitments: readonly CommitmentMonth[], usage: readonly TargetUsage[]): ShowbackLine[] {
  const currencies = [...new Set([...commitments.map((c) => c.currency), ...usage.map((u) => u.currency)])].sort();
  const lines: ShowbackLine[] = [];
  for (const currency of currencies) {
    lines.push(...allocateCurrency(commitments.filter((c) => c.currency === currency), usage.filter((u) => u.currency === currency), currency));
  }
  return lines;
}

function allocateCurrency(commitments: readonly CommitmentMonth[], usage: readonly TargetUsage[], currency: string): ShowbackLine[] {
  const used = new Map<string, { on_demand: bigint; covered: bigint }>();
  for (const u of usage) {
    if (u.on_demand < 0n || u.covered < 0n) throw new RangeError(`usage of ${u.target} must not be negative`);
    const sum = used.get(u.target) ?? { on_demand: 0n, covered: 0n };
    sum.on_demand += u.on_demand;
    sum.covered += u.covered;
    used.set(u.target, sum);
  }
  const targets = [...used.keys()].sort(compareText);
  const covering = targets.filter((t) => used.get(t)!.covered > 0n);
  const shares = new Map<string | null, Figures>();
  const add = (target: string | null, figures: Figures) => {
    const sum = shares.get(target) ?? { premium: 0n, rebates: 0n, commitment_cost: 0n };
    sum.premium += figures.premium;
    sum.rebates += figures.rebates;
    sum.commitment_cost += figures.commitment_cost;
    shares.set(target, sum);
  };

  for (const c of pooled(commitments)) {
    const spread = weightsOf(c, covering, used);
    if (spread === null) {
      add(null, c);
      continue;
    }
    const keys = spread.map((s) => s.target);
    const weights = spread.map((s) => s.weight);
    const premium = splitByWeights(c.premium, weights, keys);
    const rebates = splitByWeights(c.rebates, weights, keys);
    const cost = splitByWeights(c.commitment_cost, weights, keys);
    spread.forEach((s, i) => add(s.target, { premium: premium[i], rebates: rebates[i], commitment_cost: cost[i] }));
  }

  const named = [...new Set([...targets, ...[...shares.keys()].filter((t): t is string => t !== null)])].sort(compareText);
  const lines = named.map((target) => line(target, currency, used.get(target), shares.get(target)));
  if (shares.has(null)) lines.push(line(null, currency, undefined, shares.get(null)));
  return lines;
}

/**
 * Commitments spread the same way (proportional, even, or fixed with the same shares) are
 * split as one: the rows tie out to the same totals, and a month of many commitments over
 * thousands of targets splits a few times instead of once per commitment.
 */
function pooled(commitments: readonly CommitmentMonth[]): CommitmentMonth[] {
  const pools = new Map<string, CommitmentMonth>();
  for (const c of commitments) {
    const key = c.method === 'fixed' ? `fixed:${JSON.stringify((c.fixedShares ?? []).map((s) => [s.target, String(s.weight)]))}` : c.method;
    const pool = pools.get(key);
    if (!pool) pools.set(key, { ...c });
    else {
      pool.premium += c.premium;
      pool.rebates += c.rebates;
      pool.commitment_cost += c.commitment_cost;
    }
  }
  return [...pools.values()];
}

/** The targets a commitment is spread over and their weights; null when there are none. */
function weightsOf(c: CommitmentMonth, covering: readonly string[], used: ReadonlyMap<string, { covered: bigint }>): Array<{ target: string; weight: bigint }> | null {
  if (c.method === 'fixed') {
    const shares = c.fixedShares ?? [];
    if (shares.length === 0 || shares.some((s) => s.weight < 0n) || shares.reduce((a, s) => a + s.weight, 0n) <= 0n) {
      throw new RangeError(`commitment ${c.key}: fixed shares must be positive and add up to more than 0`);
    }
    return [...shares].sort((a, b) => compareText(a.target, b.target));
  }
  if (covering.length === 0) return null;
  return covering.map((target) => ({ target, weight: c.method === 'even' ? 1n : used.get(target)!.covered }));
}

function line(target: string | null, currency: string, usage: { on_demand: bigint; covered: bigint } | undefined, figures: Figures | undefined): ShowbackLine {
  const on_demand = usage?.on_demand ?? 0n;
  const covered = usage?.covered ?? 0n;
  const premium = figures?.premium ?? 0n;
  const rebates = figures?.rebates ?? 0n;
  const commitment_cost = figures?.commitment_cost ?? 0n;
  const effective_cost = premium + commitment_cost - rebates;
  return { target, currency, on_demand, covered, premium, rebates, commitment_cost, effective_cost, savings: covered - effective_cost };
}

/** The month's totals per currency, straight from the inputs: what the rows must add up to. */
export function monthTotals(commitments: readonly CommitmentMonth[], usage: readonly TargetUsage[]): MonthTotals[] {
  const byCurrency = new Map<string, MonthTotals>();
  const get = (currency: string) => {
    let t = byCurrency.get(currency);
    if (!t) {
      t = { currency, on_demand: 0n, covered: 0n, premium: 0n, rebates: 0n, commitment_cost: 0n, effective_cost: 0n, savings: 0n };
      byCurrency.set(currency, t);
    }
    return t;
  };
  for (const c of commitments) {
    const t = get(c.currency);
    t.premium += c.premium;
    t.rebates += c.rebates;
    t.commitment_cost += c.commitment_cost;
  }
  for (const u of usage) {
    const t = get(u.currency);
    t.on_demand += u.on_demand;
    t.covered += u.covered;
  }
  for (const t of byCurrency.values()) {
    t.effective_cost = t.premium + t.commitment_cost - t.rebates;
    t.savings = t.covered - t.effective_cost;
  }
  return [...byCurrency.values()].sort((a, b) => compareText(a.currency, b.currency));
}

// Code-unit order, not locale order: the same on every machine (a CSV must be byte-stable).
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
