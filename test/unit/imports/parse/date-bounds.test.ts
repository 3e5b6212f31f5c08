import { describe, expect, it } from 'vitest';
import { DateReader } from '../../../../src/main/imports/mapping/date-reader';
import { ReadFailure } from '../../../../src/main/imports/mapping/read-failure';
import { MAX_YEAR, MIN_YEAR } from '../../../../src/main/imports/parse/date-bounds';
import { parseDate } from '../../../../src/main/imports/parse/parse-date';
import { canonicalInstant, readInstant, readMonthStart } from '../../../../src/main/imports/records/date-readers';
import { problemOf } from '../../../support/field-problem';

// One window of years for every layer that reads a date: a file's cells (parse-date and the
// mapping's DateReader) and the records written from files and the API (date-readers).

function parseMessage(text: string): string {
  const result = parseDate(text, 'auto');
  if (result.ok) throw new Error(`${text} was read as ${result.value}`);
  return result.message;
}

describe('the years a date may have', () => {
  it('are 1900–2199', () => {
    expect([MIN_YEAR, MAX_YEAR]).toEqual([1900, 2199]);
  });

  it.each(['1900-01-01', '2199-12-31', '1900-01-01T00:00:00Z', '2199-12-31T23:59:59Z'])('%s, at the edge, reads in every layer', (text) => {
    expect(parseDate(text, 'auto').ok).toBe(true);
    expect(new DateReader('auto').read(text, 'Date')).not.toBeInstanceOf(ReadFailure);
    expect(canonicalInstant(text)).not.toBeNull();
    expect(readInstant({ occurred_at: text }, 'occurred_at')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it.each([
    ['1899-12-31', '1899'],
    ['2200-01-01', '2200'],
    ['2999-06-30', '2999'],
    ['2200-01-01T00:00:00Z', '2200'],
    ['1899-12-31T23:59:59Z', '1899'],
    ['2206-10-05 10:00:00', '2206'],
  ])('%s is refused by every layer, with a message naming the bounds', (text, year) => {
    const bounds = `the year ${year} is outside 1900–2199`;
    expect(parseMessage(text)).toBe(`${JSON.stringify(text)}: ${bounds}.`);
    expect((new DateReader('auto').read(text, 'Date') as ReadFailure).message).toBe(`Date: ${JSON.stringify(text)}: ${bounds}.`);
    expect(canonicalInstant(text)).toBeNull();
    expect(problemOf(() => readInstant({ occurred_at: text }, 'occurred_at'))).toEqual({ field: 'occurred_at', message: `"${text}": ${bounds}` });
  });

  it('slashed and dotted dates keep to the same window', () => {
    expect(parseDate('12/31/2199', 'MM/DD/YYYY').ok).toBe(true);
    expect(parseMessage('01/01/2200')).toContain('outside 1900–2199');
    expect(parseMessage('31.12.1899')).toContain('the year 1899 is outside 1900–2199');
  });

  it('a unix time after 2199 names the bounds', () => {
    const result = parseDate('7258118400', 'unix'); // 2200-01-01T00:00:00Z
    expect(result).toMatchObject({ ok: false, message: '"7258118400" is after 2199: dates must fall in 1900–2199.' });
    expect(parseDate('7258118399', 'unix')).toMatchObject({ ok: true, value: '2199-12-31T23:59:59Z' });
  });

  it('billing months keep to the same window, and say so', () => {
    expect(readMonthStart({ p: '1900-01' }, 'p')).toBe('1900-01-01');
    expect(readMonthStart({ p: '2199-12' }, 'p')).toBe('2199-12-01');
    expect(problemOf(() => readMonthStart({ billing_period: '2200-01' }, 'billing_period'))).toEqual({
      field: 'billing_period',
      message: '"2200-01": the year 2200 is outside 1900–2199',
    });
    expect(problemOf(() => readMonthStart({ billing_period: '1899-12-01' }, 'billing_period')).message).toContain('outside 1900–2199');
    expect(problemOf(() => readMonthStart({ billing_period: '2026-13' }, 'billing_period')).message).toContain('is not a billing month');
  });
});
