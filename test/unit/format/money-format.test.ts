import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMoney, formatDecimal, formatMoney, roundDecimal } from '../../../src/renderer/format/money-format';
import { decimalToMicros, microsToDecimal } from '../../../src/shared/money';

// ICU puts a no-break space between a currency code and the digits ("BHD\u00a01.234").
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');
const en = { locale: 'en-US' };
const exact = { locale: 'en-US', exact: true };

describe('amounts in the currency minor unit', () => {
  it('shows an amount that fits its minor unit as is, unmarked', () => {
    expect(describeMoney('1234.56', 'USD', en)).toMatchObject({ text: '$1,234.56', rounded: false, note: null, exact: '1234.56' });
    expect(describeMoney('12.50', 'EUR', en).text).toBe('€12.50');
    expect(describeMoney('1500.00', 'JPY', en)).toMatchObject({ text: '¥1,500', rounded: false });
    expect(describeMoney('-3.00', 'USD', en).text).toBe('-$3.00');
    expect(describeMoney('1.234', 'BHD', en)).toMatchObject({ text: nbsp('BHD 1.234'), rounded: false });
    expect(describeMoney('0.0001', 'CLF', en)).toMatchObject({ text: nbsp('CLF 0.0001'), rounded: false });
  });

  it('rounds sub-unit amounts half away from zero and marks them, keeping the exact string', () => {
    expect(describeMoney('0.125', 'USD', en)).toMatchObject({ text: '$0.13', rounded: true, exact: '0.125' });
    expect(describeMoney('-0.125', 'USD', en)).toMatchObject({ text: '-$0.13', rounded: true, exact: '-0.125' });
    expect(describeMoney('1500.5', 'JPY', en)).toMatchObject({ text: '¥1,501', rounded: true, exact: '1500.5' });
    expect(describeMoney('-1500.5', 'JPY', en).text).toBe('-¥1,501');
    expect(describeMoney('1.0005', 'BHD', en).text).toBe(nbsp('BHD 1.001'));
    expect(describeMoney('0.00005', 'CLF', en).text).toBe(nbsp('CLF 0.0001'));
    expect(formatMoney('0.125', 'USD', en)).toBe('$0.13 ≈');
  });

  it('rounds where a float would not: 1.005 and 0.115 are exact halves', () => {
    // As doubles 1.005 is 1.00499999999999989... and rounds down.
    expect(describeMoney('1.005', 'USD', en).text).toBe('$1.01');
    expect(describeMoney('0.115', 'USD', en).text).toBe('$0.12');
    expect(describeMoney('0.114999', 'USD', en).text).toBe('$0.11');
  });

  it('shows a sub-cent amount that rounds to zero as zero, still marked, with no minus sign', () => {
    expect(describeMoney('-0.000001', 'USD', en)).toMatchObject({ text: '$0.00', rounded: true, exact: '-0.000001' });
    expect(describeMoney('0.004999', 'USD', en)).toMatchObject({ text: '$0.00', rounded: true });
  });

  it('keeps the largest row amount exact in digits and in the tooltip', () => {
    const shown = describeMoney('9007199254.740991', 'USD', en);
    expect(shown).toMatchObject({ text: '$9,007,199,254.74', rounded: true, exact: '9007199254.740991' });
    expect(shown.note).toContain('$9,007,199,254.740991');
    expect(shown.note).toContain('2 decimals');
  });

  it('formats totals far beyond any float exactly', () => {
    const huge = '123456789012345678901234567.895';
    expect(describeMoney(huge, 'USD', en).text).toBe('$123,456,789,012,345,678,901,234,567.90');
    expect(describeMoney(huge, 'USD', exact).text).toBe('$123,456,789,012,345,678,901,234,567.895');
    expect(describeMoney('-99999999999999999999.995', 'EUR', en).text).toBe('-€100,000,000,000,000,000,000.00');
  });

  it('shows every digit in exact mode, in the currency minor unit at least', () => {
    expect(describeMoney('0.125', 'USD', exact)).toMatchObject({ text: '$0.125', rounded: false, note: null });
    expect(describeMoney('0.000001', 'USD', exact).text).toBe('$0.000001');
    expect(describeMoney('1500.5', 'JPY', exact).text).toBe('¥1,500.5');
    expect(describeMoney('12.5', 'USD', exact).text).toBe('$12.50');
    expect(describeMoney('9007199254.740991', 'USD', exact).text).toBe('$9,007,199,254.740991');
    expect(formatMoney('0.125', 'USD', exact)).toBe('$0.125');
  });

  it('shows an unknown currency exactly, with its code', () => {
    expect(describeMoney('0.125', 'USX', en)).toMatchObject({ text: '0.125 USX', rounded: false, knownCurrency: false });
    expect(describeMoney('1234.50', 'usd', en).text).toBe('1,234.50 usd');
    expect(describeMoney('1234.50', 'USX', en).note).toMatch(/smallest unit of USX is not known/);
  });

  it('passes text that is not a canonical amount through untouched', () => {
    expect(describeMoney('1e3', 'USD', en)).toMatchObject({ text: '1e3', rounded: false });
    expect(formatDecimal('abc', 'en-US')).toBe('abc');
  });

  it('formats an amount without a currency exactly', () => {
    expect(formatDecimal('21033.693404', 'en-US')).toBe('21,033.693404');
    expect(formatDecimal('-5', 'en-US')).toBe('-5.00');
  });
});

describe('roundDecimal', () => {
  it('rounds half away from zero on the digits', () => {
    expect(roundDecimal('0.125', 2)).toBe('0.13');
    expect(roundDecimal('-0.125', 2)).toBe('-0.13');
    expect(roundDecimal('0.124999', 2)).toBe('0.12');
    expect(roundDecimal('1500.5', 0)).toBe('1501');
    expect(roundDecimal('1499.499999', 0)).toBe('1499');
    expect(roundDecimal('9.995', 2)).toBe('10.00');
    expect(roundDecimal('-0.001', 2)).toBe('0.00');
    expect(roundDecimal('7', 2)).toBe('7.00');
    expect(roundDecimal('0.5', 0)).toBe('1');
  });

  it('agrees with rounding the micro-units as integers, for any amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: 0, max: 6 }), (micros, digits) => {
        const step = 10n ** BigInt(6 - digits);
        const magnitude = micros < 0n ? -micros : micros;
        const roundedMagnitude = ((magnitude + step / 2n) / step) * step; // half up on the magnitude
        const expected = microsToDecimal(micros < 0n ? -roundedMagnitude : roundedMagnitude);
        const actual = roundDecimal(microsToDecimal(micros), digits);
        expect(decimalToMicros(actual)).toBe(decimalToMicros(expected));
        expect(actual.split('.')[1]?.length ?? 0).toBe(digits);
      }),
    );
  });

  it('matches Intl rounding a decimal string (halfExpand) in this runtime', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2, useGrouping: false });
    for (const text of ['0.125', '-0.125', '1.005', '0.115', '2.675', '-2.675', '9007199254.740991', '0.004999', '0.005']) {
      expect(roundDecimal(text, 2)).toBe(intl.format(text as `${number}`).replace(/^-(0\.00)$/, '$1'));
    }
  });
});
