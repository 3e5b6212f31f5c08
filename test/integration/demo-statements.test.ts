import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../src/main/demo/create';
import { openWorkspace } from '../../src/main/db/workspace';
import { inProcessCore } from '../../src/main/core/in-process';
import { callOk, tempDir } from '../support/temp-workspace';
import type { CreditLedger, PlanRow, StatementDetail, StatementPage, UsageRow } from '../../src/shared/contract/statements';
import { periodOfDate } from '../../src/shared/period';

describe('demo statements', () => {
  it('each org has a plan with a mid-year price change, a year of usage, credits, and statements that tie out', { timeout: 120_000 }, async () => {
    const path = join(tempDir(), 'demo.closebook');
    createDemoWorkspace(path, { revenues: 500, endPeriod: periodOfDate(new Date()) });
    const workspace = openWorkspace(path);
    try {
      const core = inProcessCore(workspace);
      const { orgs } = await callOk<{ orgs: Array<{ id: string }> }>(core, 'orgs.list', {});
      const anchors = new Set<number>();
      for (const org of orgs) {
        anchors.add((await callOk<{ anchor_day: number }>(core, 'billing.get', { orgId: org.id })).anchor_day);
        const { plans } = await callOk<{ plans: PlanRow[] }>(core, 'plans.list', { orgId: org.id });
        expect(plans).toHaveLength(2);
        expect(Number(plans[1]!.subscription_price)).toBeGreaterThan(Number(plans[0]!.subscription_price));
        const { usage } = await callOk<{ usage: UsageRow[] }>(core, 'usage.list', { orgId: org.id });
        expect(usage.length).toBeGreaterThanOrEqual(12);
        const page = await callOk<StatementPage<StatementDetail>>(core, 'statements.list', { orgId: org.id, serializer: 'detail', page_size: 100 });
        expect(page.count).toBeGreaterThanOrEqual(12);
        expect(page.results.filter((s) => s.is_current)).toHaveLength(1);
        expect(page.results.some((s) => s.amounts.plan_segments.length === 2)).toBe(true);
        const ledger = await callOk<CreditLedger>(core, 'credits.list', { orgId: org.id });
        expect(ledger.credits.length).toBe(2);
        const applied = page.results.reduce((sum, s) => sum + BigInt(s.amounts.credits_applied.replace('.', '')), 0n);
        expect(applied).toBe(BigInt(ledger.applied.replace('.', '')));
        for (const s of page.results) expect(Number(s.amounts.amount_due)).toBeGreaterThanOrEqual(0);
      }
      expect([...anchors].sort((a, b) => a - b)).toEqual([1, 15, 31]);
    } finally {
      workspace.close();
    }
  });
});
