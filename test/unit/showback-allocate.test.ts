import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMonth, monthTotals, type CommitmentMonth, type ShowbackLine, type TargetUsage } from '../../src/main/reports/showback/allocate';

// Showback of one month: by-hand cases for each method and the unallocated row, and for
// random data the rows add up exactly to the month's totals per currency.

function commitment(over: Partial<CommitmentMonth>): CommitmentMonth {
  return { key: 'c1', currency: 'USD', premium: 0n, rebates: 0n, commitment_cost: 0n, method: 'proportional', ...over };
}
const use = (target: string, covered: bigint, on_demand = 0n, currency = 'USD'): TargetUsage => ({ target, currency, covered, on_demand });
const pick = (lines: ShowbackLine[], key: keyof ShowbackLine) => lines.map((l) => [l.target, l[key]]);
/** Each row's target with its shares: [target, premium, rebates, commitment_cost]. */
const shares = (lines: ShowbackLine[]) => lines.map((l) => [l.target, l.premium, l.rebates, l.commitment_cost]);

describe('allocateMonth by hand', () => {
  it('spreads in proportion to covered usage, the remainder to the largest remainders', () => {
    // 100.000001 over covered 1:1:1: the two spare micro-units go to the first targets by name (equal remainders).
    const lines = allocateMonth([commitment({ premium: 100_000_001n, rebates: 10n, commitment_cost: 7n })], [use('a', 1n), use('b', 1n), use('c', 1n)]);
    expect(shares(lines)).toEqual([
      ['a', 33_333_334n, 4n, 3n],
      ['b', 33_333_334n, 3n, 2n],
      ['c', 33_333_333n, 3n, 2n],
    ]);
    expect(lines[0].effective_cost).toBe(33_333_334n + 3n - 4n);
    expect(lines[0].savings).toBe(1n - lines[0].effective_cost);
  });

  it('weights by covered cost: 3 to 1', () => {
    const lines = allocateMonth([commitment({ premium: 1_000n })], [use('big', 300n), use('small', 100n), use('none', 0n, 50n)]);
    expect(pick(lines, 'premium')).toEqual([
      ['big', 750n],
      ['none', 0n],
      ['small', 250n],
    ]);
    // A target with on-demand usage only keeps its row, with no share.
    expect(lines[1]).toMatchObject({ on_demand: 50n, covered: 0n, effective_cost: 0n, savings: 0n });
  });

  it('even: the same to every target with covered usage, whatever its size', () => {
    const lines = allocateMonth([commitment({ premium: 10n, method: 'even' })], [use('a', 900n), use('b', 1n), use('c', 0n, 5n)]);
    expect(pick(lines, 'premium')).toEqual([
      ['a', 5n],
      ['b', 5n],
      ['c', 0n],
    ]);
  });

  it('fixed: by the shares, including a target with no usage that month', () => {
    const lines = allocateMonth(
      [commitment({ premium: 1_000n, rebates: 3n, method: 'fixed', fixedShares: [{ target: 'x', weight: 60n }, { target: 'y', weight: 40n }] })],
      [use('x', 5n), use('z', 1_000n)],
    );
    expect(shares(lines)).toEqual([
      ['x', 600n, 2n, 0n],
      ['y', 400n, 1n, 0n],
      ['z', 0n, 0n, 0n],
    ]);
  });

  it('a month with no covered usage: the whole commitment is an unallocated row, last', () => {
    const lines = allocateMonth([commitment({ premium: 500n, commitment_cost: 20n, rebates: 5n })], [use('a', 0n, 70n)]);
    expect(lines).toEqual([
      { target: 'a', currency: 'USD', on_demand: 70n, covered: 0n, premium: 0n, rebates: 0n, commitment_cost: 0n, effective_cost: 0n, savings: 0n },
      { target: null, currency: 'USD', on_demand: 0n, covered: 0n, premium: 500n, rebates: 5n, commitment_cost: 20n, effective_cost: 515n, savings: -515n },
    ]);
  });

  it('never mixes currencies: EUR usage does not carry a USD commitment', () => {
    const lines = allocateMonth([commitment({ premium: 90n }), commitment({ key: 'c2', currency: 'EUR', premium: 8n })], [use('a', 10n, 0n, 'EUR'), use('b', 10n, 0n, 'EUR')]);
    expect(lines.map((l) => [l.currency, l.target, l.premium])).toEqual([
      ['EUR', 'a', 4n],
      ['EUR', 'b', 4n],
      ['USD', null, 90n],
    ]);
  });

  it('refuses fixed shares that add up to nothing', () => {
    expect(() => allocateMonth([commitment({ method: 'fixed', fixedShares: [] })], [use('a', 1n)])).toThrow(/fixed shares/);
  });
});

const CURRENCIES = ['USD', 'EUR', 'JPY'];
const TARGETS = ['acct-a', 'acct-b', 'acct-c', 'acct-d', 'svc'];
const amount = fc.bigInt({ min: 0n, max: 9_007_199_254_740_991n });
const usageArb = fc.record({
  target: fc.constantFrom(...TARGETS),
  currency: fc.constantFrom(...CURRENCIES),
  on_demand: fc.oneof(fc.constant(0n), amount),
  covered: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1_000n }), amount),
});
const commitmentArb = fc.record({
  key: fc.string({ maxLength: 4 }),
  currency: fc.constantFrom(...CURRENCIES),
  premium: amount,
  rebates: amount,
  commitment_cost: amount,
  method: fc.constantFrom('proportional' as const, 'even' as const, 'fixed' as const),
  fixedShares: fc.uniqueArray(fc.record({ target: fc.constantFrom(...TARGETS, 'acct-z'), weight: fc.bigInt({ min: 1n, max: 100_000_000n }) }), {
    minLength: 1,
    maxLength: 4,
    selector: (s) => s.target,
  }),
});

describe('allocateMonth for random data', () => {
  it('ties out exactly to the month totals per currency; unallocated only when nothing is covered', () => {
    fc.assert(
      fc.property(fc.array(commitmentArb, { maxLength: 6 }), fc.array(usageArb, { maxLength: 25 }), (commitments, usage) => {
        const lines = allocateMonth(commitments, usage);
        for (const total of monthTotals(commitments, usage)) {
          const rows = lines.filter((l) => l.currency === total.currency);
          for (const key of ['on_demand', 'covered', 'premium', 'rebates', 'commitment_cost', 'effective_cost', 'savings'] as const) {
            expect(rows.reduce((a, l) => a + l[key], 0n), `${total.currency} ${key}`).toBe(total[key]);
          }
          for (const l of rows) {
            expect(l.effective_cost).toBe(l.premium + l.commitment_cost - l.rebates);
            expect(l.savings).toBe(l.covered - l.effective_cost);
            expect(l.premium >= 0n && l.rebates >= 0n && l.commitment_cost >= 0n).toBe(true);
          }
          const covered = usage.some((u) => u.currency === total.currency && u.covered > 0n);
          const floating = commitments.some((c) => c.currency === total.currency && c.method !== 'fixed');
          expect(rows.some((l) => l.target === null)).toBe(!covered && floating);
          // One row per target, in a stable order, the unallocated row last.
          const named = rows.filter((l) => l.target !== null).map((l) => l.target!);
          expect(named).toEqual([...new Set(named)].sort());
        }
        expect(allocateMonth([...commitments].reverse(), [...usage].reverse())).toEqual(lines);
      }),
      { numRuns: 300 },
    );
  });
});

describe('allocateMonth guards and order', () => {
  it('refuses negative usage, naming the target', () => {
    expect(() => allocateMonth([], [use('acct-1', -1n)])).toThrow(new RangeError('usage of acct-1 must not be negative'));
    expect(() => allocateMonth([], [use('acct-2', 5n, -1n)])).toThrow(new RangeError('usage of acct-2 must not be negative'));
    expect(allocateMonth([], [use('acct-3', 0n, 0n)]).map((l) => l.target)).toEqual(['acct-3']);
  });

  it.each([
    ['no shares', []],
    ['a negative share beside positive ones', [{ target: 'a', weight: 600_000n }, { target: 'b', weight: -100_000n }]],
    ['shares adding up to 0', [{ target: 'a', weight: 0n }, { target: 'b', weight: 0n }]],
  ])('refuses fixed shares with %s, naming the commitment', (_name, fixedShares) => {
    expect(() => allocateMonth([commitment({ key: 'k-9', premium: 10n, method: 'fixed', fixedShares })], [use('a', 1n)])).toThrow(
      new RangeError('commitment k-9: fixed shares must be positive and add up to more than 0'),
    );
  });

  it('a fixed share of 0 beside a positive one is allowed and gets nothing', () => {
    const lines = allocateMonth([commitment({ premium: 10n, method: 'fixed', fixedShares: [{ target: 'b', weight: 1n }, { target: 'a', weight: 0n }] })], []);
    expect(pick(lines, 'premium')).toEqual([['a', 0n], ['b', 10n]]);
  });

  it('rows and totals in code-unit order whatever order the inputs come in (upper case before lower)', () => {
    const usage = [use('c', 1n), use('b', 1n), use('a', 1n), use('B', 1n), use('x', 1n, 0n, 'EUR')];
    const lines = allocateMonth([commitment({ premium: 4n })], usage);
    expect(lines.map((l) => [l.currency, l.target])).toEqual([['EUR', 'x'], ['USD', 'B'], ['USD', 'a'], ['USD', 'b'], ['USD', 'c']]);
    const totals = monthTotals([commitment({ premium: 4n, currency: 'USD' }), commitment({ key: 'c2', premium: 2n, currency: 'EUR' }), commitment({ key: 'c3', premium: 1n, currency: 'CHF' })], usage);
    expect(totals.map((t) => [t.currency, t.premium])).toEqual([['CHF', 1n], ['EUR', 2n], ['USD', 4n]]);
  });
});

describe('allocateMonth pools only commitments spread alike', () => {
  it('a proportional and an even commitment of one month each keep their own method', () => {
    const usage = [use('a', 3n), use('b', 1n)];
    const lines = allocateMonth([commitment({ key: 'p', premium: 400n }), commitment({ key: 'e', premium: 400n, method: 'even' })], usage);
    // Proportional 3:1 gives 300/100, even gives 200/200.
    expect(pick(lines, 'premium')).toEqual([['a', 500n], ['b', 300n]]);
  });
});
