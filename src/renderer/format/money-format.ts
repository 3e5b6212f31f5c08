import { minorUnitsOf } from '../../shared/currency';
import { MONEY_PATTERN, MONEY_SCALE, type MoneyString } from '../../shared/money';

// Amounts arrive as exact decimal strings with up to six decimals. An accountant reads them
// in the currency's minor unit ($0.13, ¥1,501), so that is how they are shown; an amount
// with more digits than that (sub-cent metered usage) is rounded for display and marked,
// and its exact value stays in the tooltip, the copy and the export. The rounding is done
// on the digits (BigInt), and Intl.NumberFormat formats the decimal *string* it is given
// exactly: no float ever holds an amount.

/** The mark after an amount rounded for display. */
export const ROUNDED_MARK = '≈';

export interface MoneyFormatOptions {
  /** Show every stored digit instead of rounding to the currency's minor unit. */
  exact?: boolean;
  /** A BCP 47 locale; the user's by default. */
  locale?: string;
}

export interface FormattedMoney {
  /** What is shown, without the mark: "$0.13", "12.50 USX". */
  text: string;
  /** The amount exactly as the API sent it. */
  exact: MoneyString;
  /** True when `text` is rounded and hides digits of `exact`: shown with ROUNDED_MARK. */
  rounded: boolean;
  /** False for a code the runtime does not know: the amount is shown exactly, with the code. */
  knownCurrency: boolean;
  /** For a tooltip: the exact amount and why the shown one differs; null when they are the same. */
  note: string | null;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string | undefined, currency: string | null, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency ?? ''}|${minDigits}|${maxDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      ...(currency ? { style: 'currency', currency } : {}),
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Decimals a canonical amount carries, not counting trailing zeros ("12.50" -> 1, "3.00" -> 0). */
function significantDecimals(amount: string): number {
  const point = amount.indexOf('.');
  if (point < 0) return 0;
  let end = amount.length;
  while (end > point + 1 && amount.charCodeAt(end - 1) === 48) end--;
  return end - point - 1;
}

/**
 * Round a canonical decimal string to `digits` decimals, half away from zero, on its digits
 * (never a float): "0.125", 2 -> "0.13"; "-0.125", 2 -> "-0.13"; "1500.5", 0 -> "1501".
 * A result of zero carries no minus sign ("-0.001", 2 -> "0.00").
 */
export function roundDecimal(amount: string, digits: number): string {
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const roundUp = fraction.length > digits && fraction.charCodeAt(digits) >= 53; // '5'
  const magnitude = BigInt(whole + kept) + (roundUp ? 1n : 0n);
  const text = magnitude.toString().padStart(digits + 1, '0');
  const result = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative && magnitude !== 0n ? `-${result}` : result;
}

/**
 * How an amount is shown: in its currency's minor unit, rounded and marked when it holds
 * more digits (unless `exact`), exactly and with the code when the currency is unknown.
 * Text that is not a canonical amount is shown as it came.
 */
export function describeMoney(amount: MoneyString, currency: string, options: MoneyFormatOptions = {}): FormattedMoney {
  const { exact = false, locale } = options;
  if (!MONEY_PATTERN.test(amount)) return { text: amount, exact: amount, rounded: false, knownCurrency: true, note: null };
  const minorUnits = minorUnitsOf(currency);
  if (minorUnits === null) {
    const text = `${formatterFor(locale, null, 2, MONEY_SCALE).format(amount as `${number}`)} ${currency}`;
    // Also the case for rare codes (CLF, XAU) where the runtime's ICU data is trimmed, as in
    // Chromium and Electron: nothing is rounded without a known minor unit.
    const note = `The smallest unit of ${currency || 'this currency'} is not known here, so the amount is shown exactly, with its code.`;
    return { text, exact: amount, rounded: false, knownCurrency: false, note };
  }
  const exactFormatter = formatterFor(locale, currency, minorUnits, Math.max(minorUnits, MONEY_SCALE));
  if (exact || significantDecimals(amount) <= minorUnits) {
    return { text: exactFormatter.format(amount as `${number}`), exact: amount, rounded: false, knownCurrency: true, note: null };
  }
  // Rounded on the digits first, so Intl has nothing left to round.
  const text = formatterFor(locale, currency, minorUnits, minorUnits).format(roundDecimal(amount, minorUnits) as `${number}`);
  const unit = minorUnits === 0 ? `whole ${currency}` : `${minorUnits} ${minorUnits === 1 ? 'decimal' : 'decimals'}`;
  const note = `Exact amount: ${exactFormatter.format(amount as `${number}`)}. Shown rounded to ${unit} (${ROUNDED_MARK}), the smallest unit of ${currency}.`;
  return { text, exact: amount, rounded: true, knownCurrency: true, note };
}

/**
 * "-1234.5" + "EUR" -> "-€1,234.50" (in the user's locale); "0.125" + "USD" -> "$0.13 ≈".
 * For plain text; the screens use MoneyAmount, which also gives the exact value a tooltip.
 */
export function formatMoney(amount: MoneyString, currency: string, options: MoneyFormatOptions = {}): string {
  const shown = describeMoney(amount, currency, options);
  return shown.rounded ? `${shown.text} ${ROUNDED_MARK}` : shown.text;
}

/**
 * An amount with no currency (import batches sum across currencies), shown exactly:
 * with no minor unit to round to, every stored digit is kept.
 */
export function formatDecimal(amount: MoneyString, locale?: string): string {
  if (!MONEY_PATTERN.test(amount)) return amount;
  return formatterFor(locale, null, 2, MONEY_SCALE).format(amount as `${number}`);
}

export function isNegativeAmount(amount: MoneyString | null | undefined): boolean {
  return typeof amount === 'string' && amount.startsWith('-') && /[1-9]/.test(amount);
}
