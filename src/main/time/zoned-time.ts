import { TZDate } from '@date-fns/tz';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../../shared/time-zone';

// Instants are stored in UTC ('YYYY-MM-DDTHH:MM:SSZ'); the month one belongs to, and the
// instant a wall-clock time without a zone means, follow a time zone (the org's, or the
// file's). @date-fns/tz does the zone arithmetic from the runtime's IANA data.

const monthFormats = new Map<string, Intl.DateTimeFormat>();
const periodCache = new Map<string, string>();
const PERIOD_CACHE_LIMIT = 100_000;

/**
 * The calendar month ('YYYY-MM') of a UTC instant in `zone`. UTC is the text's own first
 * seven characters. Elsewhere a month changes on a local midnight, and zones' offsets are
 * whole minutes (since 1972 everywhere), so all instants of one UTC minute share a month:
 * the answer is cached per minute, which a file's rows share often.
 */
export function periodInZone(instant: string, zone: string): string {
  if (zone === DEFAULT_TIME_ZONE) return instant.slice(0, 7);
  const key = `${zone}|${instant.slice(0, 16)}`;
  let period = periodCache.get(key);
  if (period === undefined) {
    let format = monthFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit' });
      monthFormats.set(zone, format);
    }
    const parts = format.formatToParts(Date.parse(instant));
    const year = parts.find((p) => p.type === 'year')!.value.padStart(4, '0');
    const month = parts.find((p) => p.type === 'month')!.value;
    period = `${year}-${month}`;
    if (periodCache.size >= PERIOD_CACHE_LIMIT) periodCache.clear();
    periodCache.set(key, period);
  }
  return period;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();
const wallMinuteCache = new Map<string, string>();
/** Per zone and UTC hour: the zone's offset in minutes for the whole hour, or null when it changes inside it. */
const hourOffsets = new Map<string, number | null>();
const HOUR_MS = 3_600_000;

function wallFormat(zone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    wallFormats.set(zone, format);
  }
  return format;
}

/** The wall-clock minute of an instant (ms) in the zone, 'YYYY-MM-DD HH:MM', as Intl reads it. */
function wallMinute(format: Intl.DateTimeFormat, ms: number): string {
  const parts = format.formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The zone's offset from UTC in minutes at an instant (ms), from its wall-clock minute. */
function offsetMinutes(format: Intl.DateTimeFormat, ms: number): number {
  const wall = wallMinute(format, ms);
  const wallMs = Date.parse(`${wall.slice(0, 10)}T${wall.slice(11)}:00Z`);
  return Math.round((wallMs - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * A UTC instant as the wall-clock time in `zone`, 'YYYY-MM-DD HH:MM:SS' (what a spreadsheet
 * reads as a date and time; fractions of a second dropped). Offsets are whole minutes, so the
 * seconds are the instant's own. An export reads a million instants over a year (half a
 * million distinct minutes), so the zone is asked once per UTC hour for its offset: when the
 * offset is the same at the hour's first and last minute, the wall time is the instant plus
 * that offset; an hour with a change of offset in it (a clock change) is read minute by minute.
 */
export function instantToWallText(instant: string, zone: string): string {
  const seconds = instant.slice(17, 19) || '00';
  if (zone === DEFAULT_TIME_ZONE) return `${instant.slice(0, 10)} ${instant.slice(11, 16)}:${seconds}`;
  const format = wallFormat(zone);
  const hourKey = `${zone}|${instant.slice(0, 13)}`;
  let offset = hourOffsets.get(hourKey);
  if (offset === undefined) {
    const hourStart = Date.parse(`${instant.slice(0, 13)}:00:00Z`);
    const first = offsetMinutes(format, hourStart);
    offset = offsetMinutes(format, hourStart + HOUR_MS - 60_000) === first ? first : null;
    if (hourOffsets.size >= PERIOD_CACHE_LIMIT) hourOffsets.clear();
    hourOffsets.set(hourKey, offset);
  }
  if (offset !== null) {
    const minuteMs = Date.parse(`${instant.slice(0, 16)}:00Z`) + offset * 60_000;
    const wall = new Date(minuteMs).toISOString();
    return `${wall.slice(0, 10)} ${wall.slice(11, 16)}:${seconds}`;
  }
  const key = `${zone}|${instant.slice(0, 16)}`;
  let minute = wallMinuteCache.get(key);
  if (minute === undefined) {
    minute = wallMinute(format, Date.parse(instant));
    if (wallMinuteCache.size >= PERIOD_CACHE_LIMIT) wallMinuteCache.clear();
    wallMinuteCache.set(key, minute);
  }
  return `${minute}:${seconds}`;
}

/**
 * One UTC hour in which a zone's offset does not change, as instantToWallText reads it:
 * `utcHour` is the stored instants' first 13 characters ('2026-03-08T06'). The offset is
 * whole hours plus `shift` minutes (0..59): UTC minute MM reads as `wallHour`:(MM + shift)
 * while that is under 60, else as `nextWallHour`:(MM + shift - 60). Both are 'YYYY-MM-DD HH'.
 */
export interface WallHour {
  utcHour: string;
  wallHour: string;
  shift: number;
  nextWallHour: string;
}

const DAY_MS = 24 * HOUR_MS;

/**
 * Every UTC hour from `fromMs` to `toMs` (whole days) whose offset in `zone` is the same at
 * its first and last minute (instantToWallText's own test), for an export to read instants
 * in SQL (export/wall-time-sql.ts). The zone is asked twice per day; only a day whose first
 * and last minute differ (a clock change) is asked hour by hour, and an hour holding the
 * change is left out (the export reads its instants through instantToWallText).
 */
export function wallHoursInZone(zone: string, fromMs: number, toMs: number): WallHour[] {
  const format = wallFormat(zone);
  const hours: WallHour[] = [];
  const push = (hourMs: number, offset: number) => {
    const shift = ((offset % 60) + 60) % 60;
    const base = hourMs + (offset - shift) * 60_000;
    const wall = (ms: number) => {
      const iso = new Date(ms).toISOString();
      return `${iso.slice(0, 10)} ${iso.slice(11, 13)}`;
    };
    hours.push({ utcHour: new Date(hourMs).toISOString().slice(0, 13), wallHour: wall(base), shift, nextWallHour: wall(base + HOUR_MS) });
  };
  for (let day = Math.floor(fromMs / DAY_MS) * DAY_MS; day < toMs; day += DAY_MS) {
    const first = offsetMinutes(format, day);
    const sameAllDay = offsetMinutes(format, day + DAY_MS - 60_000) === first;
    for (let hour = day; hour < day + DAY_MS; hour += HOUR_MS) {
      if (sameAllDay) push(hour, first);
      else {
        const offset = offsetMinutes(format, hour);
        if (offsetMinutes(format, hour + HOUR_MS - 60_000) === offset) push(hour, offset);
      }
    }
  }
  return hours;
}

/** 'YYYY-MM-DDTHH:MM:SS' read on a clock in `zone`. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The UTC instant of a wall-clock time in `zone` (an IANA name or an offset like '-07:00').
 * A time the clock skips (02:30 when it jumps from 02:00 to 03:00) is read as the same
 * span after the jump (03:30); a time it shows twice (01:30 when it falls back) is read as
 * the first of the two, as most systems do.
 */
export function wallTimeToInstant(time: WallTime, zone: string): string {
  if (zone === DEFAULT_TIME_ZONE) return isoSeconds(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
  const date = new TZDate(time.year, time.month - 1, time.day, time.hour, time.minute, time.second, zone);
  return isoSeconds(date.getTime());
}

function isoSeconds(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 19)}Z`;
}

// Abbreviations are offsets, not zones: "PDT" is -07:00 whatever the date. Only ones that
// name one offset are read (IST, CST in Asia, BST elsewhere are left out as ambiguous).
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  HST: '-10:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  PST: '-08:00',
  PDT: '-07:00',
  MST: '-07:00',
  MDT: '-06:00',
  CST: '-06:00',
  CDT: '-05:00',
  EST: '-05:00',
  EDT: '-04:00',
  AST: '-04:00',
  ADT: '-03:00',
  NST: '-03:30',
  NDT: '-02:30',
  WET: '+00:00',
  WEST: '+01:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  JST: '+09:00',
  KST: '+09:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  ACST: '+09:30',
  ACDT: '+10:30',
  AWST: '+08:00',
  NZST: '+12:00',
  NZDT: '+13:00',
};

const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * A file's zone cell as a zone @date-fns/tz reads: an IANA name ("Europe/Berlin"), an
 * abbreviation that names one offset ("PDT"), or an offset ("+0200", "-07:00", "UTC+2").
 * null when it is none of these.
 */
export function zoneOfCell(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  const abbreviation = ABBREVIATIONS[value.toUpperCase()];
  if (abbreviation) return abbreviation;
  const offset = OFFSET.exec(value);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? '0');
    if (hours > 14 || minutes > 59) return null;
    return `${offset[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  }
  // Region/City names only: ICU also reads bare letters as legacy links ("IST" -> Asia/Calcutta),
  // which would read an ambiguous abbreviation as one of its meanings.
  return value.includes('/') ? canonicalTimeZone(value) : null;
}

/** What zoneOfCell reads, for messages. */
export const ZONE_CELL_HELP = 'an IANA time zone such as America/Los_Angeles, an abbreviation such as PDT, or an offset such as +02:00';
