import { isExists } from 'date-fns';
import { DATE_FORMATS, type DateFormat } from '../../../shared/contract/file-format';
import { isYearInRange, MAX_YEAR, MIN_YEAR, yearOutOfRange } from './date-bounds';

export type DateResult =
  | {
      ok: true;
      /**
       * 'YYYY-MM-DD' for a date, 'YYYY-MM-DDTHH:MM:SSZ' (UTC) for a date-time with a zone,
       * 'YYYY-MM-DDTHH:MM:SS' (no Z) for a wall-clock time without one: the records layer
       * reads that on the org's clock.
       */
      value: string;
      kind: 'date' | 'datetime';
      /** The format that read it (with 'auto', the first of those that agree). */
      format: DateFormat;
    }
  | { ok: false; ambiguous: false; message: string }
  | { ok: false; ambiguous: true; message: string; readings: Array<{ format: DateFormat; value: string }> };

// The last second of MAX_YEAR (see date-bounds for why dates have a window).
const MAX_UNIX_SECONDS = Date.UTC(MAX_YEAR + 1, 0, 1) / 1000 - 1;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
// Date, T or space, time with optional fraction, optional zone: Z, UTC, +hh:mm, +hhmm, +hh.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i;
const UNIX = /^\d{1,10}$/;

// `fits`: the value has the format's shape, so its message says what is wrong inside it.
type Parsed = Extract<DateResult, { ok: true }> | { ok: false; message: string; fits: boolean };

/**
 * Read a date or date-time cell in the given format, strictly: the shape must match
 * exactly and the day must exist (2026-02-30 and month 13 are errors). With 'auto',
 * every format is tried; a value two formats read differently (03/04/2026) is ambiguous.
 */
export function parseDate(text: string, format: DateFormat | 'auto'): DateResult {
  const value = text.trim();
  if (value === '') return { ok: false, ambiguous: false, message: 'The date is empty.' };
  if (format !== 'auto') {
    const parsed = parseAs(value, format);
    return parsed.ok ? parsed : { ok: false, ambiguous: false, message: parsed.message };
  }
  const readings: Array<{ format: DateFormat; value: string; kind: 'date' | 'datetime' }> = [];
  let closest: string | null = null;
  for (const candidate of DATE_FORMATS) {
    // A short number is not a unix time worth guessing (20260304 is not 1970-08-23).
    if (candidate === 'unix' && value.length < 9) continue;
    const parsed = parseAs(value, candidate);
    if (parsed.ok) readings.push({ format: candidate, value: parsed.value, kind: parsed.kind });
    else if (parsed.fits) closest ??= parsed.message;
  }
  if (readings.length === 0) {
    return { ok: false, ambiguous: false, message: closest ?? `${JSON.stringify(value)} is not a date in any supported format.` };
  }
  const distinct = [...new Set(readings.map((r) => r.value))];
  if (distinct.length === 1) return { ok: true, value: readings[0].value, kind: readings[0].kind, format: readings[0].format };
  return {
    ok: false,
    ambiguous: true,
    message: `${JSON.stringify(value)} could be ${distinct.join(' or ')}; choose the date format.`,
    readings: readings.map(({ format: f, value: v }) => ({ format: f, value: v })),
  };
}

function parseAs(value: string, format: DateFormat): Parsed {
  let match: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD':
      match = YMD.exec(value);
      return match ? calendarDate(value, format, match[1], match[2], match[3]) : mismatch(value, format);
    case 'MM/DD/YYYY':
      match = SLASHED.exec(value);
      return match ? calendarDate(value, format, match[3], match[1], match[2]) : mismatch(value, format);
    case 'DD/MM/YYYY':
      match = SLASHED.exec(value);
      return match ? calendarDate(value, format, match[3], match[2], match[1]) : mismatch(value, format);
    case 'DD.MM.YYYY':
      match = DOTTED.exec(value);
      return match ? calendarDate(value, format, match[3], match[2], match[1]) : mismatch(value, format);
    case 'YYYY-MM-DD hh:mm:ss':
    case 'ISO':
      return dateTime(value, format);
    case 'unix':
      return unixSeconds(value);
  }
}

function mismatch(value: string, format: DateFormat): Parsed {
  return { ok: false, message: `${JSON.stringify(value)} is not a date in the format ${format}.`, fits: false };
}

function checkedDay(value: string, year: number, month: number, day: number): string | null {
  if (!isYearInRange(year)) return `${JSON.stringify(value)}: ${yearOutOfRange(year)}.`;
  if (month < 1 || month > 12) return `${JSON.stringify(value)}: there is no month ${month}.`;
  // date-fns checks the calendar (month lengths, leap years); every month has a day 28.
  if (day < 1 || (day > 28 && !isExists(year, month - 1, day))) return `${JSON.stringify(value)} is not a real date: the month has no day ${day}.`;
  return null;
}

function calendarDate(value: string, format: DateFormat, y: string, m: string, d: string): Parsed {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const error = checkedDay(value, year, month, day);
  if (error) return { ok: false, message: error, fits: true };
  // A YYYY-MM-DD value is already in the output form.
  const iso = format === 'YYYY-MM-DD' ? value : `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, value: iso, kind: 'date', format };
}

// What most exports write ('2026-03-04T17:05:11Z'): checked in place and returned as is.
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

function dateTime(value: string, format: 'YYYY-MM-DD hh:mm:ss' | 'ISO'): Parsed {
  if (value.length === 20 && CANONICAL_UTC.test(value)) {
    const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
    const dayError = checkedDay(value, year, twoDigits(value, 5), twoDigits(value, 8));
    if (dayError) return { ok: false, message: dayError, fits: true };
    if (twoDigits(value, 11) > 23 || twoDigits(value, 14) > 59 || twoDigits(value, 17) > 59) {
      return { ok: false, message: `${JSON.stringify(value)} is not a real time of day.`, fits: true };
    }
    return { ok: true, value, kind: 'datetime', format };
  }
  const match = DATE_TIME.exec(value);
  if (!match) return mismatch(value, format);
  const [, y, mo, d, h, mi, s, zone] = match;
  if (format === 'YYYY-MM-DD hh:mm:ss' && s === undefined) return mismatch(value, format);
  if (format === 'ISO' && zone === undefined) return { ok: false, message: `${JSON.stringify(value)} has no time zone (Z or an offset such as +00:00).`, fits: true };
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const dayError = checkedDay(value, year, month, day);
  if (dayError) return { ok: false, message: dayError, fits: true };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: `${JSON.stringify(value)} is not a real time of day.`, fits: true };
  if (zone === undefined) return { ok: true, value: `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}`, kind: 'datetime', format };
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return { ok: false, message: `${JSON.stringify(value)} has an impossible time zone offset.`, fits: true };
  if (offset === 0) return { ok: true, value: `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}Z`, kind: 'datetime', format };
  // Date.UTC only adds up fields already checked above; the offset moves it to UTC.
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  return { ok: true, value: isoSeconds(utc), kind: 'datetime', format };
}

function zoneOffsetMinutes(zone: string): number | null {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function unixSeconds(value: string): Parsed {
  if (/^\d{12,13}$/.test(value)) return { ok: false, message: `${JSON.stringify(value)} looks like milliseconds; unix time must be in seconds.`, fits: true };
  if (!UNIX.test(value)) return mismatch(value, 'unix');
  const seconds = Number(value);
  if (seconds > MAX_UNIX_SECONDS) return { ok: false, message: `${JSON.stringify(value)} is after ${MAX_YEAR}: dates must fall in ${MIN_YEAR}–${MAX_YEAR}.`, fits: true };
  return { ok: true, value: isoSeconds(seconds * 1000), kind: 'datetime', format: 'unix' };
}

/** Whole seconds, UTC; fractions of a second are dropped (no ledger needs them). */
function isoSeconds(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}
