import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_FORMATS, parseDate, type DateFormat } from '../../../../src/main/imports/parse/index';

function value(text: string, format: DateFormat | 'auto'): string {
  const result = parseDate(text, format);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result.value;
}

function rejection(text: string, format: DateFormat | 'auto'): string {
  const result = parseDate(text, format);
  if (result.ok || result.ambiguous) throw new Error(`${text} was not rejected`);
  return result.message;
}

describe('parseDate reads each format', () => {
  it.each<[string, DateFormat, string]>([
    ['2026-03-04', 'YYYY-MM-DD', '2026-03-04'],
    ['03/04/2026', 'MM/DD/YYYY', '2026-03-04'],
    ['3/4/2026', 'MM/DD/YYYY', '2026-03-04'],
    ['03/04/2026', 'DD/MM/YYYY', '2026-04-03'],
    ['04.03.2026', 'DD.MM.YYYY', '2026-03-04'],
    ['4.3.2026', 'DD.MM.YYYY', '2026-03-04'],
    ['2024-02-29', 'YYYY-MM-DD', '2024-02-29'],
    // No zone: a wall-clock time, read later on the org's clock.
    ['2026-03-04 17:05:11', 'YYYY-MM-DD hh:mm:ss', '2026-03-04T17:05:11'],
    ['2026-03-04T17:05:11', 'YYYY-MM-DD hh:mm:ss', '2026-03-04T17:05:11'],
    ['2026-03-04 17:05:11 +0000', 'YYYY-MM-DD hh:mm:ss', '2026-03-04T17:05:11Z'],
    ['2026-03-04 17:05:11 +0000', 'ISO', '2026-03-04T17:05:11Z'],
    ['2026-03-04T17:05:11Z', 'ISO', '2026-03-04T17:05:11Z'],
    ['2026-03-04T17:05:11.123Z', 'ISO', '2026-03-04T17:05:11Z'],
    ['2026-03-04T17:05Z', 'ISO', '2026-03-04T17:05:00Z'],
    ['2026-03-04T17:05:11+02:00', 'ISO', '2026-03-04T15:05:11Z'],
    ['2026-03-04T01:05:11+0530', 'ISO', '2026-03-03T19:35:11Z'],
    ['2026-03-31T22:00:00-05:00', 'ISO', '2026-04-01T03:00:00Z'],
    ['2026-03-04 17:05:11 UTC', 'ISO', '2026-03-04T17:05:11Z'],
    ['1772643911', 'unix', '2026-03-04T17:05:11Z'],
    ['0', 'unix', '1970-01-01T00:00:00Z'],
    [' 2026-03-04 ', 'YYYY-MM-DD', '2026-03-04'],
  ])('%s as %s', (text, format, expected) => {
    expect(value(text, format)).toBe(expected);
  });

  it('says whether it read a date or a date-time', () => {
    expect(parseDate('2026-03-04', 'YYYY-MM-DD')).toMatchObject({ ok: true, kind: 'date' });
    expect(parseDate('2026-03-04T00:00:00Z', 'ISO')).toMatchObject({ ok: true, kind: 'datetime' });
  });
});

describe('parseDate rejects', () => {
  it.each<[string, DateFormat, string]>([
    ['2026-02-30', 'YYYY-MM-DD', 'not a real date'],
    ['2025-02-29', 'YYYY-MM-DD', 'not a real date'],
    ['2026-04-31', 'YYYY-MM-DD', 'not a real date'],
    ['2026-13-01', 'YYYY-MM-DD', 'no month 13'],
    ['2026-00-10', 'YYYY-MM-DD', 'no month 0'],
    ['2026-01-00', 'YYYY-MM-DD', 'not a real date'],
    ['13/13/2026', 'MM/DD/YYYY', 'no month 13'],
    ['31/02/2026', 'DD/MM/YYYY', 'not a real date'],
    ['2026-3-4', 'YYYY-MM-DD', 'not a date in the format YYYY-MM-DD'],
    ['03/04/26', 'MM/DD/YYYY', 'not a date in the format'],
    ['0026-03-04', 'YYYY-MM-DD', 'outside 1900'],
    ['2026-03-04', 'MM/DD/YYYY', 'not a date in the format'],
    ['2026-03-04 24:00:00', 'YYYY-MM-DD hh:mm:ss', 'not a real time'],
    ['2026-03-04 12:60:00', 'YYYY-MM-DD hh:mm:ss', 'not a real time'],
    ['2026-03-04T17:05:11', 'ISO', 'no time zone'],
    ['2026-03-04T17:05:11+15:00', 'ISO', 'impossible time zone'],
    ['2026-03-04', 'ISO', 'not a date in the format ISO'],
    ['1772643911000', 'unix', 'milliseconds'],
    ['-5', 'unix', 'not a date in the format unix'],
    ['1.5', 'unix', 'not a date in the format unix'],
    ['9999999999', 'unix', 'after 2199'],
    ['', 'YYYY-MM-DD', 'empty'],
  ])('%s as %s', (text, format, message) => {
    expect(rejection(text, format)).toContain(message);
  });
});

describe("parseDate with 'auto'", () => {
  it('reports 03/04/2026 as ambiguous, with both readings', () => {
    const result = parseDate('03/04/2026', 'auto');
    expect(result).toMatchObject({
      ok: false,
      ambiguous: true,
      readings: [
        { format: 'MM/DD/YYYY', value: '2026-03-04' },
        { format: 'DD/MM/YYYY', value: '2026-04-03' },
      ],
    });
    expect((result as { message: string }).message).toContain('2026-03-04 or 2026-04-03');
  });

  it('reads values only one format can read', () => {
    expect(value('13/04/2026', 'auto')).toBe('2026-04-13');
    expect(value('04/13/2026', 'auto')).toBe('2026-04-13');
    expect(value('04/04/2026', 'auto')).toBe('2026-04-04'); // both orders agree
    expect(value('2026-03-04T17:05:11Z', 'auto')).toBe('2026-03-04T17:05:11Z');
    expect(value('1772643911', 'auto')).toBe('2026-03-04T17:05:11Z');
  });

  it('does not take a short number for a unix time', () => {
    expect(rejection('20260304', 'auto')).toContain('not a date');
  });

  it('explains the closest format when a value has a date shape but is not a real date', () => {
    expect(rejection('2025-02-29', 'auto')).toContain('not a real date');
  });
});

describe('parseDate properties', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom<DateFormat | 'auto'>('auto', ...DATE_FORMATS), (text, format) => {
        parseDate(text, format);
      }),
      { numRuns: 2000 },
    );
  });

  it('every real day round-trips through each date format', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
        expect(value(`${y}-${m}-${d}`, 'YYYY-MM-DD')).toBe(`${y}-${m}-${d}`);
        expect(value(`${m}/${d}/${y}`, 'MM/DD/YYYY')).toBe(`${y}-${m}-${d}`);
        expect(value(`${d}/${m}/${y}`, 'DD/MM/YYYY')).toBe(`${y}-${m}-${d}`);
        expect(value(`${d}.${m}.${y}`, 'DD.MM.YYYY')).toBe(`${y}-${m}-${d}`);
        expect(value(`${iso.slice(0, 19)}Z`, 'ISO')).toBe(`${iso.slice(0, 19)}Z`);
      }),
      { numRuns: 1000 },
    );
  });
});
