import type { DateFormat } from '../../../shared/contract/file-format';
import { isYearInRange, parseDate } from '../parse';
import { readFailure, type ReadFailure } from './read-failure';

type SlashedFormat = 'MM/DD/YYYY' | 'DD/MM/YYYY';

const SLASHED = /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/;
const OTHER: Record<SlashedFormat, SlashedFormat> = { 'MM/DD/YYYY': 'DD/MM/YYYY', 'DD/MM/YYYY': 'MM/DD/YYYY' };

// 'YYYY-MM-DDTHH:MM:SSZ', what most exports write: checked in place, as parseDate's own fast
// path does but without a result object per cell (a million of them cost a visible GC share).
const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** A canonical UTC date-time every date-time format reads as itself; anything off goes the long way, for its message. */
function isCanonicalUtc(text: string): boolean {
  if (!CANONICAL_UTC.test(text)) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (!isYearInRange(year) || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return false;
  return digits(text, 11, 2) <= 23 && digits(text, 14, 2) <= 59 && digits(text, 17, 2) <= 59;
}

function isSlashed(format: DateFormat): format is SlashedFormat {
  return format === 'MM/DD/YYYY' || format === 'DD/MM/YYYY';
}

/**
 * Reads every date cell of one file. With a fixed date format, strictly in it. With
 * 'auto', each value in the one format that reads it; only month/day order can make two
 * formats disagree (03/04/2026), so the first value only one order reads (13/04/2026)
 * decides the order for the whole file, and a disagreeing value before that is never
 * read: it comes back as an ambiguity to ask about.
 */
export class DateReader {
  readonly fixed: DateFormat | null;
  /** The month/day order in force once a value decided it. */
  order: SlashedFormat | null = null;
  readonly evidence: Partial<Record<SlashedFormat, { text: string; column: string }>> = {};
  readonly ambiguous: Array<{ column: string; text: string; readings: Array<{ format: DateFormat; value: string }> }> = [];
  // The format that read the last value: tried first, as a file keeps to one format.
  private last: DateFormat | null = null;

  private readonly readsDateTimes: boolean;

  constructor(format: DateFormat | 'auto') {
    this.fixed = format === 'auto' ? null : format;
    this.readsDateTimes = format === 'auto' || format === 'ISO' || format === 'YYYY-MM-DD hh:mm:ss';
  }

  get conflicting(): boolean {
    return this.evidence['MM/DD/YYYY'] !== undefined && this.evidence['DD/MM/YYYY'] !== undefined;
  }

  /** A sample value, read only to learn the order. */
  observe(text: string, column: string): void {
    if (!this.fixed && text.trim() !== '') this.read(text, column);
  }

  /** The value as 'YYYY-MM-DD' or a UTC 'YYYY-MM-DDTHH:MM:SSZ', or why not. */
  read(text: string, column: string): string | ReadFailure {
    if (text.length === 20 && this.readsDateTimes && isCanonicalUtc(text)) return text;
    if (this.fixed) {
      const result = parseDate(text, this.fixed);
      return result.ok ? result.value : readFailure(`${column}: ${result.message}`);
    }
    if (SLASHED.test(text)) return this.readSlashed(text, column);
    if (this.last !== null) {
      // Outside month/day order no two formats read a text differently, so the first that reads it is the reading.
      const again = parseDate(text, this.last);
      if (again.ok) return again.value;
    }
    const result = parseDate(text, 'auto');
    if (result.ok) {
      // Not unix: 'auto' reads a short number as no date at all, and so must a later one.
      if (result.format !== 'unix') this.last = result.format;
      return result.value;
    }
    return readFailure(`${column}: ${result.message}`);
  }

  private readSlashed(text: string, column: string): string | ReadFailure {
    if (this.order) {
      const result = parseDate(text, this.order);
      if (result.ok) return result.value;
      const other = OTHER[this.order];
      if (!parseDate(text, other).ok) return readFailure(`${column}: ${result.message}`);
      this.evidence[other] ??= { text, column };
      const seen = this.evidence[this.order];
      return readFailure(
        `${column}: ${JSON.stringify(text.trim())} reads only as ${other}, but this file's dates are ${this.order}${seen ? ` (${JSON.stringify(seen.text)} in ${column})` : ''}.`,
      );
    }
    const result = parseDate(text, 'auto');
    if (result.ok) {
      // Read alike both ways (04/04/2026) decides nothing; read one way only decides the order.
      if (isSlashed(result.format) && !parseDate(text, OTHER[result.format]).ok) {
        this.evidence[result.format] ??= { text: text.trim(), column };
        this.order = result.format;
      }
      return result.value;
    }
    if (!result.ambiguous) return readFailure(`${column}: ${result.message}`);
    if (this.ambiguous.length < 5) this.ambiguous.push({ column, text: text.trim(), readings: result.readings });
    return readFailure(`${column}: ${result.message}`, {
      kind: 'date_format',
      column,
      text: text.trim(),
      readings: result.readings.map((r) => ({ value: r.format, reading: r.value })),
    });
  }
}
