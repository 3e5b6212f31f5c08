import { isKnownCurrency } from '../../shared/currency';
import { decimalToRowMicros, MoneyError } from '../../shared/money';

// Field readers for showback records: each returns the value or throws a RecordProblem that
// names the field, so one bad record fails alone with a message the caller can act on.

export class RecordProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecordProblem';
  }
}

export type Raw = Record<string, unknown>;

export function refuseUnknownFields(raw: Raw, known: readonly string[]): void {
  for (const name of Object.keys(raw)) {
    if (!known.includes(name)) throw new RecordProblem(name, `is not a field of this record (the fields are ${known.join(', ')})`);
  }
}

export function readText(raw: Raw, field: string, { required = true, max = 200 } = {}): string | undefined {
  const value = raw[field];
  if (value === undefined || value === null) {
    if (required) throw new RecordProblem(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') throw new RecordProblem(field, 'must be text');
  const text = value.trim();
  if (text === '') throw new RecordProblem(field, 'must not be empty');
  if (text.length > max) throw new RecordProblem(field, `must be at most ${max} characters`);
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new RecordProblem(field, 'must not contain control characters');
  return text;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day YYYY-MM-DD that exists (no 2026-02-30). */
export function readDay(raw: Raw, field: string): string {
  const text = readText(raw, field)!;
  const m = DAY.exec(text);
  if (!m) throw new RecordProblem(field, `"${text}" is not a day YYYY-MM-DD`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RecordProblem(field, `"${text}" is not a day of the calendar`);
  }
  return text;
}

/** A calendar month YYYY-MM (its first day YYYY-MM-01 means the same). */
export function readMonth(raw: Raw, field: string): string {
  const text = readText(raw, field)!;
  const m = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/.exec(text);
  if (!m || Number(m[1]) < 1900) throw new RecordProblem(field, `"${text}" is not a calendar month YYYY-MM`);
  return `${m[1]}-${m[2]}`;
}

/** A non-negative amount as a decimal string ("12.50"), in micro-units; `fallback` when absent. */
export function readAmount(raw: Raw, field: string, fallback?: number): number {
  const value = raw[field];
  if (value === undefined || value === null) {
    if (fallback === undefined) throw new RecordProblem(field, 'is required');
    return fallback;
  }
  if (typeof value !== 'string') throw new RecordProblem(field, 'must be a decimal string such as "12.50" (a JSON number could have been rounded)');
  let micros: bigint;
  try {
    micros = decimalToRowMicros(value.trim());
  } catch (error) {
    if (error instanceof MoneyError) throw new RecordProblem(field, error.message);
    throw error;
  }
  if (micros < 0n) throw new RecordProblem(field, `must not be negative (${value})`);
  return Number(micros);
}

/** An ISO 4217 code; `fallback` (the org's currency) when absent. */
export function readCurrency(raw: Raw, field: string, fallback: string): string {
  const text = readText(raw, field, { required: false, max: 3 });
  if (text === undefined) return fallback;
  if (!/^[A-Z]{3}$/.test(text) || !isKnownCurrency(text) || text === 'XXX' || text === 'XTS') {
    throw new RecordProblem(field, `"${text}" is not an ISO 4217 currency code (such as USD or EUR, in capitals)`);
  }
  return text;
}

export function readChoice<T extends string>(raw: Raw, field: string, choices: readonly T[], fallback: T): T {
  const value = raw[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new RecordProblem(field, `must be one of ${choices.join(', ')}`);
  }
  return value as T;
}
