import type { CurrencyAmount } from '../../../shared/contract/imports';
import { minorUnitsOf } from '../../../shared/currency';
import { MONEY_PATTERN, MONEY_SCALE } from '../../../shared/money';
import { ROUNDED_MARK, roundDecimal } from '../../format/money-format';

// A batch's control totals, one per currency, as "EUR 9.99 · JPY 1,500 · USD 1,210.00": the
// code first (a symbol such as $ names several currencies), the amount in the currency's minor
// unit unless exact amounts are asked for (rounded on the digits and marked, as everywhere).

export const TOTALS_SEPARATOR = ' · ';

export interface CurrencyTotalText {
  currency: string;
  /** "USD 1,210.00", "USD 0.13 ≈". */
  text: string;
  exact: string;
  /** The exact amount, when the text rounds it. */
  note: string | null;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${minDigits}|${maxDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(undefined, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formatters.set(key, formatter);
  }
  return formatter;
}

function decimals(amount: string): number {
  const point = amount.indexOf('.');
  if (point < 0) return 0;
  let end = amount.length;
  while (end > point + 1 && amount.charCodeAt(end - 1) === 48) end--;
  return end - point - 1;
}

export function describeCurrencyTotal({ currency, amount }: CurrencyAmount, exact = false): CurrencyTotalText {
  if (!MONEY_PATTERN.test(amount)) return { currency, text: `${currency} ${amount}`, exact: amount, note: null };
  const minor = minorUnitsOf(currency);
  if (minor === null || exact || decimals(amount) <= minor) {
    const min = minor ?? 2;
    const text = numberFormat(min, Math.max(min, MONEY_SCALE)).format(amount as `${number}`);
    return { currency, text: `${currency} ${text}`, exact: amount, note: null };
  }
  const text = numberFormat(minor, minor).format(roundDecimal(amount, minor) as `${number}`);
  return { currency, text: `${currency} ${text} ${ROUNDED_MARK}`, exact: amount, note: `Exact amount: ${currency} ${numberFormat(minor, MONEY_SCALE).format(amount as `${number}`)}` };
}

/** "EUR 9.99 · JPY 1,500 · USD 1,210.00"; '' for no totals. */
export function formatCurrencyTotals(totals: readonly CurrencyAmount[] | null | undefined, exact = false): string {
  return (totals ?? []).map((t) => describeCurrencyTotal(t, exact).text).join(TOTALS_SEPARATOR);
}
