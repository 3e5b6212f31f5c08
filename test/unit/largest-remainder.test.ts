import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByWeights } from '../../src/shared/largest-remainder';

describe('splitByWeights (largest remainder)', () => {
  it('the vectors accountants check', () => {
    expect(splitByWeights(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(splitByWeights(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(splitByWeights(1n, [1n, 1n])).toEqual([1n, 0n]);
    expect(splitByWeights(9999n, [75n, 25n])).toEqual([7499n, 2500n]);
    expect(splitByWeights(0n, [3n, 4n])).toEqual([0n, 0n]);
    expect(splitByWeights(10n, [0n, 1n])).toEqual([0n, 10n]);
  });

  it('the order payees are listed in never changes their shares (ties go by key)', () => {
    expect(splitByWeights(100n, [1n, 1n, 1n], ['pe_b', 'pe_a', 'pe_c'])).toEqual([33n, 34n, 33n]);
    expect(splitByWeights(100n, [1n, 1n, 1n], ['pe_c', 'pe_b', 'pe_a'])).toEqual([33n, 33n, 34n]);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), weight: fc.bigInt({ min: 0n, max: 10n ** 6n }) }), { minLength: 1, maxLength: 8, selector: (r) => r.key }),
        (total, parts) => {
          fc.pre(parts.some((p) => p.weight > 0n));
          const shares = new Map(parts.map((p, i) => [p.key, splitByWeights(total, parts.map((q) => q.weight), parts.map((q) => q.key))[i]]));
          const reversed = [...parts].reverse();
          const again = splitByWeights(total, reversed.map((q) => q.weight), reversed.map((q) => q.key));
          reversed.forEach((p, i) => expect(again[i]).toBe(shares.get(p.key)));
        },
      ),
    );
  });

  it('parts add up to the whole exactly, a negative whole gives the negated parts, and each part is within one unit of its exact share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 10 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0n));
        const parts = splitByWeights(total, weights);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        expect(splitByWeights(-total, weights)).toEqual(parts.map((p) => -p));
        const sum = weights.reduce((a, b) => a + b, 0n);
        parts.forEach((part, i) => {
          const exactTimesSum = total * weights[i];
          const diff = part * sum - exactTimesSum;
          expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
        });
      }),
    );
  });

  it('refuses weights that cannot split anything', () => {
    expect(() => splitByWeights(5n, [0n, 0n])).toThrow(RangeError);
    expect(() => splitByWeights(5n, [1n, -1n])).toThrow(RangeError);
    expect(() => splitByWeights(5n, [1n], ['a', 'b'])).toThrow(RangeError);
  });
});
