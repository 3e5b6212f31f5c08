// Percentages (rule splits, payees' fallbacks) cross the API as decimal strings with at
// most 4 decimals ("33.3333"). For splitting they become whole numbers of 1/10,000 of a
// percent, so 100% is 1,000,000 and a split's weights are exact integers.

export const PERCENT_SCALE = 4;
/** 100% in weight units. */
export const WHOLE_PERCENT_WEIGHT = 1_000_000n;

/** "12.5" -> 125000n; null when the text is not a plain non-negative decimal with at most 4 decimals. */
export function percentageToWeight(text: string): bigint | null {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) return null;
  return BigInt(match[1]) * 10_000n + BigInt((match[2] ?? '').padEnd(PERCENT_SCALE, '0'));
}

/** 125000n -> "12.5": the canonical text (no trailing zeros, no trailing point). */
export function weightToPercentage(weight: bigint): string {
  const whole = weight / 10_000n;
  const fraction = (weight % 10_000n).toString().padStart(PERCENT_SCALE, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
