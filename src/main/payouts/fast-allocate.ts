import { allocateAmount, type ShareWeight } from './allocate';

// The hot path of a month's run: allocateAmount and reverseAllocation (allocate.ts) on
// plain numbers. Parts and remainders never exceed the amount or the weights' sum, so they
// are exact numbers; only a product amount x weight can pass 2^53, and that one product is
// then formed as a BigInt. Same rules, same tie-breaks (largest remainder, then payee id,
// the unclaimed rest last), so the results are identical: property tests compare them
// (test/unit/fast-allocate.test.ts). A million revenues then cost no allocation per
// revenue: parts land in reusable arrays.

const WHOLE = 1_000_000;
const REST_KEY = Number.MAX_SAFE_INTEGER;

/** A rule version's (or the fallbacks') shares, prepared once. */
export interface CompiledShares {
  readonly big: readonly ShareWeight[];
  readonly payeeIds: readonly number[];
  readonly weights: readonly number[];
  /** Payees with a fixed amount first, and those amounts. */
  readonly fixedIds: readonly number[];
  readonly fixedAmounts: readonly number[];
  readonly fixedTotal: number;
  readonly percentTotal: number;
}

export function compileShares(shares: readonly ShareWeight[]): CompiledShares {
  const withFixed = shares.filter((s) => s.fixed !== null && s.fixed > 0n);
  return {
    big: shares,
    payeeIds: shares.map((s) => s.payeeId),
    weights: shares.map((s) => Number(s.weight)),
    fixedIds: withFixed.map((s) => s.payeeId),
    fixedAmounts: withFixed.map((s) => Number(s.fixed)),
    fixedTotal: withFixed.reduce((sum, s) => sum + Number(s.fixed), 0),
    percentTotal: shares.reduce((sum, s) => sum + Number(s.weight), 0),
  };
}

/** Where one revenue's parts are written: `count` parts, ascending payee id, none zero. */
export class PartsBuffer {
  payeeIds: number[] = [];
  micros: number[] = [];
  count = 0;
  unallocated = 0;

  add(payeeId: number, micros: number): void {
    if (micros === 0) return;
    for (let i = 0; i < this.count; i++) {
      if (this.payeeIds[i] === payeeId) {
        this.micros[i] += micros;
        return;
      }
    }
    this.payeeIds[this.count] = payeeId;
    this.micros[this.count] = micros;
    this.count++;
  }
}

const scratchParts: number[] = [];
const scratchRests: number[] = [];

/**
 * Largest remainder of `total` (>= 0) over `weights` plus `restWeight` (-1: none), which
 * add up to `sum` (> 0); parts into scratchParts. Each part is at most `total` and each
 * remainder below `sum`, so both are exact numbers; only the product total x weight can
 * pass 2^53, and then it is formed as a BigInt (large amounts: a few per revenue).
 */
function split(total: number, weights: readonly number[], keys: readonly number[], sum: number, restWeight: number): void {
  const n = weights.length + (restWeight >= 0 ? 1 : 0);
  let given = 0;
  if (total * sum > Number.MAX_SAFE_INTEGER) {
    const bigTotal = BigInt(total);
    const bigSum = BigInt(sum);
    for (let i = 0; i < n; i++) {
      const exact = bigTotal * BigInt(i < weights.length ? weights[i] : restWeight);
      const part = Number(exact / bigSum);
      scratchParts[i] = part;
      scratchRests[i] = Number(exact % bigSum);
      given += part;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const exact = total * (i < weights.length ? weights[i] : restWeight);
      let part = Math.floor(exact / sum);
      let rest = exact - part * sum;
      // The quotient is rounded once; these put an off-by-one floor right.
      if (rest < 0) {
        part--;
        rest += sum;
      } else if (rest >= sum) {
        part++;
        rest -= sum;
      }
      scratchParts[i] = part;
      scratchRests[i] = rest;
      given += part;
    }
  }
  for (let left = total - given; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (scratchRests[i] < 0) continue;
      if (best < 0 || scratchRests[i] > scratchRests[best] || (scratchRests[i] === scratchRests[best] && keyOf(keys, i) < keyOf(keys, best))) best = i;
    }
    scratchParts[best]++;
    scratchRests[best] = -1;
  }
}

const keyOf = (keys: readonly number[], i: number) => (i < keys.length ? keys[i] : REST_KEY);

/** allocateAmount on numbers; writes into `out` (cleared first). */
export function allocateFast(amount: number, shares: CompiledShares | null, fallback: CompiledShares, out: PartsBuffer): void {
  out.count = 0;
  const negative = amount < 0;
  const whole = negative ? -amount : amount;
  // Totals of shares past 2^53 (fixed amounts of a huge size) are not exact numbers: BigInt throughout.
  if (!Number.isSafeInteger(fallback.percentTotal) || (shares && !Number.isSafeInteger(shares.fixedTotal))) {
    const big = allocateAmount(BigInt(amount), shares ? shares.big : null, fallback.big);
    for (const part of big.parts) out.add(part.payeeId, Number(part.micros));
    out.unallocated = Number(big.unallocated);
    sortParts(out);
    return;
  }
  let unclaimed = whole;
  if (shares && shares.payeeIds.length > 0) {
    if (shares.fixedTotal > 0) {
      if (shares.fixedTotal <= whole) {
        for (let i = 0; i < shares.fixedIds.length; i++) out.add(shares.fixedIds[i], shares.fixedAmounts[i]);
        unclaimed -= shares.fixedTotal;
      } else {
        split(whole, shares.fixedAmounts, shares.fixedIds, shares.fixedTotal, -1);
        for (let i = 0; i < shares.fixedIds.length; i++) out.add(shares.fixedIds[i], scratchParts[i]);
        unclaimed = 0;
      }
    }
    if (unclaimed > 0 && shares.percentTotal > 0) {
      split(unclaimed, shares.weights, shares.payeeIds, WHOLE, WHOLE - shares.percentTotal);
      for (let i = 0; i < shares.payeeIds.length; i++) out.add(shares.payeeIds[i], scratchParts[i]);
      unclaimed = scratchParts[shares.payeeIds.length];
    }
  }
  let unallocated = unclaimed;
  if (unclaimed > 0 && fallback.percentTotal > 0) {
    const rest = fallback.percentTotal < WHOLE ? WHOLE - fallback.percentTotal : 0;
    split(unclaimed, fallback.weights, fallback.payeeIds, fallback.percentTotal + rest, rest);
    for (let i = 0; i < fallback.payeeIds.length; i++) out.add(fallback.payeeIds[i], scratchParts[i]);
    unallocated = scratchParts[fallback.payeeIds.length];
  }
  sortParts(out);
  if (negative) for (let i = 0; i < out.count; i++) out.micros[i] = -out.micros[i];
  out.unallocated = negative && unallocated !== 0 ? -unallocated : unallocated;
}

/** Ascending payee id (a handful of parts: insertion sort). */
function sortParts(out: PartsBuffer): void {
  for (let i = 1; i < out.count; i++) {
    const id = out.payeeIds[i];
    const micros = out.micros[i];
    let j = i - 1;
    while (j >= 0 && out.payeeIds[j] > id) {
      out.payeeIds[j + 1] = out.payeeIds[j];
      out.micros[j + 1] = out.micros[j];
      j--;
    }
    out.payeeIds[j + 1] = id;
    out.micros[j + 1] = micros;
  }
}

/**
 * reverseAllocation (allocate.ts) on numbers: a refund of `amount` shares out in proportion
 * to its sale's parts (and unallocated rest) in `sale`, into `out`. A whole refund takes
 * each part back exactly, with no arithmetic; a partial one is a largest-remainder split.
 * The weights add up to the sale's amount, a safe integer.
 */
export function reverseFast(amount: number, sale: PartsBuffer, out: PartsBuffer): void {
  out.count = 0;
  let sum = sale.unallocated < 0 ? -sale.unallocated : sale.unallocated;
  for (let i = 0; i < sale.count; i++) sum += sale.micros[i] < 0 ? -sale.micros[i] : sale.micros[i];
  if (sum === 0) {
    out.unallocated = amount;
    return;
  }
  const whole = amount < 0 ? -amount : amount;
  if (whole === sum) {
    // Every part is exactly its weight with the refund's sign: floor(sum x w / sum) = w, nothing left over.
    const sign = amount < 0 ? -1 : 1;
    for (let i = 0; i < sale.count; i++) out.add(sale.payeeIds[i], sign * (sale.micros[i] < 0 ? -sale.micros[i] : sale.micros[i]));
    out.unallocated = sign * (sale.unallocated < 0 ? -sale.unallocated : sale.unallocated);
    if (out.unallocated === 0) out.unallocated = 0;
    return;
  }
  // Exactly `count` long: split() gives the position past the weights the rest's tie key.
  scratchWeights.length = sale.count;
  scratchKeys.length = sale.count;
  for (let i = 0; i < sale.count; i++) {
    scratchWeights[i] = sale.micros[i] < 0 ? -sale.micros[i] : sale.micros[i];
    scratchKeys[i] = sale.payeeIds[i];
  }
  split(whole, scratchWeights, scratchKeys, sum, sale.unallocated < 0 ? -sale.unallocated : sale.unallocated);
  const negative = amount < 0;
  // The sale's parts are in ascending payee id already.
  for (let i = 0; i < sale.count; i++) out.add(sale.payeeIds[i], negative ? -scratchParts[i] : scratchParts[i]);
  const rest = scratchParts[sale.count];
  out.unallocated = negative && rest !== 0 ? -rest : rest;
}

const scratchWeights: number[] = [];
const scratchKeys: number[] = [];
