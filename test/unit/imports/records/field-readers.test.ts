import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMicros } from '../../../../src/shared/money';
import { canonicalInstant, readInstant, readMonthStart } from '../../../../src/main/imports/records/date-readers';
import {
  checkKnownFields,
  readCurrency,
  readDecimalText,
  readFlag,
  readInteger,
  readMicros,
  readText,
} from '../../../../src/main/imports/records/field-readers';
import { problemOf } from '../../../support/field-problem';

describe('readMicros: money from records, exactly', () => {
  it('reads decimal strings into integer micro-units', () => {
    expect(readMicros({ a: '12.5' }, 'a')).toBe(12_500_000);
    expect(readMicros({ a: '-0.000001' }, 'a')).toBe(-1);
    expect(readMicros({ a: ' 7 ' }, 'a')).toBe(7_000_000);
    expect(readMicros({ a: '-0' }, 'a')).toBe(0);
    expect(readMicros({ a: '007.50' }, 'a')).toBe(7_500_000);
    expect(readMicros({ a: '123456789.123456' }, 'a')).toBe(123_456_789_123_456);
    expect(readMicros({ a: '1234567890.5' }, 'a')).toBe(1_234_567_890_500_000);
    expect(readMicros({ a: '9007199254.740991' }, 'a')).toBe(Number.MAX_SAFE_INTEGER);
    expect(readMicros({ a: 12_500_000n }, 'a')).toBe(12_500_000);
  });

  it('agrees with the shared money parser on every decimal it accepts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }), (micros) => {
        const negative = micros < 0n;
        const abs = negative ? -micros : micros;
        const text = `${negative ? '-' : ''}${abs / 1_000_000n}.${String(abs % 1_000_000n).padStart(6, '0')}`;
        expect(BigInt(readMicros({ a: text }, 'a')!)).toBe(decimalToMicros(text));
      }),
    );
  });

  it('tells absent and empty (undefined) from cleared (null)', () => {
    expect(readMicros({}, 'a')).toBeUndefined();
    expect(readMicros({ a: '  ' }, 'a')).toBeUndefined();
    expect(readMicros({ a: null }, 'a')).toBeNull();
  });

  it.each([
    [12.5, /decimals as strings/],
    ['1,000.00', /not a plain decimal/],
    ['1e3', /not a plain decimal/],
    ['$5', /not a plain decimal/],
    ['0.1234567', /7 decimals; at most 6/],
    ['1.', /not a plain decimal/],
    ['.5', /not a plain decimal/],
    ['-', /not a plain decimal/],
    ['--1', /not a plain decimal/],
    ['1.-5', /not a plain decimal/],
    ['9007199254.740992', /largest amount/],
    [true, /decimal string/],
  ])('refuses %j naming the field', (value, message) => {
    const p = problemOf(() => readMicros({ amount: value }, 'amount'));
    expect(p.field).toBe('amount');
    expect(p.message).toMatch(message);
  });
});

describe('instants and billing months', () => {
  it.each([
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2024-03-31T14:05', '2024-03-31T14:05:00Z'],
    ['2024-03-31 14:05:09', '2024-03-31T14:05:09Z'],
    ['2024-03-31T14:05:09.120Z', '2024-03-31T14:05:09.120Z'],
    ['2024-03-31T14:05:09.000Z', '2024-03-31T14:05:09Z'],
    ['2024-04-01T01:30:00+02:00', '2024-03-31T23:30:00Z'],
    ['2024-03-31T23:30:00-0100', '2024-04-01T00:30:00Z'],
  ])('%s is stored as %s (UTC; its month is the period)', (text, stored) => {
    expect(readInstant({ at: text }, 'at')).toBe(stored);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '24-03-01', '2024-03-01T24:00', '0999-01-01', 'yesterday'])('refuses %s', (text) => {
    expect(problemOf(() => readInstant({ occurred_at: text }, 'occurred_at')).field).toBe('occurred_at');
  });

  it('canonical instants read back as themselves', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        const once = canonicalInstant(iso);
        expect(once).not.toBeNull();
        expect(canonicalInstant(once!)).toBe(once);
        expect(once!.slice(0, 19)).toBe(iso.slice(0, 19));
      }),
    );
  });

  it('names billing months by their first day', () => {
    expect(readMonthStart({ p: '2026-03' }, 'p')).toBe('2026-03-01');
    expect(readMonthStart({ p: '2026-03-01' }, 'p')).toBe('2026-03-01');
    expect(problemOf(() => readMonthStart({ billing_period: '2026-03-15' }, 'billing_period')).message).toMatch(/first day/);
  });
});

describe('other fields', () => {
  it('reads text trimmed, with a length limit', () => {
    expect(readText({ a: '  x ' }, 'a', 5)).toBe('x');
    expect(readText({ a: '' }, 'a', 5)).toBeUndefined();
    expect(problemOf(() => readText({ name: 'abcdef' }, 'name', 5)).message).toMatch(/at most 5/);
    expect(problemOf(() => readText({ name: 5 }, 'name', 5)).message).toMatch(/must be text/);
  });

  it('reads flags, integers, currencies and percentages', () => {
    expect([true, 'yes', '1', 'TRUE'].map((v) => readFlag({ f: v }, 'f'))).toEqual([1, 1, 1, 1]);
    expect([false, 'no', '0', 'False'].map((v) => readFlag({ f: v }, 'f'))).toEqual([0, 0, 0, 0]);
    expect(problemOf(() => readFlag({ on_hold: 'maybe' }, 'on_hold')).field).toBe('on_hold');
    expect(readInteger({ q: '12' }, 'q', 0, 100)).toBe(12);
    expect(problemOf(() => readInteger({ quantity: 1.5 }, 'quantity', 0, 100)).message).toMatch(/whole number/);
    expect(readCurrency({ c: 'eur' }, 'c')).toBe('EUR');
    expect(problemOf(() => readCurrency({ currency: 'EURO' }, 'currency')).field).toBe('currency');
    expect(readDecimalText({ p: '012.500' }, 'p', 0, 100)).toBe('12.5');
    expect(readDecimalText({ p: '100' }, 'p', 0, 100)).toBe('100');
    expect(problemOf(() => readDecimalText({ fallback_percentage: '100.01' }, 'fallback_percentage', 0, 100)).message).toMatch(/between 0 and 100/);
  });

  it('refuses fields the entity does not have', () => {
    const p = problemOf(() => checkKnownFields({ amount: '1', amonut: '2' }, new Set(['amount']), 'revenue'));
    expect(p.field).toBe('amonut');
    expect(p.message).toMatch(/not a field of a revenue record/);
  });
});
