import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodInZone, wallTimeToInstant, zoneOfCell } from '../../../src/main/time/zoned-time';
import { combineDateAndTime, readTimeOfDay, TimeFailure } from '../../../src/main/imports/mapping/time-of-day';
import { canonicalTimeZone } from '../../../src/shared/time-zone';

const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata', 'Australia/Eucla', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

/** The month of an instant on a zone's clock, asked of Intl directly (no cache). */
function intlPeriod(epochMs: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(epochMs);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

describe('periodInZone', () => {
  it('agrees with Intl for any instant and zone, the per-minute cache included', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1972, 0, 1) / 1000, max: Date.UTC(2199, 11, 31) / 1000 }), fc.constantFrom(...ZONES), (seconds, zone) => {
        const iso = `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
        expect(periodInZone(iso, zone)).toBe(intlPeriod(seconds * 1000, zone));
        // The same minute a second time comes from the cache, and must still be right.
        expect(periodInZone(iso, zone)).toBe(intlPeriod(seconds * 1000, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('month ends on three clocks', () => {
    expect(periodInZone('2026-11-01T06:59:59Z', 'America/Los_Angeles')).toBe('2026-10');
    expect(periodInZone('2026-11-01T07:00:00Z', 'America/Los_Angeles')).toBe('2026-11');
    expect(periodInZone('2026-09-30T11:59:59Z', 'Pacific/Auckland')).toBe('2026-10');
    expect(periodInZone('2026-09-30T10:59:59Z', 'Pacific/Auckland')).toBe('2026-09');
    expect(periodInZone('2026-10-31T23:59:59Z', 'UTC')).toBe('2026-10');
  });
});

describe('wall-clock times', () => {
  it('skipped times move forward, repeated times take the first', () => {
    // Los Angeles, 8 March 2026: 02:00 -> 03:00. 1 November 2026: 02:00 -> 01:00.
    expect(wallTimeToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, 'America/Los_Angeles')).toBe('2026-03-08T10:30:00Z');
    expect(wallTimeToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, 'America/Los_Angeles')).toBe('2026-11-01T08:30:00Z');
    expect(wallTimeToInstant({ year: 2026, month: 10, day: 1, hour: 13, minute: 57, second: 10 }, '-08:00')).toBe('2026-10-01T21:57:10Z');
  });

  it('zone cells: IANA names, one-offset abbreviations, offsets; nothing else', () => {
    expect(zoneOfCell('PDT')).toBe('-07:00');
    expect(zoneOfCell(' pst ')).toBe('-08:00');
    expect(zoneOfCell('+0200')).toBe('+02:00');
    expect(zoneOfCell('UTC+5:30')).toBe('+05:30');
    expect(zoneOfCell('GMT-7')).toBe('-07:00');
    expect(zoneOfCell('europe/berlin')).toBe('Europe/Berlin');
    expect(zoneOfCell('Z')).toBe('UTC');
    for (const bad of ['PST8PDX', 'IST', '+15:00', 'Mars/Olympus', '']) expect(zoneOfCell(bad), bad).toBeNull();
  });

  it('org zones are IANA names, spelled as the runtime spells them', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('PST8PDX')).toBeNull();
    expect(canonicalTimeZone('../../etc/passwd')).toBeNull();
  });
});

describe('a date, a time and a zone in three columns', () => {
  const cells = (date: string, time: string | null, zone: string | null, fixedZone: string | null = null) => ({
    date,
    dateColumn: 'Date',
    time: time === null ? null : { text: time, column: 'Time' },
    zone: zone === null ? null : { text: zone, column: 'TimeZone' },
    fixedZone,
  });

  it('make one instant, or a wall-clock time when no zone is known', () => {
    expect(combineDateAndTime(cells('2026-10-01', '13:57:10', 'PST'))).toBe('2026-10-01T21:57:10Z');
    expect(combineDateAndTime(cells('2026-10-01', '1:57:10 PM', 'PDT'))).toBe('2026-10-01T20:57:10Z');
    expect(combineDateAndTime(cells('2026-10-01', '12:05 AM', '+00:00'))).toBe('2026-10-01T00:05:00Z');
    expect(combineDateAndTime(cells('2026-10-01', '13:57', null))).toBe('2026-10-01T13:57:00');
    expect(combineDateAndTime(cells('2026-10-01', '13:57', null, 'Europe/Berlin'))).toBe('2026-10-01T11:57:00Z');
    expect(combineDateAndTime(cells('2026-10-01', '', null))).toBe('2026-10-01');
    expect(combineDateAndTime(cells('2026-10-01T13:57:00', null, 'CEST'))).toBe('2026-10-01T11:57:00Z');
  });

  it('name the column at fault', () => {
    const zone = combineDateAndTime(cells('2026-10-01', '13:57', 'PST8PDX'));
    expect(zone).toBeInstanceOf(TimeFailure);
    expect(zone).toMatchObject({ column: 'TimeZone', message: expect.stringContaining('"PST8PDX" is not a time zone') });
    expect(combineDateAndTime(cells('2026-10-01', '25:00', null))).toMatchObject({ column: 'Time', message: expect.stringContaining('not a real time of day') });
    expect(combineDateAndTime(cells('2026-10-01T10:00:00Z', '11:00', null))).toMatchObject({ column: 'Date', message: expect.stringContaining('already carries a time') });
    expect(readTimeOfDay('13:57 PM', 'Time')).toMatchObject({ column: 'Time', message: expect.stringContaining('12-hour clock') });
    expect(readTimeOfDay('noon', 'Time')).toMatchObject({ message: expect.stringContaining('is not a time of day') });
  });
});
