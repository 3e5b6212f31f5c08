import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ROW_MICROS, MoneyError, decimalToMicros, decimalToRowMicros, microsToDecimal, sumMoney } from '../../src/shared/money';

describe('money', () => {
  it('parses plain decimals into exact micro-units', () => {
    expect(decimalToMicros('12.5')).toBe(12_500_000n);
    expect(decimalToMicros('-0.000001')).toBe(-1n);
    expect(decimalToMicros('0')).toBe(0n);
    expect(decimalToMicros('90071992547.409910')).toBe(90_071_992_547_409_910n);
  });

  it.each(['1e3', '0x1F', '1_000', 'NaN', 'Infinity', '', ' 1', '1,000', '+1', '1.', '.5', '1.0000001'])('rejects %j', (text) => {
    expect(() => decimalToMicros(text)).toThrow(MoneyError);
  });

  it('names the limit when a row amount is too large to hold exactly', () => {
    expect(() => decimalToRowMicros('9007199254.740992')).toThrow(/largest amount a row can hold/);
    expect(decimalToRowMicros('9007199254.740991')).toBe(MAX_ROW_MICROS);
  });

  it('holds the limit on both sides: the largest refund fits, one micro-unit more does not', () => {
    expect(decimalToRowMicros('-9007199254.740991')).toBe(-MAX_ROW_MICROS);
    expect(() => decimalToRowMicros('-9007199254.740992')).toThrow('"-9007199254.740992" is larger than the largest amount a row can hold (9007199254.740991)');
  });

  it('says what is wrong with a refused amount, as a MoneyError', () => {
    const failure = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected a MoneyError');
    };
    const notPlain = failure(() => decimalToMicros('1e3'));
    expect(notPlain).toBeInstanceOf(MoneyError);
    expect({ name: notPlain.name, message: notPlain.message }).toEqual({ name: 'MoneyError', message: '"1e3" is not a plain decimal number' });
    expect(failure(() => decimalToMicros('1.0000001')).message).toBe('"1.0000001" has 7 decimals; at most 6 can be stored exactly');
    expect(failure(() => microsToDecimal(0.5)).message).toBe('0.5 is not an exact integer amount');
  });

  it('formats with at least two decimals and no trailing zeros beyond', () => {
    expect(microsToDecimal(12_500_000n)).toBe('12.50');
    expect(microsToDecimal(-125_000)).toBe('-0.125');
    expect(microsToDecimal(1)).toBe('0.000001');
    expect(microsToDecimal(0)).toBe('0.00');
    expect(() => microsToDecimal(2 ** 60)).toThrow(MoneyError);
  });

  it('round-trips every integer amount exactly (bigint and safe number paths agree)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), (micros) => {
        const text = microsToDecimal(micros);
        expect(decimalToMicros(text)).toBe(micros);
        if (micros >= -MAX_ROW_MICROS && micros <= MAX_ROW_MICROS) expect(microsToDecimal(Number(micros))).toBe(text);
      }),
    );
  });

  it('sums to the last unit where floats drift', () => {
    const values = Array.from({ length: 1000 }, () => '0.10');
    expect(sumMoney(values)).toBe('100.00');
    expect(values.reduce((s, v) => s + Number(v), 0)).not.toBe(100); // the float sum drifts
  });
});
