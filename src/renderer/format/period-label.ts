import type { Period } from '../../shared/period';

const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2025-02" -> "February 2025". */
export function periodLabel(period: Period): string {
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  return monthYear.format(new Date(Date.UTC(year, month - 1, 1)));
}
