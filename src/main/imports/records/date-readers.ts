import { isYearInRange, yearOutOfRange } from '../parse/date-bounds';
import { DEFAULT_TIME_ZONE } from '../../../shared/time-zone';
import { wallTimeToInstant } from '../../time/zoned-time';
import { problem } from './field-problem';
import { readText, type RawRecord } from './field-readers';

// Dates arrive as ISO dates or date-times; the workspace stores instants in UTC as
// 'YYYY-MM-DDTHH:MM:SSZ' (milliseconds only when not zero), so the stored text sorts
// in time order. A date or a time without a zone is read on the org's clock: a date is
// the instant its day starts there.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS[month - 1];
}

const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const DATE_ONLY = /^\d{4}-\d\d-\d\d$/;

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

function validDay(year: number, month: number, day: number): boolean {
  return isYearInRange(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/**
 * The canonical UTC instant of an ISO date or date-time, or null when it is not one.
 * Text already in canonical form (what exports and other imports write) comes back as
 * is, without building new strings: the file import calls this a million times.
 */
export function canonicalInstant(text: string, zone: string = DEFAULT_TIME_ZONE): string | null {
  if (text.length === 20 && CANONICAL.test(text)) {
    const ok = validDay(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)) && digits(text, 11, 2) <= 23 && digits(text, 14, 2) <= 59 && digits(text, 17, 2) <= 59;
    return ok ? text : null;
  }
  if (text.length === 10 && DATE_ONLY.test(text) && zone === DEFAULT_TIME_ZONE) {
    return validDay(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)) ? text + 'T00:00:00Z' : null;
  }
  const m = INSTANT.exec(text);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  const offset = m[8];
  if (offset === undefined && zone !== DEFAULT_TIME_ZONE) {
    // Whole seconds: a zone-less time on a local clock carries no fraction worth keeping.
    return wallTimeToInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour, minute, second }, zone);
  }
  if (m[4] === undefined) return `${date}T00:00:00Z`;
  if (offset === undefined || offset === 'Z') {
    return `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${millis ? '.' + m[7]!.padEnd(3, '0') : ''}Z`;
  }
  const offsetMinutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2));
  if (offsetMinutes > 18 * 60) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute, second, millis) - (offset[0] === '-' ? -1 : 1) * offsetMinutes * 60_000;
  const iso = new Date(utc).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, 19) + 'Z' : iso;
}

/** Why a text is not an instant (for the row's error message). */
function instantProblem(text: string): string {
  const m = INSTANT.exec(text);
  if (!m) return `"${text}" is not an ISO date (2024-03-31) or date-time (2024-03-31T14:05:00Z)`;
  const year = Number(m[1]);
  // The same window as a file's date cells (parse/date-bounds).
  if (!isYearInRange(year)) return `"${text}": ${yearOutOfRange(m[1])}`;
  if (!validDay(year, Number(m[2]), Number(m[3]))) return `"${text}" is not a day of the calendar`;
  return `"${text}" has a time of day or zone offset out of range`;
}

/** `zone`: the clock a date or a zone-less time is read on (the org's). */
export function readInstant(raw: RawRecord, field: string, zone: string = DEFAULT_TIME_ZONE): string | null | undefined {
  const text = readText(raw, field, 40);
  if (text === undefined || text === null) return text;
  const value = canonicalInstant(text, zone);
  if (value === null) throw problem(field, instantProblem(text));
  return value;
}

/** A stored instant in canonical form, to compare with incoming values; unparseable text stays as is. */
export function storedInstant(text: string): string {
  return canonicalInstant(text) ?? text;
}

/** A billing month: "YYYY-MM" or its first day "YYYY-MM-01", stored as "YYYY-MM-01". */
export function readMonthStart(raw: RawRecord, field: string): string | null | undefined {
  const text = readText(raw, field, 10);
  if (text === undefined || text === null) return text;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  const year = m ? Number(m[1]) : 0;
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw problem(field, `"${text}" is not a billing month (YYYY-MM or YYYY-MM-01)`);
  if (!isYearInRange(year)) throw problem(field, `"${text}": ${yearOutOfRange(m[1])}`);
  if (m[3] !== undefined && m[3] !== '01') throw problem(field, `"${text}" is not the first day of a month: a billing period is named by its first day`);
  return `${m[1]}-${m[2]}-01`;
}
