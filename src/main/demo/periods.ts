import { addMonths, type Period } from '../../shared/period';
import type { DemoOrg, DemoPeriod } from './demo-rows';
import type { SeededRandom } from './random';

export const DEMO_MONTHS = 12;

/** The demo's calendar months, oldest first, ending with `endPeriod`. */
export function demoMonths(endPeriod: Period): Period[] {
  return Array.from({ length: DEMO_MONTHS }, (_, i) => addMonths(endPeriod, i - (DEMO_MONTHS - 1)));
}

/**
 * Twelve periods per org. The end month is current and the month before it is still
 * open because the accountant is closing it now; older months were finalized a few
 * working days into the following month.
 */
export function buildPeriods(random: SeededRandom, orgs: readonly DemoOrg[], endPeriod: Period): DemoPeriod[] {
  const months = demoMonths(endPeriod);
  const openFrom = months.length - 2;
  const rows: DemoPeriod[] = [];
  for (const org of orgs) {
    months.forEach((period, index) => {
      if (index >= openFrom) {
        rows.push({ org_id: org.id, period, status: 'in_progress', finalized_at: null });
        return;
      }
      const day = String(random.between(3, 9)).padStart(2, '0');
      const hour = String(random.between(9, 18)).padStart(2, '0');
      const minute = String(random.between(0, 59)).padStart(2, '0');
      rows.push({ org_id: org.id, period, status: 'finalized', finalized_at: `${addMonths(period, 1)}-${day}T${hour}:${minute}:00Z` });
    });
  }
  return rows;
}
