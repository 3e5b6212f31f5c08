import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDifference, withinTolerance } from '../../src/main/reconciliation/tolerance';

const tolerance = (micros: bigint, percentMicros: bigint) => ({ micros, percentMicros });

describe('tolerance', () => {
  it('holds exactly at the absolute limit and not one micro-unit above, for credits and charges alike', () => {
    const t = tolerance(1_000_000n, 100_000_000n);
    expect(withinTolerance(1_000_000n, 10_000_000n, t)).toBe(true);
    expect(withinTolerance(-1_000_000n, 10_000_000n, t)).toBe(true);
    expect(withinTolerance(1_000_001n, 10_000_000n, t)).toBe(false);
    expect(withinTolerance(-1_000_001n, 10_000_000n, t)).toBe(false);
  });

  it('holds exactly at the percent of the estimate and not one micro-unit above', () => {
    // 1.5 % of 200.00 is 3.00
    const t = tolerance(1_000_000_000n, 1_500_000n);
    expect(withinTolerance(3_000_000n, 200_000_000n, t)).toBe(true);
    expect(withinTolerance(3_000_001n, 200_000_000n, t)).toBe(false);
    expect(withinTolerance(-3_000_000n, 200_000_000n, t)).toBe(true);
  });

  it('with a zero estimate only a zero difference is within the percent', () => {
    const t = tolerance(5_000_000n, 10_000_000n);
    expect(withinTolerance(0n, 0n, t)).toBe(true);
    expect(withinTolerance(1n, 0n, t)).toBe(false);
    expect(withinTolerance(-1n, 0n, t)).toBe(false);
  });

  it('a zero tolerance lets only exact matches through', () => {
    expect(withinTolerance(0n, 5n, tolerance(0n, 0n))).toBe(true);
    expect(withinTolerance(1n, 5_000_000n, tolerance(0n, 0n))).toBe(false);
  });

  it('agrees with the definition on exact rationals for any amounts', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 15n), 10n ** 15n), fc.bigInt(-(10n ** 15n), 10n ** 15n), fc.bigInt(0n, 10n ** 12n), fc.bigInt(0n, 100_000_000n), (adj, consumed, abs, pct) => {
        const a = adj < 0n ? -adj : adj;
        const c = consumed < 0n ? -consumed : consumed;
        // |adj| <= abs and |adj| / |consumed| <= pct / 100_000_000 (cross-multiplied, exact)
        const expected = a <= abs && a * 100_000_000n <= pct * c;
        expect(withinTolerance(adj, consumed, tolerance(abs, pct))).toBe(expected);
      }),
    );
  });
});

describe('percent difference', () => {
  it('is adjustment over estimate in percent, two decimals, half away from zero; none without an estimate', () => {
    expect(percentDifference(1_000_000n, 100_000_000n)).toBe('1.00');
    expect(percentDifference(-1_000_000n, 300_000_000n)).toBe('-0.33');
    expect(percentDifference(5n, 1_000_000n)).toBe('0.00');
    expect(percentDifference(1_005n, 10_000_000n)).toBe('0.01');
    expect(percentDifference(-1_005n, 10_000_000n)).toBe('-0.01');
    expect(percentDifference(150_000_000n, 100_000_000n)).toBe('150.00');
    expect(percentDifference(1n, 0n)).toBeNull();
  });

  it('takes the sign of adjustment over estimate (a negative estimate flips it), and a difference that rounds to zero has no sign', () => {
    expect(percentDifference(1_000_000n, -100_000_000n)).toBe('-1.00');
    expect(percentDifference(-1_000_000n, -100_000_000n)).toBe('1.00');
    expect(percentDifference(-2_500_000n, -200_000_000n)).toBe('1.25');
    expect(percentDifference(-5n, 1_000_000n)).toBe('0.00');
    expect(percentDifference(5n, -1_000_000n)).toBe('0.00');
  });
});
