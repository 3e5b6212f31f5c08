import { periodBounds, type Period } from '../../shared/period';
import type { DemoOrg } from './demo-rows';
import type { SeededRandom } from './random';
import { splitByWeights as splitRemainders } from '../../shared/largest-remainder';

/** Days of the end month that already have activity: it is the month in progress. */
export const END_MONTH_ACTIVE_DAYS = 20;

export interface MonthSlot {
  period: Period;
  /** Epoch seconds of the month's first instant (UTC). */
  startSeconds: number;
  /** Length of the stretch of the month that has revenue rows. */
  activeSeconds: number;
  /** Rows per org, in the order of the orgs list. */
  counts: number[];
}

/** Rows split by integer weights (largest remainder; ties to the earlier index, so the split is stable). */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  // BigInt: total x weight can pass 2^53 for big demos.
  return splitRemainders(BigInt(total), weights.map((w) => BigInt(w))).map(Number);
}

/**
 * How many rows each org gets in each month: exact org shares of the total, then a
 * year of ~3% monthly growth, a December peak, a little noise, and a part-month at
 * the end.
 */
export function planMonths(random: SeededRandom, orgs: readonly DemoOrg[], months: readonly Period[], total: number): MonthSlot[] {
  const perOrg = splitByWeights(total, orgs.map((o) => o.revenueShare));
  const slots: MonthSlot[] = months.map((period, index) => {
    const { last } = periodBounds(period);
    const days = index === months.length - 1 ? END_MONTH_ACTIVE_DAYS : Number(last.slice(8, 10));
    return { period, startSeconds: Date.parse(`${period}-01T00:00:00Z`) / 1000, activeSeconds: days * 86_400, counts: [] };
  });
  orgs.forEach((_org, orgIndex) => {
    const weights = slots.map((slot, index) => {
      const growth = 1000 + 30 * index;
      const december = slot.period.endsWith('-12') ? 125 : 100;
      return growth * (slot.activeSeconds / 86_400) * december * random.between(95, 105);
    });
    splitByWeights(perOrg[orgIndex], weights).forEach((count, index) => slots[index].counts.push(count));
  });
  return slots;
}
