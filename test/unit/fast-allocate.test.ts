import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateAmount, type ShareWeight } from '../../src/main/payouts/allocate';
import { allocateFast, compileShares, PartsBuffer } from '../../src/main/payouts/fast-allocate';
import { ExactSum } from '../../src/main/payouts/exact-sum';

// The run's number-only allocation must give exactly what the BigInt one gives, for any
// amount (both sides of the 2^53 hand-over), shares, fixed amounts and fallbacks.

const share = fc.record({
  payeeId: fc.integer({ min: 1, max: 9 }),
  weight: fc.integer({ min: 0, max: 400_000 }),
  fixed: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null }),
});
const shares = fc.uniqueArray(share, { maxLength: 5, selector: (s) => s.payeeId }).filter((list) => list.reduce((a, s) => a + s.weight, 0) <= 1_000_000);
const fallbacks = fc.uniqueArray(fc.record({ payeeId: fc.integer({ min: 1, max: 9 }), weight: fc.integer({ min: 1, max: 700_000 }) }), { maxLength: 3, selector: (s) => s.payeeId });
const amount = fc.oneof(
  fc.integer({ min: -50_000_000, max: 50_000_000 }),
  fc.constantFrom(0, 1, -1, 100, -100, 9_999),
  // Past 2^53 / 10^6: the BigInt hand-over.
  fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
);

const toBig = (list: Array<{ payeeId: number; weight: number; fixed?: number | null }>): ShareWeight[] =>
  list.map((s) => ({ payeeId: s.payeeId, weight: BigInt(s.weight), fixed: s.fixed == null ? null : BigInt(s.fixed) }));

describe('allocateFast', () => {
  it('gives exactly the parts and the unallocated rest of allocateAmount', () => {
    fc.assert(
      fc.property(amount, fc.option(shares, { nil: null }), fallbacks, (micros, ruleShares, fallback) => {
        const big = allocateAmount(BigInt(micros), ruleShares && toBig(ruleShares), toBig(fallback));
        const out = new PartsBuffer();
        allocateFast(micros, ruleShares && compileShares(toBig(ruleShares)), compileShares(toBig(fallback)), out);
        const parts = Array.from({ length: out.count }, (_, i) => ({ payeeId: out.payeeIds[i], micros: BigInt(out.micros[i]) }));
        expect({ parts, unallocated: BigInt(out.unallocated) }).toEqual(big);
      }),
      { numRuns: 3000 },
    );
  });

  it('the issue\'s vectors: 100 split 1:1:1 is 34/33/33, -100 is -34/-33/-33, 1 split 1:1 is 1/0, 9999 split 75:25 is 7499/2500', () => {
    const out = new PartsBuffer();
    const third = compileShares(toBig([1, 2, 3].map((payeeId) => ({ payeeId, weight: 333_333 }))));
    const none = compileShares([]);
    // 33.3333% each leaves a 0.0001% rest: 100 micro-units still give 34/33/33 and nothing unallocated.
    allocateFast(100, third, none, out);
    expect([out.micros.slice(0, out.count), out.unallocated]).toEqual([[34, 33, 33], 0]);
    allocateFast(-100, third, none, out);
    expect([out.micros.slice(0, out.count), out.unallocated]).toEqual([[-34, -33, -33], 0]);
    allocateFast(1, compileShares(toBig([{ payeeId: 2, weight: 500_000 }, { payeeId: 1, weight: 500_000 }])), none, out);
    expect([out.payeeIds.slice(0, out.count), out.micros.slice(0, out.count)]).toEqual([[1], [1]]);
    allocateFast(9_999, compileShares(toBig([{ payeeId: 5, weight: 250_000 }, { payeeId: 4, weight: 750_000 }])), none, out);
    expect([out.payeeIds.slice(0, out.count), out.micros.slice(0, out.count)]).toEqual([[4, 5], [7_499, 2_500]]);
  });
});

describe('ExactSum', () => {
  it('adds safe integers exactly past 2^53', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), { maxLength: 40 }), (values) => {
        const sum = new ExactSum();
        values.forEach((v) => sum.add(v));
        expect(sum.value()).toBe(values.reduce((a, v) => a + BigInt(v), 0n));
      }),
    );
  });
});
