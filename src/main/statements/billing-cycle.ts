// Billing cycles follow the org's anchor day A (1..31), as in seed 004's example
// (anchor 10: 2020-02-10 - 2020-03-09). The rule, in one place:
//   a cycle starts in every month on day A, or on the month's last day when the month is
//   shorter than A; it ends the day before the next cycle starts.
// So an anchor of 31 falls on February's last day (28, or 29 in a leap year): cycles run
// 01-31 - 02-27, 02-28 - 03-30, 03-31 - 04-29, 04-30 - 05-30, ... Anchor 1 gives calendar months.
// Dates are plain ISO days (YYYY-MM-DD); arithmetic is on UTC midnights, so no zone shifts them.

export interface BillingCycle {
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
  days: number;
}

const DAY_MS = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function dayNumber(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Inclusive count of days from start to end. */
export function daysBetween(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start) + 1;
}

/** The day a cycle starts in the given month. */
export function cycleStartIn(year: number, month: number, anchorDay: number): string {
  return iso(year, month, Math.min(anchorDay, daysInMonth(year, month)));
}

function nextMonth(year: number, month: number): [number, number] {
  return month === 12 ? [year + 1, 1] : [year, month + 1];
}

function previousMonth(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

function cycleFrom(year: number, month: number, anchorDay: number): BillingCycle {
  const start = cycleStartIn(year, month, anchorDay);
  const end = addDays(cycleStartIn(...nextMonth(year, month), anchorDay), -1);
  return { start, end, days: daysBetween(start, end) };
}

/** The cycle a day falls in. */
export function cycleContaining(date: string, anchorDay: number): BillingCycle {
  const [y, m] = parts(date);
  if (date >= cycleStartIn(y, m, anchorDay)) return cycleFrom(y, m, anchorDay);
  return cycleFrom(...previousMonth(y, m), anchorDay);
}

/** The cycle right after the given one. */
export function nextCycle(cycle: BillingCycle, anchorDay: number): BillingCycle {
  return cycleContaining(addDays(cycle.end, 1), anchorDay);
}

/** Whether a day is the first day of a cycle under the anchor. */
export function isCycleStart(date: string, anchorDay: number): boolean {
  return cycleContaining(date, anchorDay).start === date;
}

/** Every cycle from the one holding `from` to the one holding `to`, oldest first. */
export function cyclesBetween(from: string, to: string, anchorDay: number): BillingCycle[] {
  const cycles: BillingCycle[] = [];
  for (let cycle = cycleContaining(from, anchorDay); cycle.start <= to; cycle = nextCycle(cycle, anchorDay)) cycles.push(cycle);
  return cycles;
}

/** A real calendar day written YYYY-MM-DD (2021-02-29 is not). */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = parts(text);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
