import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../src/main/demo/create';
import { openWorkspace } from '../../src/main/db/workspace';
import { showbackReportTypes } from '../../src/main/reports/showback/report-types';
import { addMonths, periodOfDate } from '../../src/shared/period';
import { decimalToMicros } from '../../src/shared/money';
import { tempDir } from '../support/temp-workspace';

// The demo's year of showback data: every report type has the demo's twelve months, one
// month shows the USD commitment unallocated, the commitment bought mid-year appears in its
// second half only, its fixed shares split by child org, and every month ties out.

describe('demo showback', () => {
  it('a year of commitments and usage with an unallocated month, a mid-year commitment and rows that tie out', { timeout: 120_000 }, () => {
    const path = join(tempDir(), 'demo.closebook');
    const end = periodOfDate(new Date());
    createDemoWorkspace(path, { revenues: 100, endPeriod: end });
    const workspace = openWorkspace(path);
    try {
      const db = workspace.db;
      const parent = db.prepare('SELECT id FROM orgs WHERE parent_id IS NULL').pluck().get() as string;
      const months = Array.from({ length: 12 }, (_, i) => addMonths(end, i - 11));
      const defaults = { currency: null, allocation_method: 'as_committed' };
      const premiums = db
        .prepare('SELECT currency, term_start, term_end, monthly_premium_micros FROM showback_commitments WHERE org_id = ?')
        .all(parent) as Array<{ currency: string; term_start: string; term_end: string; monthly_premium_micros: number }>;
      expect(premiums).toHaveLength(3);
      const unallocatedMonths = new Set<string>();
      for (const definition of showbackReportTypes) {
        const available = definition.months(db, parent, defaults).map((m) => `${m.year}-${String(m.month).padStart(2, '0')}`);
        for (const month of months) expect(available).toContain(month);
        for (const month of months) {
          const rows = definition.rows(db, parent, { year: Number(month.slice(0, 4)), month: Number(month.slice(5)) }, defaults);
          for (const currency of ['USD', 'EUR']) {
            const expected = premiums
              .filter((c) => c.currency === currency && c.term_start.slice(0, 7) <= month && c.term_end.slice(0, 7) >= month)
              .reduce((a, c) => a + BigInt(c.monthly_premium_micros), 0n);
            const got = rows.filter((r) => r.currency === currency).reduce((a, r) => a + decimalToMicros(String(r.premium)), 0n);
            expect(got, `${definition.report_type} ${month} ${currency}`).toBe(expected);
          }
          if (rows.some((r) => r.row_type === 'unallocated')) unallocatedMonths.add(month);
        }
      }
      expect([...unallocatedMonths]).toEqual([months[3]]);
      // The mid-year commitment: only from the middle of the year.
      const midYear = premiums.filter((c) => c.term_start.slice(0, 7) > months[0]);
      expect(midYear.map((c) => c.term_start.slice(0, 7))).toEqual([months[6]]);
      // Its fixed child-org shares: the child-org report of a second-half month has three orgs in USD.
      const byOrg = showbackReportTypes.find((d) => d.report_type === 'showback_by_child_org')!;
      const late = byOrg.rows(db, parent, { year: Number(months[9].slice(0, 4)), month: Number(months[9].slice(5)) }, defaults);
      expect(late.filter((r) => r.currency === 'USD').length).toBe(3);
    } finally {
      workspace.close();
    }
  });
});
