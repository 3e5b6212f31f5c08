import { describe, expect, it } from 'vitest';
import type { CloseReadiness } from '../../src/shared/contract/close';
import { cycleEndingIn } from '../../src/main/close/statements-check';
import { cycleContaining } from '../../src/main/statements/billing-cycle';
import { addMonths, periodBounds } from '../../src/shared/period';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { OPEN_MONTH, ORG, seedCloseOrg } from './close-support';

const statementsCheck = async (core: Parameters<typeof callOk>[0]) =>
  (await callOk<CloseReadiness>(core, 'close.checks', { orgId: ORG, period: OPEN_MONTH })).checks.find((c) => c.id === 'statements')!;

describe('close: the statements check', () => {
  it('the cycle ending in a month is the statements rule, for every anchor day over several years', () => {
    for (let anchor = 1; anchor <= 31; anchor++) {
      for (let i = 0; i < 60; i++) {
        const period = addMonths('2023-01', i);
        const cycle = cycleEndingIn(period, anchor);
        expect(cycle.end.slice(0, 7), `${period} anchor ${anchor}`).toBe(period);
        const { first, last } = periodBounds(period);
        const candidates = [cycleContaining(first, anchor), cycleContaining(last, anchor)].filter((c) => c.end >= first && c.end <= last);
        expect({ start: candidates[0].start, end: candidates[0].end }, `${period} anchor ${anchor}`).toEqual(cycle);
      }
    }
  });

  it('passes with no price plan; with one, fails until the statement of the cycle is generated', async () => {
    const { core, workspace } = tempWorkspace();
    seedCloseOrg(workspace.db);
    expect(await statementsCheck(core)).toMatchObject({ outcome: 'pass' });
    await callOk(core, 'plans.batch', { orgId: ORG, records: [{ name: 'Basic', effective_from: '2026-01-01', subscription_price: '12' }] });
    // Taken out as if never generated: the check reads what is stored.
    workspace.db.prepare("DELETE FROM credit_applications").run();
    workspace.db.prepare("DELETE FROM statements WHERE org_id = ? AND date_start = '2026-10-01'").run(ORG);
    const missing = await statementsCheck(core);
    expect(missing).toMatchObject({ outcome: 'error' });
    expect(missing.message).toContain('2026-10-01 – 2026-10-31');
    await callOk(core, 'statements.list', { orgId: ORG });
    expect(await statementsCheck(core)).toMatchObject({ outcome: 'pass' });
  });
});
