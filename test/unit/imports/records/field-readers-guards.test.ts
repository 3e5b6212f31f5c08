import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { MAX_ROW_MICROS } from '../../../../src/shared/money';
import {
  checkKnownFields,
  describe as describeValue,
  readChoice,
  readDecimalText,
  readEmail,
  readFlag,
  readInteger,
  readMicros,
  readUuid,
} from '../../../../src/main/imports/records/field-readers';
import { problemOf } from '../../../support/field-problem';

// The guards of the field readers that a mutation run found unpinned: the fast amount
// parser's edges (digits, signs, dots, lengths), the row's largest amount, range limits
// at their exact edges, anchors of every pattern, and the words of each message.
// Expected micro-units come from decimal.js here, not from the code under test.

const micros = (text: string) => new Decimal(text.trim()).mul(1_000_000).toNumber();

describe('readMicros: every amount spelling, fast path or not', () => {
  it('agrees with decimal.js on any amount of up to 15 whole digits and 6 decimals', () => {
    const amount = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,15}$/), fc.option(fc.stringMatching(/^\d{1,6}$/)))
      .map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === null ? '' : '.' + fraction}`)
      .filter((text) => new Decimal(text).abs().mul(1_000_000).lte(MAX_ROW_MICROS.toString()));
    fc.assert(
      fc.property(amount, (text) => {
        const expected = micros(text);
        expect(readMicros({ amount: text }, 'amount')).toBe(expected === 0 ? 0 : expected);
        expect(Object.is(readMicros({ amount: text }, 'amount'), -0)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['0', 0],
    ['-0', 0],
    ['-0.000000', 0],
    ['7', 7_000_000],
    ['-7', -7_000_000],
    ['123456789', 123_456_789_000_000],
    ['1234567890', 1_234_567_890_000_000],
    ['123456789.123456', 123_456_789_123_456],
    ['1234567890.5', 1_234_567_890_500_000],
    ['-1234567890.000001', -1_234_567_890_000_001],
    ['0.000001', 1],
    ['-0.000001', -1],
    ['0.1', 100_000],
    ['09.50', 9_500_000],
    ['-0000000000', 0], // past the fast path's 9 digits: still a plain 0, never -0
  ])('%s is %d micro-units', (text, expected) => {
    expect(readMicros({ amount: text }, 'amount')).toBe(expected);
    expect(Object.is(readMicros({ amount: text }, 'amount'), -0)).toBe(false);
  });

  it.each([
    ['1.', 'is not a plain decimal number'],
    ['.5', 'is not a plain decimal number'],
    ['-', 'is not a plain decimal number'],
    ['--1', 'is not a plain decimal number'],
    ['1.2.3', 'is not a plain decimal number'],
    ['1,000', 'is not a plain decimal number'],
    ['1/2', 'is not a plain decimal number'], // "/" sits just below "0"
    ['1:2', 'is not a plain decimal number'], // ":" just above "9"
    ['1.0/', 'is not a plain decimal number'],
    ['1.0:', 'is not a plain decimal number'],
    ['+1', 'is not a plain decimal number'],
    ['1e3', 'is not a plain decimal number'],
    ['$5', 'is not a plain decimal number'],
    ['1.1234567', 'has 7 decimals; at most 6 can be stored exactly'],
    ['1234567890.1234567', 'has 7 decimals; at most 6 can be stored exactly'],
  ])('refuses %s', (text, message) => {
    const p = problemOf(() => readMicros({ amount: text }, 'amount'));
    expect(p.field).toBe('amount');
    expect(p.message).toContain(`"${text}" ${message}`);
  });

  it('holds the row limit exactly, for text and for bigints', () => {
    const max = MAX_ROW_MICROS;
    const maxText = new Decimal(max.toString()).div(1_000_000).toFixed(6);
    const overText = new Decimal((max + 1n).toString()).div(1_000_000).toFixed(6);
    expect(readMicros({ amount: maxText }, 'amount')).toBe(Number(max));
    expect(readMicros({ amount: '-' + maxText }, 'amount')).toBe(-Number(max));
    expect(problemOf(() => readMicros({ amount: overText }, 'amount')).field).toBe('amount');
    expect(readMicros({ amount: max }, 'amount')).toBe(Number(max));
    expect(readMicros({ amount: -max }, 'amount')).toBe(-Number(max));
    expect(readMicros({ amount: 5n }, 'amount')).toBe(5);
    expect(problemOf(() => readMicros({ amount: max + 1n }, 'amount')).message).toBe(`${overText.replace(/0+$/, '').replace(/\.$/, '')} is larger than the largest amount a row can hold`);
    expect(problemOf(() => readMicros({ amount: -max - 1n }, 'amount')).message).toMatch(/^-\d+(\.\d+)? is larger than the largest amount a row can hold$/);
  });

  it('names what was sent instead of a decimal string', () => {
    expect(problemOf(() => readMicros({ amount: 12.5 }, 'amount')).message).toBe('send amounts and other decimals as strings (e.g. "12.5"), never as JSON numbers');
    expect(problemOf(() => readMicros({ amount: true }, 'amount')).message).toBe('must be a decimal string, not boolean true');
    expect(readMicros({ amount: '  ' }, 'amount')).toBeUndefined();
    expect(readMicros({ amount: null }, 'amount')).toBeNull();
  });
});

describe('readDecimalText', () => {
  it.each([
    ['0', '0'],
    ['-2.5', '-2.5'],
    ['-0.25', '-0.25'],
    ['3.100000', '3.1'],
    ['100.000001', null],
    ['-10', '-10'],
    ['-10.000001', null],
    ['40.05', '40.05'],
  ])('%s within [-10, 100] is %s', (text, expected) => {
    if (expected === null) expect(problemOf(() => readDecimalText({ share: text }, 'share', -10, 100)).message).toBe('must be between -10 and 100');
    else expect(readDecimalText({ share: text }, 'share', -10, 100)).toBe(expected);
  });

  it('gives absent and cleared values back as they came', () => {
    expect(readDecimalText({}, 'share', 0, 100)).toBeUndefined();
    expect(readDecimalText({ share: null }, 'share', 0, 100)).toBeNull();
  });
});

describe('readInteger', () => {
  it.each([
    ['5', 5],
    [' 5 ', 5],
    ['-3', -3],
    [7, 7],
    ['10', 10],
    ['-5', -5],
    [-5, -5],
    ['1', 1],
  ])('%s is %d within [-5, 10]', (value, expected) => {
    expect(readInteger({ quantity: value }, 'quantity', -5, 10)).toBe(expected);
  });

  it.each([
    ['11', 'must be between -5 and 10'],
    ['-6', 'must be between -5 and 10'],
    [11, 'must be between -5 and 10'],
    ['1.5', '"1.5" is not a whole number'],
    ['x1', '"x1" is not a whole number'],
    ['1x', '"1x" is not a whole number'],
    ['12345678901234567', '"12345678901234567" is not a whole number'],
    [2.5, '2.5 is not a whole number'],
    [true, 'must be a whole number, not boolean true'],
  ])('refuses %s', (value, message) => {
    const p = problemOf(() => readInteger({ quantity: value }, 'quantity', -5, 10));
    expect(p.field).toBe('quantity');
    expect(p.message).toBe(message);
  });

  it('gives absent, empty and cleared values back as they came', () => {
    expect(readInteger({}, 'quantity', 0, 1)).toBeUndefined();
    expect(readInteger({ quantity: '   ' }, 'quantity', 0, 1)).toBeUndefined();
    expect(readInteger({ quantity: null }, 'quantity', 0, 1)).toBeNull();
  });
});

describe('readFlag', () => {
  it.each([
    ['true', 1],
    ['1', 1],
    [' YES ', 1],
    ['y', 1],
    ['false', 0],
    ['0', 0],
    ['No', 0],
    ['n', 0],
    [true, 1],
    [false, 0],
  ])('%s is %d', (value, expected) => {
    expect(readFlag({ on_hold: value }, 'on_hold')).toBe(expected);
  });

  it('refuses other words, naming what was sent, and gives empty and cleared back', () => {
    expect(problemOf(() => readFlag({ on_hold: 'maybe' }, 'on_hold')).message).toBe('must be true or false, not string "maybe"');
    expect(problemOf(() => readFlag({ on_hold: '' + 'yes please' }, 'on_hold')).field).toBe('on_hold');
    expect(problemOf(() => readFlag({ on_hold: 1 }, 'on_hold')).message).toBe('must be true or false, not number 1');
    expect(readFlag({ on_hold: ' ' }, 'on_hold')).toBeUndefined();
    expect(readFlag({ on_hold: null }, 'on_hold')).toBeNull();
    expect(readFlag({}, 'on_hold')).toBeUndefined();
  });
});

describe('readChoice, readEmail, readUuid', () => {
  it('reads a choice in any case, refusing others by name', () => {
    expect(readChoice({ kind: 'sale' }, 'kind', ['sale', 'refund'])).toBe('sale');
    expect(readChoice({ kind: 'Refund' }, 'kind', ['sale', 'refund'])).toBe('refund');
    expect(readChoice({ status: 'InProgress' }, 'status', ['InProgress', 'done'])).toBe('InProgress');
    expect(problemOf(() => readChoice({ kind: 'gift' }, 'kind', ['sale', 'refund'])).message).toBe('"gift" is not one of sale, refund');
    expect(readChoice({}, 'kind', ['sale'])).toBeUndefined();
    expect(readChoice({ kind: null }, 'kind', ['sale'])).toBeNull();
  });

  it('reads an email address, anchored at both ends', () => {
    expect(readEmail({ email: ' a@b.co ' }, 'email')).toBe('a@b.co');
    for (const bad of ['a b@c.de', 'a@b.co x', 'x a@b.co', 'ab.co', 'a@bco']) {
      expect(problemOf(() => readEmail({ email: bad }, 'email')).message).toBe(`"${bad}" is not an email address`);
    }
    expect(readEmail({ email: null }, 'email')).toBeNull();
    expect(readEmail({}, 'email')).toBeUndefined();
  });

  // Its anchors cannot be broken alone: the text is at most 36 characters, a uuid's length.
  it('reads a uuid in lower case', () => {
    const uuid = '0F8FAD5B-D9CB-469F-A165-70867728950E';
    expect(readUuid({ id: uuid }, 'id')).toBe(uuid.toLowerCase());
    for (const bad of [uuid.slice(1), `x${uuid.slice(1)}`, `${uuid.slice(0, -1)}g`]) {
      expect(problemOf(() => readUuid({ id: bad }, 'id')).message).toBe(`"${bad}" is not a UUID`);
    }
    expect(readUuid({ id: null }, 'id')).toBeNull();
    expect(readUuid({}, 'id')).toBeUndefined();
  });
});

describe('messages', () => {
  it('describes what was sent', () => {
    expect(describeValue([1])).toBe('a list');
    expect(describeValue(null)).toBe('null');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue('x')).toBe('string "x"');
    expect(describeValue(3)).toBe('number 3');
  });

  it('lists the known fields when one is not', () => {
    const p = problemOf(() => checkKnownFields({ amonut: '1' }, new Set(['amount', 'currency']), 'revenue'));
    expect(p.field).toBe('amonut');
    expect(p.message).toBe('is not a field of a revenue record (known: amount, currency)');
  });
});
