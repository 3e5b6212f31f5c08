// Splitting an amount by weights (payout shares, rows per org) with the largest-remainder
// method: every part is a whole number of the smallest unit, the parts always add up to the
// whole, and splitting a negative amount gives exactly the negated parts, so a refund
// reverses what its sale paid out to the last micro-unit.

/**
 * `total` split in proportion to `weights` (whole numbers, at least one above 0): each part
 * is floor(total x weight / sum); the units left over go one each to the largest
 * remainders. Equal remainders go by `tieKeys` ascending (a payee's id: the order a list
 * happens to have never changes a share), else by position. Parts come back in the order
 * of `weights`.
 */
export function splitByWeights(total: bigint, weights: readonly bigint[], tieKeys?: ReadonlyArray<string | number>): bigint[] {
  if (weights.some((w) => w < 0n)) throw new RangeError('weights must not be negative');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum <= 0n) throw new RangeError('weights must add up to more than 0');
  if (tieKeys && tieKeys.length !== weights.length) throw new RangeError('tieKeys must have one key per weight');
  if (total < 0n) return splitByWeights(-total, weights, tieKeys).map((part) => -part);
  const exact = weights.map((w) => total * w);
  const parts = exact.map((e) => e / sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, rest: e % sum }))
    .sort((a, b) => (a.rest !== b.rest ? (a.rest > b.rest ? -1 : 1) : compareKeys(a.i, b.i, tieKeys)));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}

function compareKeys(a: number, b: number, keys?: ReadonlyArray<string | number>): number {
  if (!keys) return a - b;
  const x = keys[a];
  const y = keys[b];
  if (x === y) return a - b;
  return x < y ? -1 : 1;
}
