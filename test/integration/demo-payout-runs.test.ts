import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportPeriod } from '../../src/shared/contract/reports';
import { createDemoWorkspace } from '../../src/main/demo/create';
import { openWorkspace } from '../../src/main/db/workspace';
import { inProcessCore } from '../../src/main/core/in-process';
import { callOk, tempDir, tempWorkspace } from '../support/temp-workspace';

// The demo stores the payout run of each closed month, so the payouts-by-payee report has
// every closed month; a new file and demo.load (one transaction) store the same runs.

const OPTIONS = { revenues: 3_000, seed: 5, endPeriod: '2026-11' };
const runsOf = (db: ReturnType<typeof openWorkspace>['db']) =>
  db.prepare('SELECT org_id, period, ran_at, ran_by, result, stale_reason FROM payout_runs ORDER BY org_id, period').all() as Array<{ org_id: string; period: string; ran_by: string; result: string; stale_reason: string | null }>;

describe('demo payout runs', () => {
  it('every finalized month has its run, stored the same by `closebook demo` and demo.load, and the payouts report lists those months', { timeout: 120_000 }, async () => {
    const path = join(tempDir(), 'demo.closebook');
    createDemoWorkspace(path, OPTIONS);
    const made = openWorkspace(path, { create: false });
    try {
      const finalized = made.db.prepare("SELECT org_id, period FROM periods WHERE status = 'finalized' ORDER BY org_id, period").all();
      const runs = runsOf(made.db);
      expect(runs.map((r) => ({ org_id: r.org_id, period: r.period }))).toEqual(finalized);
      expect(new Set(runs.map((r) => r.ran_by))).toEqual(new Set(['demo']));
      expect(runs.every((r) => r.stale_reason === null)).toBe(true);
      expect(runs.filter((r) => (JSON.parse(r.result) as { openingFrom: string | null }).openingFrom !== null).length).toBeGreaterThan(0);
      // The months stay closed, and the run cannot be redone in them.
      expect(made.db.prepare("SELECT count(*) FROM periods WHERE status = 'finalized' AND finalized_at IS NULL").pluck().get()).toBe(0);

      const root = made.db.prepare('SELECT id FROM orgs WHERE parent_id IS NULL').pluck().get() as string;
      const { periods } = await callOk<{ periods: ReportPeriod[] }>(inProcessCore(made), 'reports.periods', { orgId: root, report_type: 'payouts_by_payee' });
      expect(periods.map((p) => `${p.year}-${String(p.month).padStart(2, '0')}`)).toEqual(runs.filter((r) => r.org_id === root).map((r) => r.period).reverse());

      const { workspace, core } = tempWorkspace();
      await callOk(core, 'demo.load', OPTIONS);
      expect(runsOf(workspace.db)).toEqual(runs);
    } finally {
      made.close();
    }
  });
});
