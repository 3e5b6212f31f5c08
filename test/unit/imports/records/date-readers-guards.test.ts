import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalInstant, readInstant, readMonthStart, storedInstant } from '../../../../src/main/imports/records/date-readers';
import { problemOf } from '../../../support/field-problem';

// The guards of the date readers that a mutation run found unpinned: leap years, every
// field's range, every accepted spelling, offsets at their limit, and the messages that
// tell an accountant which of them was wrong. Expected instants come from Date.UTC here,
// not from the code under test.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar's own answer: does this day exist (Date.UTC rolls an impossible one over)? */
function dayExists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function utcText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, 19) + 'Z' : iso;
}

describe('canonicalInstant: the calendar', () => {
  it.each([
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // by 100, not 400
    ['2100-02-29', false],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-04-30', true],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-00-10', false],
    ['2024-13-01', false],
    ['2024-01-00', false],
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2199-12-31', true],
    ['2200-01-01', false],
  ])('%s exists: %s, in every spelling', (date, exists) => {
    // The date alone, the canonical instant (the fast path) and a spelled-out time (the full parser) agree.
    for (const text of [date, `${date}T00:00:00Z`, `${date} 00:00`, `${date}T00:00:00.000+00:00`]) {
      expect(canonicalInstant(text), text).toBe(exists ? `${date}T00:00:00Z` : null);
    }
  });

  it('every day of 1896-2204 exists exactly when the calendar has it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1896, max: 2204 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 28, max: 31 }), (year, month, day) => {
        const date = `${year}-${pad(month)}-${pad(day)}`;
        const exists = year >= 1900 && year <= 2199 && dayExists(year, month, day);
        expect(canonicalInstant(date)).toBe(exists ? `${date}T00:00:00Z` : null);
        expect(canonicalInstant(`${date}T12:00:00Z`)).toBe(exists ? `${date}T12:00:00Z` : null);
      }),
    );
  });
});

describe('canonicalInstant: times and offsets', () => {
  it.each([
    ['2024-03-31T23:59:59Z', '2024-03-31T23:59:59Z'],
    ['2024-03-31T24:00:00Z', null],
    ['2024-03-31T23:60:00Z', null],
    ['2024-03-31T23:59:60Z', null],
    ['2024-03-31T24:00', null],
    ['2024-03-31T23:60', null],
    ['2024-03-31T23:59:60', null],
    ['2024-03-31 23:59:60+01:00', null],
    ['2024-03-31T09:05', '2024-03-31T09:05:00Z'],
    ['2024-03-31T09:05:07', '2024-03-31T09:05:07Z'],
    ['2024-03-31T09:05:07.5', '2024-03-31T09:05:07.500Z'],
    ['2024-03-31T09:05:07.05Z', '2024-03-31T09:05:07.050Z'],
    ['2024-03-31T09:05:07.000', '2024-03-31T09:05:07Z'],
    ['2024-03-31T09:05:07.000+02:00', '2024-03-31T07:05:07Z'],
    ['2024-03-31T09:05:07.250+02:00', '2024-03-31T07:05:07.250Z'],
    ['2024-03-31T00:30:00+18:00', '2024-03-30T06:30:00Z'],
    ['2024-03-31T00:30:00-18:00', '2024-03-31T18:30:00Z'],
    ['2024-03-31T00:30:00+18:01', null],
    ['2024-03-31T00:30:00-1801', null],
    ['2024-03-31T00:30:00+05:45', '2024-03-30T18:45:00Z'],
    ['2024-03-31T00:30:00+0545', '2024-03-30T18:45:00Z'],
    ['2024-03-31T00:30:00-09:30', '2024-03-31T10:00:00Z'],
    ['x2024-03-31', null],
    ['2024-03-31x', null],
    ['2024-03-31T00:00:00Zx', null],
    ['x2024-03-31T00:00:00Z', null],
    ['2024-3-31', null],
    ['2024-03-31T0:00', null],
  ])('%s -> %s', (text, expected) => {
    expect(canonicalInstant(text)).toBe(expected);
  });

  it('agrees with Date.UTC on any date-time, offset and spelling', () => {
    const parts = fc.record({
      year: fc.integer({ min: 1901, max: 2198 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.option(fc.integer({ min: 0, max: 61 })),
      fraction: fc.option(fc.stringMatching(/^\d{1,3}$/)),
      separator: fc.constantFrom('T', ' '),
      offset: fc.option(fc.record({ sign: fc.constantFrom('+', '-'), hours: fc.integer({ min: 0, max: 19 }), minutes: fc.integer({ min: 0, max: 59 }), colon: fc.boolean() })),
      zulu: fc.boolean(),
    });
    fc.assert(
      fc.property(parts, (p) => {
        const seconds = p.second === null ? '' : `:${pad(p.second)}${p.fraction === null ? '' : '.' + p.fraction}`;
        const zone = p.offset ? `${p.offset.sign}${pad(p.offset.hours)}${p.offset.colon ? ':' : ''}${pad(p.offset.minutes)}` : p.zulu ? 'Z' : '';
        const text = `${p.year}-${pad(p.month)}-${pad(p.day)}${p.separator}${pad(p.hour)}:${pad(p.minute)}${seconds}${zone}`;
        const offsetMinutes = p.offset ? (p.offset.sign === '-' ? -1 : 1) * (p.offset.hours * 60 + p.offset.minutes) : 0;
        const valid =
          dayExists(p.year, p.month, p.day) && p.hour <= 23 && p.minute <= 59 && (p.second ?? 0) <= 59 && Math.abs(offsetMinutes) <= 18 * 60;
        const millis = p.fraction === null || p.second === null ? 0 : Number(p.fraction.padEnd(3, '0'));
        const expected = valid ? utcText(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second ?? 0, millis) - offsetMinutes * 60_000) : null;
        expect(canonicalInstant(text)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a zone-less date-time on the given clock, and a date as the start of its day there', () => {
    expect(canonicalInstant('2024-07-01T09:30', 'Europe/Berlin')).toBe('2024-07-01T07:30:00Z');
    expect(canonicalInstant('2024-07-01T09:30:15', 'America/New_York')).toBe('2024-07-01T13:30:15Z');
    expect(canonicalInstant('2024-07-01', 'America/New_York')).toBe('2024-07-01T04:00:00Z');
    expect(canonicalInstant('2024-01-01', 'Asia/Tokyo')).toBe('2023-12-31T15:00:00Z');
    // An explicit offset or Z wins over the clock.
    expect(canonicalInstant('2024-07-01T09:30:00Z', 'Europe/Berlin')).toBe('2024-07-01T09:30:00Z');
    expect(canonicalInstant('2024-07-01T09:30:00+01:00', 'America/New_York')).toBe('2024-07-01T08:30:00Z');
    expect(canonicalInstant('2024-02-30', 'Europe/Berlin')).toBeNull();
  });

  it('keeps text it cannot read as it is when comparing stored values', () => {
    expect(storedInstant('2024-03-31T09:05:07.000Z')).toBe('2024-03-31T09:05:07Z');
    expect(storedInstant('not a date')).toBe('not a date');
  });
});

describe('readInstant: what the accountant is told', () => {
  it.each([
    ['yesterday', 'occurred_at', '"yesterday" is not an ISO date (2024-03-31) or date-time (2024-03-31T14:05:00Z)'],
    ['1899-06-01', 'occurred_at', '"1899-06-01": the year 1899 is outside 1900–2199'],
    ['2023-02-29', 'occurred_at', '"2023-02-29" is not a day of the calendar'],
    ['2024-02-29T24:00', 'occurred_at', '"2024-02-29T24:00" has a time of day or zone offset out of range'],
    ['2024-02-29T10:00+19:00', 'paid_at', '"2024-02-29T10:00+19:00" has a time of day or zone offset out of range'],
  ])('%s', (text, field, message) => {
    const p = problemOf(() => readInstant({ [field]: text }, field));
    expect(p.field).toBe(field);
    expect(p.message).toBe(message);
  });

  it('gives absent and cleared fields back as they came', () => {
    expect(readInstant({}, 'at')).toBeUndefined();
    expect(readInstant({ at: '  ' }, 'at')).toBeUndefined();
    expect(readInstant({ at: null }, 'at')).toBeNull();
  });
});

describe('readMonthStart', () => {
  it.each([
    ['2026-01', '2026-01-01'],
    ['2026-12', '2026-12-01'],
    [' 2026-03-01 ', '2026-03-01'],
  ])('%s is the month starting %s', (text, month) => {
    expect(readMonthStart({ billing_period: text }, 'billing_period')).toBe(month);
  });

  it.each([
    ['2026-00', 'is not a billing month (YYYY-MM or YYYY-MM-01)'],
    ['2026-13', 'is not a billing month (YYYY-MM or YYYY-MM-01)'],
    ['2026-3', 'is not a billing month (YYYY-MM or YYYY-MM-01)'],
    ['x2026-03', 'is not a billing month (YYYY-MM or YYYY-MM-01)'],
    ['2026-03x', 'is not a billing month (YYYY-MM or YYYY-MM-01)'],
    ['2026-03-0', 'is not a billing month (YYYY-MM or YYYY-MM-01)'],
    ['March', 'is not a billing month (YYYY-MM or YYYY-MM-01)'],
    ['2200-01', ': the year 2200 is outside 1900–2199'],
    ['2026-03-02', 'is not the first day of a month: a billing period is named by its first day'],
  ])('refuses %s', (text, message) => {
    const p = problemOf(() => readMonthStart({ billing_period: text }, 'billing_period'));
    expect(p.field).toBe('billing_period');
    expect(p.message).toBe(`"${text}"${message.startsWith(':') ? '' : ' '}${message}`);
  });

  it('gives absent and cleared months back as they came', () => {
    expect(readMonthStart({}, 'billing_period')).toBeUndefined();
    expect(readMonthStart({ billing_period: '' }, 'billing_period')).toBeUndefined();
    expect(readMonthStart({ billing_period: null }, 'billing_period')).toBeNull();
  });
});
