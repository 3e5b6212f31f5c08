import { describe, expect, it } from 'vitest';
import { CurrencyTotals } from '../../../src/main/imports/records/currency-totals';
import { formatCurrencyTotals } from '../../../src/renderer/pages/imports/currency-totals-text';

describe('control totals per currency', () => {
  it('adds each currency on its own, exactly past MAX_SAFE_INTEGER, sorted by currency', () => {
    const totals = new CurrencyTotals();
    const max = Number.MAX_SAFE_INTEGER;
    totals.add('USD', max);
    totals.add('JPY', 1_500_000_000);
    totals.add('USD', max);
    totals.add('EUR', 9_990_000);
    totals.add('USD', -3_500_000);
    totals.add('USD', max);
    expect(totals.list()).toEqual([
      { currency: 'EUR', amount: '9.99' },
      { currency: 'JPY', amount: '1500.00' },
      { currency: 'USD', amount: String((3n * BigInt(max) - 3_500_000n) / 1_000_000n) + '.' + String((3n * BigInt(max) - 3_500_000n) % 1_000_000n).padStart(6, '0') },
    ]);
    expect(new CurrencyTotals().list()).toEqual([]);
  });

  it('shows each total with its code, in its minor unit, separated, never summed', () => {
    const text = formatCurrencyTotals([
      { currency: 'EUR', amount: '9.99' },
      { currency: 'JPY', amount: '1500.00' },
      { currency: 'USD', amount: '1210.00' },
    ]);
    expect(text).toBe('EUR 9.99 · JPY 1,500 · USD 1,210.00');
    expect(formatCurrencyTotals([{ currency: 'USD', amount: '0.125' }])).toBe('USD 0.13 ≈');
    expect(formatCurrencyTotals([{ currency: 'USD', amount: '0.125' }], true)).toBe('USD 0.125');
    expect(formatCurrencyTotals([{ currency: 'USX', amount: '-2.5' }])).toBe('USX -2.50');
    expect(formatCurrencyTotals([])).toBe('');
  });
});
