import { describe, expect, it } from 'vitest';
import { allocateAmount, reverseAllocation, type ShareWeight } from '../../../src/main/payouts/allocate';

// allocateAmount and reverseAllocation break equal remainders by payee id (the lowest
// wins), whatever order the shares come in: a unit left over between equal shares always
// goes to the same payee. Shares are listed highest id first so that position order and
// id order disagree.

const share = (payeeId: number, weight: number, fixed: number | null = null): ShareWeight => ({ payeeId, weight: BigInt(weight), fixed: fixed === null ? null : BigInt(fixed) });

describe('allocation ties', () => {
  it('a rule\'s equal percentages: the left-over unit goes to the lowest payee id', () => {
    expect(allocateAmount(1n, [share(3, 500_000), share(2, 500_000)], [])).toEqual({ parts: [{ payeeId: 2, micros: 1n }], unallocated: 0n });
    expect(allocateAmount(-1n, [share(3, 500_000), share(2, 500_000)], [])).toEqual({ parts: [{ payeeId: 2, micros: -1n }], unallocated: 0n });
  });

  it('equal fixed amounts scaled down to a smaller revenue: the left-over unit goes to the lowest payee id', () => {
    expect(allocateAmount(3n, [share(9, 0, 2), share(4, 0, 2)], [])).toEqual({ parts: [{ payeeId: 4, micros: 2n }, { payeeId: 9, micros: 1n }], unallocated: 0n });
  });

  it('equal fallback percentages: the left-over unit goes to the lowest payee id', () => {
    expect(allocateAmount(1n, null, [share(7, 500_000), share(5, 500_000)])).toEqual({ parts: [{ payeeId: 5, micros: 1n }], unallocated: 0n });
  });

  it('a partial refund of equal parts: the left-over unit goes back from the lowest payee id', () => {
    const sale = { parts: [{ payeeId: 8, micros: 5n }, { payeeId: 6, micros: 5n }], unallocated: 0n };
    expect(reverseAllocation(-1n, sale)).toEqual({ parts: [{ payeeId: 6, micros: -1n }], unallocated: 0n });
  });
});
