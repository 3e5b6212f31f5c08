import { splitByWeights } from '../../shared/largest-remainder';
import { WHOLE_PERCENT_WEIGHT } from '../../shared/percentage';

// How one revenue's amount is shared out: pure BigInt arithmetic on micro-units, every
// split by largest remainder, so the parts and the unallocated rest add up to the amount
// exactly and a negative amount gets exactly the negated parts.

export interface ShareWeight {
  payeeId: number;
  /** Percentage in 1/10,000 of a percent (100% = 1,000,000). */
  weight: bigint;
  /** Paid first from each revenue, micro-units; null: none. */
  fixed: bigint | null;
}

export interface Allocation {
  /** Non-zero parts by payee, ascending payee id. */
  parts: Array<{ payeeId: number; micros: bigint }>;
  unallocated: bigint;
}

/** Sorts after every payee id, so the unclaimed share loses ties to payees. */
const REST_KEY = Number.MAX_SAFE_INTEGER;

/**
 * `amount` under a rule's shares (null: no rule covers it): fixed amounts first (scaled
 * down together by largest remainder when they exceed the amount), then the percentages
 * of what is left; whatever the percentages leave goes to the payees' fallback
 * percentages, and the rest is unallocated. The amount's absolute value is split and
 * the parts take its sign.
 */
export function allocateAmount(amount: bigint, shares: readonly ShareWeight[] | null, fallback: readonly ShareWeight[]): Allocation {
  const negative = amount < 0n;
  const whole = negative ? -amount : amount;
  const byPayee = new Map<number, bigint>();
  const add = (payeeId: number, micros: bigint) => {
    if (micros !== 0n) byPayee.set(payeeId, (byPayee.get(payeeId) ?? 0n) + micros);
  };
  let unclaimed = whole;
  if (shares && shares.length > 0) {
    const withFixed = shares.filter((s) => s.fixed !== null && s.fixed > 0n);
    const fixedTotal = withFixed.reduce((sum, s) => sum + s.fixed!, 0n);
    if (fixedTotal > 0n) {
      const fixedParts = fixedTotal <= whole ? withFixed.map((s) => s.fixed!) : splitByWeights(whole, withFixed.map((s) => s.fixed!), withFixed.map((s) => s.payeeId));
      withFixed.forEach((s, i) => add(s.payeeId, fixedParts[i]));
      unclaimed -= fixedParts.reduce((a, b) => a + b, 0n);
    }
    const percentTotal = shares.reduce((sum, s) => sum + s.weight, 0n);
    if (unclaimed > 0n && percentTotal > 0n) {
      const weights = [...shares.map((s) => s.weight), WHOLE_PERCENT_WEIGHT - percentTotal];
      const parts = splitByWeights(unclaimed, weights, [...shares.map((s) => s.payeeId), REST_KEY]);
      shares.forEach((s, i) => add(s.payeeId, parts[i]));
      unclaimed = parts[parts.length - 1];
    }
  }
  let unallocated = unclaimed;
  const fallbackTotal = fallback.reduce((sum, s) => sum + s.weight, 0n);
  if (unclaimed > 0n && fallbackTotal > 0n) {
    // Fallbacks over 100% in total share the unclaimed amount in proportion (the run warns).
    const rest = fallbackTotal < WHOLE_PERCENT_WEIGHT ? WHOLE_PERCENT_WEIGHT - fallbackTotal : 0n;
    const parts = splitByWeights(unclaimed, [...fallback.map((s) => s.weight), rest], [...fallback.map((s) => s.payeeId), REST_KEY]);
    fallback.forEach((s, i) => add(s.payeeId, parts[i]));
    unallocated = parts[parts.length - 1];
  }
  const parts = [...byPayee.entries()].sort((a, b) => a[0] - b[0]).map(([payeeId, micros]) => ({ payeeId, micros: negative ? -micros : micros }));
  return { parts, unallocated: negative ? -unallocated : unallocated };
}

/**
 * A refund of `amount` reverses its sale's allocation in proportion: a whole refund
 * returns exactly each part the sale paid (and exactly its unallocated rest), a partial
 * one the largest-remainder share of each.
 */
export function reverseAllocation(amount: bigint, sale: Allocation): Allocation {
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const weights = [...sale.parts.map((p) => abs(p.micros)), abs(sale.unallocated)];
  if (weights.every((w) => w === 0n)) return { parts: [], unallocated: amount };
  const split = splitByWeights(amount, weights, [...sale.parts.map((p) => p.payeeId), REST_KEY]);
  return {
    parts: sale.parts.map((p, i) => ({ payeeId: p.payeeId, micros: split[i] })).filter((p) => p.micros !== 0n),
    unallocated: split[split.length - 1],
  };
}
