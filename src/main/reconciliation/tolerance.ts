// How far a final amount may be from its estimate and still reconcile without review.
// Everything is integer micro-units (percent too: 1.5 % is 1_500_000), compared as BigInt.

export interface Tolerance {
  /** Largest absolute difference, micro-units of the record's currency (>= 0). */
  micros: bigint;
  /** Largest difference as a percent of the estimate, in micro-percent (>= 0). */
  percentMicros: bigint;
}

const PERCENT_MICROS_PER_WHOLE = 100n * 1_000_000n;

const abs = (n: bigint) => (n < 0n ? -n : n);

/**
 * Within tolerance: at most the absolute limit AND at most the percent of the estimate.
 * Both limits are inclusive (exactly at the tolerance reconciles). A zero estimate has no
 * percent to speak of, so only a zero difference is within it.
 */
export function withinTolerance(adjustment: bigint, consumed: bigint, tolerance: Tolerance): boolean {
  const difference = abs(adjustment);
  if (difference > tolerance.micros) return false;
  // |adj| / |consumed| * 100 <= percent  <=>  |adj| * 100_000_000 <= percentMicros * |consumed|
  return difference * PERCENT_MICROS_PER_WHOLE <= tolerance.percentMicros * abs(consumed);
}

/**
 * adjustment / consumed x 100 as a decimal string with two decimals, rounded half away
 * from zero; null when there is no estimate to compare with.
 */
export function percentDifference(adjustment: bigint, consumed: bigint): string | null {
  if (consumed === 0n) return null;
  // hundredths of a percent: adj * 10_000 / consumed
  const numerator = abs(adjustment) * 10_000n;
  const denominator = abs(consumed);
  const hundredths = (2n * numerator + denominator) / (2n * denominator);
  const negative = hundredths !== 0n && adjustment < 0n !== consumed < 0n;
  const whole = hundredths / 100n;
  const fraction = (hundredths % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
