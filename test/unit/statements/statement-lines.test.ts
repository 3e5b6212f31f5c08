import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleContaining, type BillingCycle } from '../../../src/main/statements/billing-cycle';
import { applyCredits, computeLines, LINE_KEYS, LINE_PARTS, ZERO_USAGE, type CycleUsage, type PlanSpan } from '../../../src/main/statements/statement-lines';
import { decimalToMicros, microsToDecimal } from '../../../src/shared/money';

function plan(id: number, from: string, to: string | null, prices: Partial<Record<keyof PlanSpan, string>>): PlanSpan {
  const micros = (text: string | undefined) => Number(decimalToMicros(text ?? '0'));
  return {
    id,
    effective_from: from,
    effective_to: to,
    is_subscription: true,
    subscription_price: micros(prices.subscription_price),
    ppu_price: micros(prices.ppu_price),
    section_widget_price: micros(prices.section_widget_price),
    column_widget_price: micros(prices.column_widget_price),
    record_storage_price: micros(prices.record_storage_price),
    file_storage_price: micros(prices.file_storage_price),
    backup_price: micros(prices.backup_price),
  };
}
const usage = (u: Partial<CycleUsage>): CycleUsage => ({ ...ZERO_USAGE, ...u });
const money = (micros: bigint) => microsToDecimal(micros);

describe('statement lines, recomputed by hand', () => {
  it('a price change inside the cycle prorates by days: 10 seats, $12 for 15 days then $15 for 14 of 29', () => {
    const cycle = cycleContaining('2020-02-10', 10); // 2020-02-10 .. 2020-03-09, 29 days (leap year)
    const plans = [plan(1, '2019-01-01', '2020-02-24', { subscription_price: '12' }), plan(2, '2020-02-25', null, { subscription_price: '15' })];
    const lines = computeLines(cycle, plans, usage({ seats: 10 }), 2)!;
    // 10 x (12 x 15 + 15 x 14) / 29 = 3900 / 29 = 134.482758... -> 134.48
    expect(money(lines.costs.subscription)).toBe('134.48');
    expect(lines.segments).toEqual([
      { plan_id: 1, date_start: '2020-02-10', date_end: '2020-02-24', days: 15 },
      { plan_id: 2, date_start: '2020-02-25', date_end: '2020-03-09', days: 14 },
    ]);
    expect(lines.shownPlan.id).toBe(2);
    expect(money(lines.total)).toBe('134.48');
  });

  it('anchor 31 in February: the cycle 2021-01-31 .. 2021-02-27 is 28 days; a plan from 2021-02-14 covers 14 of them', () => {
    const cycle = cycleContaining('2021-02-01', 31);
    expect(cycle).toEqual({ start: '2021-01-31', end: '2021-02-27', days: 28 });
    const lines = computeLines(cycle, [plan(1, '2021-02-14', null, { subscription_price: '20', backup_price: '1.10' })], usage({ seats: 3, backups: 7 }), 2)!;
    // 3 x 20 x 14 / 28 = 30.00; 7 x 1.10 x 14 / 28 = 3.85
    expect(money(lines.costs.subscription)).toBe('30.00');
    expect(money(lines.costs.backup)).toBe('3.85');
    expect(money(lines.total)).toBe('33.85');
  });

  it('rounds each line half-up to the minor unit, and the total is the sum of the rounded lines', () => {
    const cycle = cycleContaining('2022-05-01', 1);
    const plans = [plan(1, '2022-01-01', null, { ppu_price: '0.0025', section_widget_price: '0.0005', column_widget_price: '0.0015', file_storage_price: '23', record_storage_price: '0.001' })];
    const lines = computeLines(cycle, plans, usage({ record_count: 50, section_widget_uses: 10, column_widget_uses: 3, file_size_mb: 450, version_count: 1235 }), 2)!;
    expect(money(lines.costs.ppu)).toBe('0.13'); // 0.125 -> 0.13 (half-even would give 0.12)
    expect(money(lines.costs.section_widget_usage)).toBe('0.01'); // 0.005 -> 0.01
    expect(money(lines.costs.column_widget_usage)).toBe('0.00'); // 0.0045 -> 0.00
    expect(money(lines.costs.file_storage)).toBe('0.10'); // 450 MB of 100 GB x 23 = 0.1035 -> 0.10
    expect(money(lines.costs.record_storage)).toBe('1.24'); // 1.235 -> 1.24
    expect(money(lines.total)).toBe('1.48');
  });

  it('uses the currency minor unit: JPY has none, BHD three', () => {
    const cycle = cycleContaining('2022-05-01', 1);
    const plans = [plan(1, '2022-01-01', null, { ppu_price: '0.5' })];
    expect(computeLines(cycle, plans, usage({ record_count: 5 }), 0)!.costs.ppu).toBe(3_000_000n); // 2.5 -> 3
    expect(money(computeLines(cycle, [plan(1, '2022-01-01', null, { ppu_price: '0.0005' })], usage({ record_count: 9 }), 3)!.costs.ppu)).toBe('0.005'); // 0.0045 -> 0.005
  });

  it('a cycle with zero usage costs nothing, and a cycle no plan covers has no lines', () => {
    const cycle = cycleContaining('2022-05-01', 1);
    const lines = computeLines(cycle, [plan(1, '2022-01-01', null, { subscription_price: '12', ppu_price: '1' })], ZERO_USAGE, 2)!;
    expect(LINE_KEYS.map((k) => lines.costs[k])).toEqual(LINE_KEYS.map(() => 0n));
    expect(lines.total).toBe(0n);
    expect(computeLines(cycle, [plan(1, '2022-06-01', null, { subscription_price: '12' })], usage({ seats: 1 }), 2)).toBeNull();
  });

  it('credits larger than the total cover it all: due 0, the rest stays on the grant; oldest grant first', () => {
    expect(applyCredits(5_000_000n, [{ id: 1, remaining: 80_000_000n }])).toEqual([{ id: 1, amount: 5_000_000n }]);
    expect(applyCredits(50_000_000n, [{ id: 3, remaining: 20_000_000n }, { id: 7, remaining: 40_000_000n }])).toEqual([
      { id: 3, amount: 20_000_000n },
      { id: 7, amount: 30_000_000n },
    ]);
    expect(applyCredits(0n, [{ id: 1, remaining: 1n }])).toEqual([]);
  });
});

// An independent reference: the exact rational cost, rounded half-up with BigInt only.
function referenceCost(cycle: BillingCycle, plans: PlanSpan[], u: CycleUsage, key: (typeof LINE_KEYS)[number], minorUnits: number): bigint {
  const { usage: field, price } = LINE_PARTS[key];
  let weighted = 0n;
  for (const p of plans) {
    const from = p.effective_from > cycle.start ? p.effective_from : cycle.start;
    const to = p.effective_to === null || p.effective_to > cycle.end ? cycle.end : p.effective_to;
    if (from > to) continue;
    const days = BigInt((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);
    weighted += BigInt(p[price]) * days;
  }
  let num = BigInt(u[field]) * weighted; // micro-units x days
  let den = BigInt(cycle.days);
  if (key === 'file_storage') den *= 100_000n;
  const step = 10n ** BigInt(6 - minorUnits); // micros per minor unit
  num = num * 2n + den * step; // half-up: floor(x / step + 1/2)
  return (num / (2n * den * step)) * step;
}

describe('statement lines, properties', () => {
  const priceArb = fc.bigInt({ min: 0n, max: 50_000_000n }).map(Number);
  const prices = fc.record({
    subscription_price: priceArb,
    ppu_price: priceArb,
    section_widget_price: priceArb,
    column_widget_price: priceArb,
    record_storage_price: priceArb,
    file_storage_price: priceArb,
    backup_price: priceArb,
  });
  const count = fc.integer({ min: 0, max: 5_000_000 });
  const usageArb = fc.record({ seats: count, record_count: count, section_widget_uses: count, column_widget_uses: count, version_count: count, file_size_mb: count, backups: count });

  it('each line is the exact cost rounded half-up; total = sum of the rounded lines; due = total - applied >= 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        prices,
        prices,
        usageArb,
        fc.constantFrom(0, 2, 3),
        fc.array(fc.bigInt({ min: 0n, max: 100_000_000_000n }), { maxLength: 4 }),
        (anchor, changeOffset, cycleOffset, before, after, u, minor, grants) => {
          const cycle = cycleContaining(new Date(Date.UTC(2023, 0, 1 + cycleOffset)).toISOString().slice(0, 10), anchor);
          const change = new Date(Date.parse(cycle.start) + changeOffset * 86_400_000).toISOString().slice(0, 10);
          const dayBefore = new Date(Date.parse(change) - 86_400_000).toISOString().slice(0, 10);
          const plans: PlanSpan[] = [
            { id: 1, effective_from: '2022-01-01', effective_to: dayBefore, is_subscription: true, ...before },
            { id: 2, effective_from: change, effective_to: null, is_subscription: false, ...after },
          ];
          const lines = computeLines(cycle, plans, u, minor)!;
          let sum = 0n;
          for (const key of LINE_KEYS) {
            expect(lines.costs[key]).toBe(referenceCost(cycle, plans, u, key, minor));
            sum += lines.costs[key];
          }
          expect(lines.total).toBe(sum);
          const taken = applyCredits(lines.total, grants.map((remaining, id) => ({ id, remaining })));
          const applied = taken.reduce((s, t) => s + t.amount, 0n);
          const available = grants.reduce((s, g) => s + g, 0n);
          expect(applied).toBe(available < lines.total ? available : lines.total);
          expect(lines.total - applied >= 0n).toBe(true);
          for (const t of taken) expect(t.amount <= grants[t.id]! && t.amount > 0n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('plan segments', () => {
  it('come in date order whatever order the plans are given in, and the shown plan is the one on the cycle\'s last day', () => {
    const cycle = cycleContaining('2022-05-01', 1); // 2022-05-01 .. 2022-05-31
    const late = plan(7, '2022-05-21', null, { subscription_price: '30.00' });
    const early = plan(3, '2022-04-01', '2022-05-10', { subscription_price: '10.00' });
    const middle = plan(5, '2022-05-11', '2022-05-20', { subscription_price: '20.00' });
    const lines = computeLines(cycle, [late, early, middle], usage({ seats: 1 }), 2)!;
    expect(lines.segments).toEqual([
      { plan_id: 3, date_start: '2022-05-01', date_end: '2022-05-10', days: 10 },
      { plan_id: 5, date_start: '2022-05-11', date_end: '2022-05-20', days: 10 },
      { plan_id: 7, date_start: '2022-05-21', date_end: '2022-05-31', days: 11 },
    ]);
    expect(lines.shownPlan.id).toBe(7);
    // (10 x 10 + 20 x 10 + 30 x 11) / 31 = 630 / 31 = 20.3225... -> 20.32
    expect(money(lines.costs.subscription)).toBe('20.32');
  });
});
