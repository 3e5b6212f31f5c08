import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, type AmountResult, type ParseAmountOptions } from '../../../../src/main/imports/parse/index';
import { MAX_ROW_MICROS } from '../../../../src/shared/money';

function micros(text: string, options: ParseAmountOptions = {}): bigint {
  const result = parseAmount(text, options);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result.micros;
}

function rejection(text: string, options: ParseAmountOptions = {}): string {
  const result = parseAmount(text, options);
  if (result.ok || result.ambiguous) throw new Error(`${text} was not rejected: ${JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  return result.message;
}

describe('parseAmount accepts', () => {
  it.each([
    ['1,234.56', 1_234_560_000n],
    ['1.234,56', 1_234_560_000n],
    ['1 234,56', 1_234_560_000n],
    ['1\u00A0234,56', 1_234_560_000n], // no-break space
    ['1\u202F234,56', 1_234_560_000n], // narrow no-break space
    ['1\u2009234.56', 1_234_560_000n], // thin space
    ['(12.50)', -12_500_000n],
    ['12.50-', -12_500_000n],
    ['-12.50', -12_500_000n],
    ['\u221212.50', -12_500_000n], // minus sign
    ['+12.50', 12_500_000n],
    ['$12.50', 12_500_000n],
    ['-$12.50', -12_500_000n],
    ['$-12.50', -12_500_000n],
    ['($1,234.50)', -1_234_500_000n],
    ['€1.234,50', 1_234_500_000n],
    ['£0.99', 990_000n],
    ['¥1,000.5', 1_000_500_000n],
    ['USD 12.50', 12_500_000n],
    ['12.50 EUR', 12_500_000n],
    ['12,50 €', 12_500_000n],
    ['-12,50 EUR', -12_500_000n],
    ['  42  ', 42_000_000n],
    ['0.123456', 123_456n],
    ['1.5000000', 1_500_000n], // digits past the scale are zeros: still exact
    ['12.5', 12_500_000n],
    ['.5', 500_000n],
    ['0', 0n],
    ['-0.00', 0n],
    ['007.50', 7_500_000n],
    ['1,234,567.891', 1_234_567_891_000n],
    ['9007199254.740991', MAX_ROW_MICROS],
    ['-9007199254.740991', -MAX_ROW_MICROS],
  ])('%s', (text, expected) => {
    expect(micros(text)).toBe(expected);
  });

  it('reports the currency mark it saw and the convention that read the number', () => {
    expect(parseAmount('12,50 EUR')).toMatchObject({ ok: true, currency: 'EUR', convention: 'comma' });
    expect(parseAmount('$1,234.50')).toMatchObject({ ok: true, currency: '$', convention: 'dot' });
    expect(parseAmount('1234')).toMatchObject({ ok: true, currency: null, convention: null });
  });

  it('reads minor units (cents) when the profile says so', () => {
    expect(micros('1250', { unit: 'minor' })).toBe(12_500_000n);
    expect(micros('-5', { unit: 'minor', minorUnitDigits: 0 })).toBe(-5_000_000n);
    expect(rejection('12.50', { unit: 'minor' })).toContain('whole numbers');
  });
});

describe('parseAmount rejects', () => {
  it.each([
    ['0x1F', 'hexadecimal'],
    ['-0x1f', 'hexadecimal'],
    ['1_000', 'underscores'],
    ['1e3', 'exponent notation'],
    ['1.5E-3', 'exponent notation'],
    ['NaN', 'not a number'],
    ['-nan', 'not a number'],
    ['Infinity', 'not a finite amount'],
    ['-Infinity', 'not a finite amount'],
    ['∞', 'not a finite amount'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['1.1234567', '7 decimals; at most 6'],
    ['0,0000001', '7 decimals; at most 6'],
    ['9007199254.740992', 'larger than the largest amount'],
    ['99999999999999999999', 'larger than the largest amount'],
    ['1,23,4.5', 'misplaced digit-group separator'],
    ['12,34,567.00', 'misplaced digit-group separator'],
    ['0,123.45', 'misplaced digit-group separator'],
    ['1.234.5', 'misplaced digit-group separator'],
    ['1.2.3', 'misplaced'],
    ['1,234.567.8', 'separators after the decimal mark'],
    ['1.234,5,6', 'separators after the decimal mark'],
    ['1,2', 'misplaced digit-group separator', 'dot'],
    ['1 234.567,8', 'mixed digit-group separators'],
    ['--5', 'more than one sign'],
    ['+-5', 'more than one sign'],
    ['(-5)', 'more than one sign'],
    ['-5-', 'more than one sign'],
    ['(5', 'unbalanced parentheses'],
    ['5)', 'unbalanced parentheses'],
    ['((5))', 'unbalanced parentheses'],
    ['$5 USD', 'two currency marks'],
    ['12.', 'nothing follows the decimal point'],
    ['abc', 'not a number'],
    ['12abc', 'not a number'],
    ['1/2', 'not a number'],
    ['$', 'not a number'],
    ['-', 'not a number'],
    ["1'234.50", 'apostrophes'],
    ['١٢٣', 'not a number'],
  ])('%s (%s)', (text, message, convention?: string) => {
    expect(rejection(text, { convention: (convention ?? 'auto') as 'auto' })).toContain(message);
  });

  it('honours a profile that turns off parentheses or trailing minus', () => {
    expect(rejection('(12.50)', { parentheses: false })).toContain('parentheses');
    expect(rejection('12.50-', { trailingMinus: false })).toContain('trailing minus');
  });

  it('reads only the chosen convention', () => {
    expect(micros('1.000', { convention: 'dot' })).toBe(1_000_000n);
    expect(micros('1.000', { convention: 'comma' })).toBe(1_000_000_000n);
    expect(rejection('1.234,56', { convention: 'dot' })).toContain('"1.234,56"');
    expect(rejection('1,234.56', { convention: 'comma' })).toContain('"1,234.56"');
  });
});

describe('parseAmount with convention auto', () => {
  it.each([
    ['1.000', 1_000_000n, 1_000_000_000n],
    ['1,000', 1_000_000_000n, 1_000_000n],
    ['1,234', 1_234_000_000n, 1_234_000n],
    ['-12.345', -12_345_000n, -12_345_000_000n],
    ['(999,999)', -999_999_000_000n, -999_999_000n],
  ])('%s is ambiguous, with both readings', (text, dot, comma) => {
    const result = parseAmount(text);
    expect(result).toMatchObject({ ok: false, ambiguous: true, readings: { dot, comma } });
    expect((result as { message: string }).message).toContain('choose the number format');
  });

  it.each([
    ['1,234.56', 'dot'],
    ['1.234,56', 'comma'],
    ['12.5', 'dot'],
    ['12,5', 'comma'],
    ['0.500', 'dot'], // "0.500" cannot be a thousands group
    ['1,234,567', 'dot'],
    ['1.234.567', 'comma'],
  ])('%s is read unambiguously (%s)', (text, convention) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, convention });
  });
});

// Forms that must never produce a value, wrapped in any sign/currency/space decoration.
const rejectedCore = fc.oneof(
  fc.bigInt({ min: 0n, max: 1n << 40n }).map((n) => `0x${n.toString(16)}`),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}_${String(b).padStart(3, '0')}`),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 30 })).map((p) => p.join('')),
  fc.constantFrom('NaN', 'nan', 'Infinity', 'INF', 'inf', '∞', ''),
  fc.tuple(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^\d{7,12}$/).filter((d) => !/^\d{6}0+$/.test(d))).map(([w, f]) => `${w}.${f}`),
);
const decoration = fc.tuple(fc.constantFrom('', '-', '+', '$', 'USD ', ' '), fc.constantFrom('', '-', ' EUR', ' '));

describe('parseAmount properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('auto', 'dot', 'comma') as fc.Arbitrary<'auto' | 'dot' | 'comma'>, (text, convention) => {
        const result: AmountResult = parseAmount(text, { convention });
        if (result.ok) expect(result.micros <= MAX_ROW_MICROS && result.micros >= -MAX_ROW_MICROS).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '0', '9', '.', ',', ' ', '-', '+', '(', ')', '$', 'E', 'U', 'R', '_', 'x', 'e'), maxLength: 30 }), (text) => {
        parseAmount(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never returns a value for a rejected form', () => {
    fc.assert(
      fc.property(rejectedCore, decoration, fc.constantFrom('auto', 'dot', 'comma') as fc.Arbitrary<'auto' | 'dot' | 'comma'>, (core, [before, after], convention) => {
        const result = parseAmount(before + core + after, { convention });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  // Format micro-units the way a spreadsheet would, grouped, with all six decimals.
  function formatted(value: bigint, convention: 'dot' | 'comma', style: number): string {
    const abs = value < 0n ? -value : value;
    const whole = (abs / 1_000_000n).toString();
    const fraction = (abs % 1_000_000n).toString().padStart(6, '0');
    const [group, point] = convention === 'dot' ? [',', '.'] : [['.', ' ', '\u00A0'][style % 3], ','];
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    const number = `${grouped}${point}${fraction}`;
    if (value >= 0n) return style % 2 === 0 ? number : `$${number}`;
    return [`-${number}`, `(${number})`, `${number}-`, `-$${number}`][style % 4];
  }

  it('formatting micro-units as "1,234.567891" (or "1.234,567891") and parsing gives them back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_ROW_MICROS, max: MAX_ROW_MICROS }), fc.nat(11), (value, style) => {
        expect(parseAmount(formatted(value, 'dot', style), { convention: 'dot' })).toMatchObject({ ok: true, micros: value });
        expect(parseAmount(formatted(value, 'comma', style), { convention: 'comma' })).toMatchObject({ ok: true, micros: value });
        // Six decimals always settle the convention, so 'auto' reads them too.
        expect(parseAmount(formatted(value, 'dot', style))).toMatchObject({ ok: true, micros: value });
      }),
      { numRuns: 3000 },
    );
  });
});
