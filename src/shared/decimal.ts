import DecimalBase from 'decimal.js';

/**
 * The one decimal.js configuration of the app. 40 significant digits hold any product of a
 * stored amount (at most 16 digits in micro-units) with a count and a day fraction exactly,
 * or (for a division by a cycle's length) far past any rounding boundary. Half-up is the
 * rounding of money shown to a customer: a half minor unit goes up ("0.125" -> "0.13").
 * Always round with an explicit mode anyway (roundToMinorUnits), so reading the code says how.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

/** Round to a currency's minor unit (2 for USD, 0 for JPY, 3 for BHD), half-up: away from zero at exactly half. */
export function roundToMinorUnits(value: Decimal, minorUnits: number): Decimal {
  return value.toDecimalPlaces(minorUnits, Decimal.ROUND_HALF_UP);
}
