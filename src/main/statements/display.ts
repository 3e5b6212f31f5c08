import { minorUnitsOf } from '../../shared/currency';
import { MICROS_PER_UNIT } from '../../shared/money';

// Seed 004 sends display strings ("$120.00", "$12/seat/month", "450 MB"); the exact values
// travel beside them in `amounts`. Built from integers and strings only (no float):
// - a cost shows the currency's minor digits ("$120.00", "¥1,200");
// - a price shows no decimals when whole ("$12"), else at least the minor digits and as
//   many more as it has ("$0.50", "$0.0025");
// - digits are grouped in thousands with commas; a negative amount never occurs here.

const symbols = new Map<string, string>();

export function currencySymbol(code: string): string {
  let symbol = symbols.get(code);
  if (symbol === undefined) {
    symbol = `${code} `;
    if (minorUnitsOf(code) !== null) {
      const part = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency');
      if (part) symbol = part.value;
    }
    symbols.set(code, symbol);
  }
  return symbol;
}

export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function split(micros: number | bigint): { whole: string; fraction: string } {
  const value = BigInt(micros);
  const abs = value < 0n ? -value : value;
  return { whole: (value < 0n ? '-' : '') + groupThousands((abs / MICROS_PER_UNIT).toString()), fraction: (abs % MICROS_PER_UNIT).toString().padStart(6, '0') };
}

export function formatCost(micros: number | bigint, currency: string): string {
  const digits = minorUnitsOf(currency) ?? 2;
  const { whole, fraction } = split(micros);
  return currencySymbol(currency) + whole + (digits > 0 ? '.' + fraction.slice(0, digits) : '');
}

export function formatPrice(micros: number | bigint, currency: string): string {
  const digits = minorUnitsOf(currency) ?? 2;
  const { whole, fraction } = split(micros);
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed === '') return currencySymbol(currency) + whole;
  return currencySymbol(currency) + whole + '.' + trimmed.padEnd(digits, '0');
}

export function formatMegabytes(mb: number): string {
  return `${groupThousands(String(mb))} MB`;
}
