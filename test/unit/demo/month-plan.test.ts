import { describe, expect, it } from 'vitest';
import { END_MONTH_ACTIVE_DAYS, planMonths, splitByWeights } from '../../../src/main/demo/month-plan';
import { buildOrgs } from '../../../src/main/demo/orgs';
import { demoMonths } from '../../../src/main/demo/periods';
import { SeededRandom } from '../../../src/main/demo/random';

describe('splitByWeights: integer parts that add up exactly', () => {
  it('sums to the total and follows the weights', () => {
    expect(splitByWeights(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeights(2_000_000, [20, 50, 30])).toEqual([400_000, 1_000_000, 600_000]);
    expect(splitByWeights(0, [3, 4])).toEqual([0, 0]);
  });

  it('stays exact when total x weight passes 2^53', () => {
    const parts = splitByWeights(99_999_999, [2 ** 40, 2 ** 40 + 1]);
    expect(parts[0] + parts[1]).toBe(99_999_999);
  });

  it('refuses weights that add up to nothing', () => {
    expect(() => splitByWeights(5, [0, 0])).toThrow(RangeError);
  });
});

describe('planMonths: rows per org and month', () => {
  const orgs = buildOrgs(new SeededRandom(1), '2025-10-15T10:00:00Z');
  const months = demoMonths('2026-11');

  it('gives each org its exact share of the total, spread over the twelve months', () => {
    const slots = planMonths(new SeededRandom(1), orgs, months, 2_000_000);
    expect(slots.map((s) => s.period)).toEqual(months);
    const perOrg = orgs.map((_, o) => slots.reduce((sum, s) => sum + s.counts[o], 0));
    expect(perOrg).toEqual([400_000, 1_000_000, 600_000]);
    for (const slot of slots) for (const count of slot.counts) expect(count).toBeGreaterThan(0);
  });

  it('fills only the first days of the month in progress, and whole earlier months', () => {
    const slots = planMonths(new SeededRandom(1), orgs, months, 1000);
    expect(slots[11].activeSeconds).toBe(END_MONTH_ACTIVE_DAYS * 86_400);
    expect(slots[10].activeSeconds).toBe(31 * 86_400); // October
    expect(slots[0].startSeconds).toBe(Date.parse('2025-12-01T00:00:00Z') / 1000);
  });
});
