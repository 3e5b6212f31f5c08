import { describe, expect, it } from 'vitest';
import { cycleContaining, cyclesBetween, isCycleStart, isIsoDay } from '../../../src/main/statements/billing-cycle';

describe('billing cycles follow the anchor day', () => {
  it("the seed's example: anchor 10 runs 2020-02-10 - 2020-03-09", () => {
    expect(cycleContaining('2020-02-10', 10)).toEqual({ start: '2020-02-10', end: '2020-03-09', days: 29 });
    expect(cycleContaining('2020-03-09', 10)).toEqual({ start: '2020-02-10', end: '2020-03-09', days: 29 });
    expect(cycleContaining('2020-02-09', 10)).toEqual({ start: '2020-01-10', end: '2020-02-09', days: 31 });
  });

  it('anchor 1 gives calendar months', () => {
    expect(cycleContaining('2021-02-14', 1)).toEqual({ start: '2021-02-01', end: '2021-02-28', days: 28 });
    expect(cycleContaining('2021-12-31', 1)).toEqual({ start: '2021-12-01', end: '2021-12-31', days: 31 });
  });

  it("an anchor of 31 falls on February's last day (28, 29 in a leap year) and months of 30 days on the 30th", () => {
    expect(cyclesBetween('2021-01-31', '2021-05-01', 31).map((c) => `${c.start}..${c.end}`)).toEqual([
      '2021-01-31..2021-02-27',
      '2021-02-28..2021-03-30',
      '2021-03-31..2021-04-29',
      '2021-04-30..2021-05-30',
    ]);
    expect(cycleContaining('2020-02-29', 31)).toEqual({ start: '2020-02-29', end: '2020-03-30', days: 31 });
    expect(cycleContaining('2020-02-28', 31)).toEqual({ start: '2020-01-31', end: '2020-02-28', days: 29 });
  });

  it('cycles tile the calendar: each starts the day after the previous ends, over a year boundary too', () => {
    for (const anchor of [1, 10, 28, 29, 30, 31]) {
      const cycles = cyclesBetween('2019-11-15', '2021-03-15', anchor);
      for (let i = 1; i < cycles.length; i++) {
        const next = new Date(Date.parse(cycles[i - 1]!.end) + 86_400_000).toISOString().slice(0, 10);
        expect(cycles[i]!.start, `anchor ${anchor}`).toBe(next);
        expect(isCycleStart(cycles[i]!.start, anchor)).toBe(true);
      }
    }
  });

  it('knows real days', () => {
    expect(isIsoDay('2020-02-29')).toBe(true);
    expect(isIsoDay('2021-02-29')).toBe(false);
    expect(isIsoDay('2021-13-01')).toBe(false);
    expect(isIsoDay('2021-1-01')).toBe(false);
  });
});
