import { isKnownCurrency } from '../../../shared/currency';
import { microsToDecimal } from '../../../shared/money';
import { invalidInput } from '../../api/failure';
import type { ReportColumn, ReportParameter } from '../report-definition';

/** A sum read with safeIntegers (bigint) or a plain integer, as the report's decimal string. */
export function money(micros: bigint | number | null): string {
  return microsToDecimal(micros ?? 0n);
}

export function count(value: bigint | number | null): number {
  return Number(value ?? 0);
}

/** The optional currency filter every money report takes. */
export const CURRENCY_PARAMETER: ReportParameter = {
  name: 'currency',
  type: 'string',
  description: 'Only rows in this ISO 4217 currency (all currencies when left out).',
  required: false,
  default: null,
};

/** The currency column each row of a money report has. */
export const CURRENCY_COLUMN: ReportColumn = { name: 'currency', type: 'string', description: 'ISO 4217 currency of the amounts.' };

/** A money column in the row's currency (CURRENCY_COLUMN). */
export function moneyColumn(name: string, description: string): ReportColumn {
  return { name, type: 'money', description, currency_column: 'currency' };
}

/** The currency filter's value, or null for all; a code that is not ISO 4217 is a 400 naming it. */
export function currencyFilter(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !isKnownCurrency(value)) {
    throw invalidInput([{ field: 'params.currency', message: `${JSON.stringify(value)} is not an ISO 4217 currency code (such as USD, in capitals)` }]);
  }
  return value;
}
