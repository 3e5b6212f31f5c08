import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmountReader, amountMicros } from '../../../../src/main/imports/mapping/amount-reader';
import { ReadFailure } from '../../../../src/main/imports/mapping/read-failure';
import { parseAmount } from '../../../../src/main/imports/parse';
import { DEFAULT_SIGNS } from '../../../../src/shared/contract/import-files';

const reader = (numberConvention: 'auto' | 'dot' | 'comma', amountUnit: 'major' | 'minor' = 'major') => new AmountReader({ numberConvention, amountUnit, signs: DEFAULT_SIGNS });

describe('AmountReader', () => {
  it('hands plain decimals over as they are and reads every other form exactly', () => {
    const r = reader('dot');
    expect(r.read('12.50', 'Gross')).toBe('12.50');
    expect(r.read('-7', 'Gross')).toBe('-7');
    expect(r.read('1,250.00', 'Gross')).toBe(1_250_000_000n);
    expect(r.read('(3.20)', 'Gross')).toBe(-3_200_000n);
    expect(r.read('$ 4.5', 'Gross')).toBe(4_500_000n);
    expect(reader('comma').read('1.234,56', 'Betrag')).toBe(1_234_560_000n);
    expect(reader('dot', 'minor').read('1250', 'Cents')).toBe(12_500_000n);
  });

  it('names the column in what it refuses', () => {
    const failure = reader('dot').read('12,5,0', 'Gross') as ReadFailure;
    expect(failure).toBeInstanceOf(ReadFailure);
    expect(failure.message).toMatch(/^Gross: "12,5,0"/);
    expect(failure.ambiguity).toBeNull();
  });

  it("with 'auto', returns a value two conventions read differently as an ambiguity with both readings", () => {
    const failure = reader('auto').read('1.000', 'Amount') as ReadFailure;
    expect(failure.ambiguity).toEqual({
      kind: 'number_convention',
      column: 'Amount',
      text: '1.000',
      readings: [
        { value: 'dot', reading: '1' },
        { value: 'comma', reading: '1000' },
      ],
    });
  });

  it('lets the first value only one convention reads decide, and explains a later value of the other', () => {
    const r = reader('auto');
    expect(r.read('1000', 'Amount')).toBe('1000');
    expect(r.convention).toBeNull();
    expect(r.read('1.234,56', 'Amount')).toBe(1_234_560_000n);
    expect(r.convention).toBe('comma');
    expect(r.read('1.000', 'Amount')).toBe(1_000_000_000n);
    const failure = r.read('1,234.56', 'Amount') as ReadFailure;
    expect(failure.message).toContain('It reads only with a decimal point (1,234.56), but this file\'s amounts use a decimal comma (1.234,56) ("1.234,56" in Amount).');
  });

  it('observe() learns from a sample without reading it, and sees a file that contradicts itself', () => {
    const r = reader('auto');
    for (const text of ['1.000', '', '2.500']) r.observe(text, 'Amount');
    expect(r.convention).toBeNull();
    expect(r.ambiguous.map((a) => [a.text, a.dot, a.comma])).toEqual([
      ['1.000', '1', '1000'],
      ['2.500', '2.5', '2500'],
    ]);
    r.observe('1,234.56', 'Amount');
    r.observe('1.234,56', 'Fee');
    expect(r.conflicting).toBe(true);
  });

  it('agrees with parseAmount, to the micro-unit, on any amount a decided reader reads', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (micros, decimals, grouped) => {
        const scale = 10n ** BigInt(6 - decimals);
        const value = (micros / scale) * scale;
        const abs = value < 0n ? -value : value;
        let whole = (abs / 1_000_000n).toString();
        if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const fraction = (abs % 1_000_000n).toString().padStart(6, '0').slice(0, decimals);
        const text = `${value < 0n ? '-' : ''}${whole}${decimals ? '.' + fraction : ''}`;
        const read = reader('dot').read(text, 'A');
        const parsed = parseAmount(text, { convention: 'dot' });
        expect(parsed.ok).toBe(true);
        expect(amountMicros(read as string | bigint)).toBe(parsed.ok ? parsed.micros : null);
        expect(amountMicros(read as string | bigint)).toBe(value);
      }),
    );
  });
});
