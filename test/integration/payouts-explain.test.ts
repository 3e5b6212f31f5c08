import { describe, expect, it } from 'vitest';
import type { PayoutComparison, PayoutExplainPage, PayoutRun } from '../../src/shared/contract/payouts';
import { decimalToMicros, microsToDecimal } from '../../src/shared/money';
import { callOk } from '../support/temp-workspace';
import { addRevenues, callError, ORG, payoutsWorkspace, rule, saveRules } from './payouts-support';

// payouts.explain: the revenue rows and rule versions behind a payee's figures, paged;
// payouts.compare: the month under other rule versions, without saving anything.

type Core = Parameters<typeof callOk>[0];
const explain = (core: Core, payeeId: number, startRow = 0, endRow = 100) =>
  callOk<PayoutExplainPage>(core, 'payouts.explain', { orgId: ORG, period: '2026-10', payeeId, startRow, endRow });
const split = (...pairs: Array<[string, string]>) => pairs.map(([payee, percentage]) => ({ payee_external_id: payee, percentage }));

async function workspaceWithTwoVersions() {
  const ctx = await payoutsWorkspace();
  await callOk(ctx.core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_c', fallback_percentage: '10' }] });
  // Version 1: pe_a 60 / pe_b 40. Version 2 (from the 15th): pe_a 50 / pe_b 50.
  await saveRules(ctx.core, [rule('org', { splits: split(['pe_a', '60'], ['pe_b', '40']) })]);
  await saveRules(ctx.core, [rule('book', { scope: 'product', product_external_id: 'book', splits: split(['pe_a', '50']) })]);
  await addRevenues(ctx.core, [
    { external_id: 's1', occurred_at: '2026-10-02', amount: '10.00', currency: 'USD' },
    { external_id: 'b1', occurred_at: '2026-10-03', amount: '4.00', currency: 'USD', product_external_id: 'book' },
    { external_id: 's2', occurred_at: '2026-10-20', amount: '20.00', currency: 'EUR' },
    { external_id: 'r1', kind: 'refund', occurred_at: '2026-10-21', amount: '-10.00', currency: 'USD', refund_of: 's1' },
  ]);
  await saveRules(ctx.core, [{ external_id: 'org', effective_from: '2026-10-15', splits: split(['pe_a', '50'], ['pe_b', '50']) }], 'update_only');
  return ctx;
}

describe('payouts.explain', () => {
  it("lists each revenue that gave the payee a share, with the share and the rule version; its totals are the run's figures", async () => {
    const { core } = await workspaceWithTwoVersions();
    const result = await callOk<PayoutRun>(core, 'payouts.run', { orgId: ORG, period: '2026-10' });
    const page = await explain(core, 1);
    expect(page.rows.map((r) => [r.revenueExternalId, r.kind, r.amount, r.share, r.ruleExternalId, r.ruleVersion, r.basis, r.refundOf])).toEqual([
      ['s1', 'sale', '10.00', '6.00', 'org', 1, 'rule', null],
      ['b1', 'sale', '4.00', '2.00', 'book', 1, 'rule', null],
      ['s2', 'sale', '20.00', '10.00', 'org', 2, 'rule', null],
      // The refund reverses its sale's shares under the sale's version (1), not the one in force on its own day.
      ['r1', 'refund', '-10.00', '-6.00', 'org', 1, 'rule', 's1'],
    ]);
    expect(page.rowCount).toBe(4);
    for (const total of page.totals) {
      const line = result.payees.find((p) => p.payeeId === 1 && p.currency === total.currency)!;
      expect(decimalToMicros(total.share)).toBe(decimalToMicros(line.earned) + decimalToMicros(line.reversed) + decimalToMicros(line.adjusted));
    }
    // pe_c has only its fallback share of what the book rule left (10% of 2.00).
    const fallback = await explain(core, 3);
    expect(fallback.rows.map((r) => [r.revenueExternalId, r.share, r.ruleExternalId, r.basis])).toEqual([['b1', '0.20', 'book', 'fallback']]);
  });

  it("narrows to one currency, as a payee line is: its rows and total are that line's", async () => {
    const { core } = await workspaceWithTwoVersions();
    const result = await callOk<PayoutRun>(core, 'payouts.run', { orgId: ORG, period: '2026-10' });
    const usd = await callOk<PayoutExplainPage>(core, 'payouts.explain', { orgId: ORG, period: '2026-10', payeeId: 1, currency: 'USD', startRow: 0, endRow: 100 });
    expect(usd.rows.map((r) => r.revenueExternalId)).toEqual(['s1', 'b1', 'r1']);
    expect([usd.rowCount, usd.currency]).toEqual([3, 'USD']);
    const line = result.payees.find((p) => p.payeeId === 1 && p.currency === 'USD')!;
    expect(usd.totals).toEqual([{ currency: 'USD', share: microsToDecimal(decimalToMicros(line.earned) + decimalToMicros(line.reversed) + decimalToMicros(line.adjusted)) }]);
    const eurPage = await callOk<PayoutExplainPage>(core, 'payouts.explain', { orgId: ORG, period: '2026-10', payeeId: 1, currency: 'EUR', startRow: 0, endRow: 100 });
    expect(eurPage.rows.map((r) => [r.revenueExternalId, r.currency])).toEqual([['s2', 'EUR']]);
    const none = await callOk<PayoutExplainPage>(core, 'payouts.explain', { orgId: ORG, period: '2026-10', payeeId: 1, currency: 'JPY', startRow: 0, endRow: 100 });
    expect([none.rowCount, none.rows, none.totals]).toEqual([0, [], []]);
  });

  it('pages the rows, and sees a change made after the last call', async () => {
    const { core } = await workspaceWithTwoVersions();
    const second = await explain(core, 1, 1, 3);
    expect(second.rows.map((r) => r.revenueExternalId)).toEqual(['b1', 's2']);
    expect(second.rowCount).toBe(4);
    await addRevenues(core, [{ external_id: 's3', occurred_at: '2026-10-25', amount: '2.00', currency: 'EUR' }]);
    const after = await explain(core, 1, 4, 10);
    expect(after.rows.map((r) => [r.revenueExternalId, r.share])).toEqual([['s3', '1.00']]);
    expect(after.rowCount).toBe(5);
  });

  it("after a run, reads the run's shares: the same pages as allocating the month again, refunds in revenue id order", async () => {
    const { core } = await workspaceWithTwoVersions();
    // A sale after the refund: the refunds (reversed last) are merged back into id order.
    await addRevenues(core, [
      { external_id: 's4', occurred_at: '2026-10-26', amount: '1.00', currency: 'USD', product_external_id: 'book' },
      { external_id: 'r2', kind: 'refund', occurred_at: '2026-10-27', amount: '-2.00', currency: 'USD', refund_of: 'b1' },
    ]);
    await callOk<PayoutRun>(core, 'payouts.run', { orgId: ORG, period: '2026-10' });
    const pages = async () => {
      const all: unknown[] = [];
      for (const payeeId of [1, 2, 3]) {
        for (const currency of [undefined, 'USD', 'EUR']) {
          all.push(await callOk<PayoutExplainPage>(core, 'payouts.explain', { orgId: ORG, period: '2026-10', payeeId, currency, startRow: 0, endRow: 100 }));
          all.push(await callOk<PayoutExplainPage>(core, 'payouts.explain', { orgId: ORG, period: '2026-10', payeeId, currency, startRow: 1, endRow: 3 }));
        }
      }
      return all;
    };
    const fromRun = await pages();
    expect((fromRun[0] as PayoutExplainPage).rows.map((r) => [r.revenueExternalId, r.share])).toEqual([
      ['s1', '6.00'],
      ['b1', '2.00'],
      ['s2', '10.00'],
      ['r1', '-6.00'],
      ['s4', '0.50'],
      ['r2', '-1.00'],
    ]);
    // A write that changes no share: the next explain allocates the month again.
    await callOk(core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_c', name: 'Payee C renamed' }] });
    expect(await pages()).toEqual(fromRun);
  });

  it('refuses an unknown payee naming the field, and a page past its limit', async () => {
    const { core } = await workspaceWithTwoVersions();
    expect(await callError(core, 'payouts.explain', { orgId: ORG, period: '2026-10', payeeId: 99, startRow: 0, endRow: 10 })).toMatchObject({ type: 'not_found', code: 'payee_not_found', detail: { field: 'payeeId' } });
    expect(await callError(core, 'payouts.explain', { orgId: ORG, period: '2026-10', payeeId: 1, startRow: 10, endRow: 5 })).toMatchObject({ type: 'validation_error' });
  });
});

describe('payouts.compare', () => {
  it("re-runs the month with a rule at a chosen version and gives the difference per payee, storing nothing", async () => {
    const { core, workspace } = await workspaceWithTwoVersions();
    const digest = () => workspace.db.prepare('SELECT count(*) FROM payout_runs').pluck().get();
    const before = digest();
    const rules = workspace.db.prepare("SELECT id FROM rules WHERE external_id = 'org'").pluck().get() as number;
    const compared = await callOk<PayoutComparison>(core, 'payouts.compare', { orgId: ORG, period: '2026-10', ruleVersions: [{ ruleId: rules, version: 1 }] });
    // Only s2 (EUR 20.00, decided by version 2 today) changes: 50/50 becomes 60/40.
    expect(compared.payees.map((p) => [p.payeeExternalId, p.currency, p.current, p.proposed, p.difference])).toEqual([
      ['pe_a', 'EUR', '10.00', '12.00', '2.00'],
      ['pe_b', 'EUR', '10.00', '8.00', '-2.00'],
      ['pe_a', 'USD', '2.00', '2.00', '0.00'],
      // s1's 4.00 and its refund's -4.00: a share either way, nothing net.
      ['pe_b', 'USD', '0.00', '0.00', '0.00'],
      ['pe_c', 'USD', '0.20', '0.20', '0.00'],
    ]);
    expect(compared.currencies.find((c) => c.currency === 'EUR')).toEqual({ currency: 'EUR', revenue: '20.00', currentAllocated: '20.00', proposedAllocated: '20.00', currentUnallocated: '0.00', proposedUnallocated: '0.00' });
    expect(digest()).toBe(before);
  });

  it('refuses a rule or version that does not exist, naming which entry', async () => {
    const { core } = await workspaceWithTwoVersions();
    expect(await callError(core, 'payouts.compare', { orgId: ORG, period: '2026-10', ruleVersions: [{ ruleId: 1, version: 9 }] })).toMatchObject({ code: 'rule_version_not_found', detail: { field: 'ruleVersions.0.version' } });
    expect(await callError(core, 'payouts.compare', { orgId: ORG, period: '2026-10', ruleVersions: [{ ruleId: 1, version: 1 }, { ruleId: 77, version: 1 }] })).toMatchObject({ code: 'rule_not_found', detail: { field: 'ruleVersions.1.ruleId' } });
  });
});
