import { describe, expect, it } from 'vitest';
import { DateReader } from '../../../../src/main/imports/mapping/date-reader';
import { ReadFailure } from '../../../../src/main/imports/mapping/read-failure';

describe('DateReader', () => {
  it('reads strictly in a fixed format', () => {
    const r = new DateReader('MM/DD/YYYY');
    expect(r.read('10/03/2026', 'Date')).toBe('2026-10-03');
    expect((r.read('2026-10-03', 'Date') as ReadFailure).message).toBe('Date: "2026-10-03" is not a date in the format MM/DD/YYYY.');
  });

  it("with 'auto', reads ISO dates and date-times with zones to UTC", () => {
    const r = new DateReader('auto');
    expect(r.read('2026-10-03', 'Date')).toBe('2026-10-03');
    expect(r.read('2026-10-03T10:00:00Z', 'Date')).toBe('2026-10-03T10:00:00Z');
    expect(r.read('2026-10-31 22:00:00 -0500', 'Date')).toBe('2026-11-01T03:00:00Z');
    expect(r.read('2026-10-03', 'Date')).toBe('2026-10-03');
    expect((r.read('20261003', 'Date') as ReadFailure).message).toMatch(/^Date: /);
  });

  it('returns a day/month question until a value settles the order, then reads every value in it', () => {
    const r = new DateReader('auto');
    expect(r.read('04/04/2026', 'Date')).toBe('2026-04-04');
    const open = r.read('03/04/2026', 'Date') as ReadFailure;
    expect(open.ambiguity).toEqual({
      kind: 'date_format',
      column: 'Date',
      text: '03/04/2026',
      readings: [
        { value: 'MM/DD/YYYY', reading: '2026-03-04' },
        { value: 'DD/MM/YYYY', reading: '2026-04-03' },
      ],
    });
    expect(r.read('25/12/2026', 'Date')).toBe('2026-12-25');
    expect(r.order).toBe('DD/MM/YYYY');
    expect(r.read('03/04/2026', 'Date')).toBe('2026-04-03');
    const other = r.read('12/25/2026', 'Date') as ReadFailure;
    expect(other.message).toBe('Date: "12/25/2026" reads only as MM/DD/YYYY, but this file\'s dates are DD/MM/YYYY ("25/12/2026" in Date).');
    expect(r.conflicting).toBe(true);
  });
});

describe('DateReader on canonical UTC date-times', () => {
  it('takes them as they are where the format reads date-times, and checks the calendar', () => {
    for (const format of ['auto', 'ISO', 'YYYY-MM-DD hh:mm:ss'] as const) {
      const r = new DateReader(format);
      expect(r.read('2024-02-29T23:59:59Z', 'At')).toBe('2024-02-29T23:59:59Z');
      expect((r.read('2026-02-29T10:00:00Z', 'At') as ReadFailure).message).toMatch(/^At: .*no day 29/);
      expect((r.read('2026-10-01T24:00:00Z', 'At') as ReadFailure).message).toMatch(/not a real time of day/);
      expect((r.read('1899-12-31T10:00:00Z', 'At') as ReadFailure).message).toMatch(/outside 1900/);
    }
    expect(new DateReader('YYYY-MM-DD').read('2026-10-01T10:00:00Z', 'At')).toBeInstanceOf(ReadFailure);
    expect(new DateReader('MM/DD/YYYY').read('2026-10-01T10:00:00Z', 'At')).toBeInstanceOf(ReadFailure);
  });
});
