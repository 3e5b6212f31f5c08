import { MONEY_PATTERN, type MoneyString } from '../../shared/money';

// Amounts arrive as exact decimal strings. Intl.NumberFormat formats a decimal *string*
// exactly (no trip through a float), so "9007199254.740991" keeps every digit.

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat | null {
  let formatter = formatters.get(currency);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        minimumFractionDigits: 2,
        // The workspace stores six decimals; show sub-cent amounts rather than round them.
        maximumFractionDigits: 6,
      });
    } catch {
      return null; // not a currency code Intl knows
    }
    formatters.set(currency, formatter);
  }
  return formatter;
}

const plainDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 6 });

/** "-1234.5" + "EUR" -> "-€1,234.50" (in the user's locale). Unexpected text is shown as is. */
export function formatMoney(amount: MoneyString, currency: string): string {
  if (!MONEY_PATTERN.test(amount)) return amount;
  const exact = amount as `${number}`;
  const formatter = formatterFor(currency);
  return formatter ? formatter.format(exact) : `${plainDecimal.format(exact)} ${currency}`;
}

export function isNegativeAmount(amount: MoneyString | null | undefined): boolean {
  return typeof amount === 'string' && amount.startsWith('-') && /[1-9]/.test(amount);
}
