// Money crosses the API as a decimal string in major units ("1234.56", "-0.125").
// In the workspace it is an integer count of micro-units (MONEY_SCALE decimals), so SQL
// sums stay exact. Conversions here are pure string/BigInt arithmetic: no float ever
// holds an amount.

/** Decimal places stored for every amount. 6 keeps sub-cent unit prices exact. */
export const MONEY_SCALE = 6;
export const MICROS_PER_UNIT = 1_000_000n;
/**
 * Largest absolute amount one row may hold, in micro-units. Keeping each row within
 * Number.MAX_SAFE_INTEGER lets rows be read as exact JS integers; sums use BigInt.
 */
export const MAX_ROW_MICROS = BigInt(Number.MAX_SAFE_INTEGER);

/** A canonical money string: optional minus, digits, optional fraction of 1..6 digits. */
export const MONEY_PATTERN = /^-?(0|[1-9]\d*)(\.\d{1,6})?$/;

export type MoneyString = string;

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

/**
 * Strictly parse a plain decimal string ("-12.5", "0.000001") into micro-units.
 * Rejects exponents, separators, signs other than a leading minus, and more than
 * MONEY_SCALE decimals (which could not be stored exactly).
 */
export function decimalToMicros(text: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyError(`"${text}" is not a plain decimal number`);
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > MONEY_SCALE) {
    throw new MoneyError(`"${text}" has ${fraction.length} decimals; at most ${MONEY_SCALE} can be stored exactly`);
  }
  const micros = BigInt(whole) * MICROS_PER_UNIT + BigInt(fraction.padEnd(MONEY_SCALE, '0'));
  return minus ? -micros : micros;
}

/** Parse and check the per-row limit. */
export function decimalToRowMicros(text: string): bigint {
  const micros = decimalToMicros(text);
  if (micros > MAX_ROW_MICROS || micros < -MAX_ROW_MICROS) {
    throw new MoneyError(`"${text}" is larger than the largest amount a row can hold (${microsToDecimal(MAX_ROW_MICROS)})`);
  }
  return micros;
}

/**
 * Micro-units to the canonical wire string: trailing zeros trimmed but at least two
 * decimals ("12.50", "0.125", "-3.00"). Accepts a bigint or a safe integer number.
 */
export function microsToDecimal(micros: bigint | number): MoneyString {
  if (typeof micros === 'number') {
    if (!Number.isSafeInteger(micros)) throw new MoneyError(`${micros} is not an exact integer amount`);
    return safeMicrosToDecimal(micros);
  }
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / MICROS_PER_UNIT;
  const fraction = (abs % MICROS_PER_UNIT).toString().padStart(MONEY_SCALE, '0');
  return (negative ? '-' : '') + whole.toString() + '.' + trimFraction(fraction);
}

// Fast path for rows (always safe integers): % and exact division keep it exact.
function safeMicrosToDecimal(micros: number): string {
  const negative = micros < 0;
  const abs = negative ? -micros : micros;
  const rest = abs % 1_000_000;
  const whole = (abs - rest) / 1_000_000;
  const fraction = trimFraction(String(rest).padStart(MONEY_SCALE, '0'));
  return (negative ? '-' : '') + String(whole) + '.' + fraction;
}

function trimFraction(fraction: string): string {
  let end = fraction.length;
  while (end > 2 && fraction.charCodeAt(end - 1) === 48) end--;
  return fraction.slice(0, end);
}

/** Sum of canonical money strings, exactly. */
export function sumMoney(values: readonly MoneyString[]): MoneyString {
  let total = 0n;
  for (const value of values) total += decimalToMicros(value);
  return microsToDecimal(total);
}
