// Periods are calendar months, written "YYYY-MM". The current month is in progress;
// a closed month is finalized and locked against writes.

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export type Period = string;
export const PERIOD_STATUSES = ['in_progress', 'finalized'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** The period containing an ISO date or date-time (the UTC month). */
export function periodOf(isoDate: string): Period {
  return isoDate.slice(0, 7);
}

export function periodOfDate(date: Date): Period {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Shift a period by whole months (negative goes back). */
export function addMonths(period: Period, months: number): Period {
  const [year, month] = period.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** First and last day (ISO dates) of a period. */
export function periodBounds(period: Period): { first: string; last: string } {
  const [year, month] = period.split('-').map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${period}-01`, last: `${period}-${String(days).padStart(2, '0')}` };
}
