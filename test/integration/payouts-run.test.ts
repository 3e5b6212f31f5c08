import { describe, expect, it } from 'vitest';
import type { PayoutRun } from '../../src/shared/contract/payouts';
import { callOk } from '../support/temp-workspace';
import { addRevenues, callError, ORG, payoutsWorkspace, rule, saveRules } from './payouts-support';

// The month's run: the issue's allocation vectors, refunds reversing their sale's shares
// under the sale's rule version, fallbacks, holds and thresholds, and what is refused.

const run = (core: Parameters<typeof callOk>[0], period = '2026-10') => callOk<PayoutRun>(core, 'payouts.run', { orgId: ORG, period });
const sale = (id: string, amount: string, fields: Record<string, unknown> = {}) => ({ external_id: id, occurred_at: '2026-10-05', amount, currency: 'USD', ...fields });
const figures = ({ ranAt: _a, ranBy: _b, ...rest }: PayoutRun) => rest;
const earned = (r: PayoutRun) => Object.fromEntries(r.payees.map((p) => [`${p.payeeExternalId}/${p.currency}`, p.earned]));
const third = (payee: string) => ({ payee_external_id: payee, percentage: '33.3333' });

describe('payouts.run: allocation vectors', () => {
  it('100 micro-units split 1:1:1 gives 34/33/33 and -100 gives -34/-33/-33, whatever order the payees are listed in', async () => {
    for (const order of [['pe_a', 'pe_b', 'pe_c'], ['pe_c', 'pe_a', 'pe_b']]) {
      const { core } = await payoutsWorkspace();
      await saveRules(core, [rule('thirds', { splits: order.map(third) })]);
      await addRevenues(core, [sale('s1', '0.0001'), { ...sale('adj', '-0.0001'), kind: 'adjustment' }]);
      const result = await run(core);
      expect(result.payees.map((p) => [p.payeeExternalId, p.earned, p.adjusted])).toEqual([
        ['pe_a', '0.000034', '-0.000034'],
        ['pe_b', '0.000033', '-0.000033'],
        ['pe_c', '0.000033', '-0.000033'],
      ]);
      expect(result.currencies).toEqual([{ currency: 'USD', revenue: '0.00', allocated: '0.00', unallocated: '0.00' }]);
    }
  });

  it('1 split 1:1 gives 1/0, and 9999 split 75:25 gives 7499/2500', async () => {
    const { core } = await payoutsWorkspace();
    await saveRules(core, [
      rule('halves', { scope: 'product', product_external_id: 'book', splits: [{ payee_external_id: 'pe_b', percentage: '50' }, { payee_external_id: 'pe_a', percentage: '50' }] }),
      rule('quarters', { scope: 'product', product_external_id: 'album', splits: [{ payee_external_id: 'pe_c', percentage: '25' }, { payee_external_id: 'pe_b', percentage: '75' }] }),
    ]);
    await addRevenues(core, [sale('s1', '0.000001', { product_external_id: 'book' })]);
    expect(earned(await run(core))).toEqual({ 'pe_a/USD': '0.000001' });
    await addRevenues(core, [sale('s2', '0.009999', { product_external_id: 'album' })]);
    expect(earned(await run(core))).toEqual({ 'pe_a/USD': '0.000001', 'pe_b/USD': '0.007499', 'pe_c/USD': '0.0025' });
  });
});

describe('payouts.run', () => {
  it('most specific rule wins; fixed amounts first; unclaimed shares go to fallbacks and the rest is unallocated, per currency', async () => {
    const { core } = await payoutsWorkspace();
    await callOk(core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_c', fallback_percentage: '50' }] });
    await saveRules(core, [
      rule('org', { splits: [{ payee_external_id: 'pe_a', percentage: '100' }] }),
      rule('books', { scope: 'category', category: 'Books', splits: [{ payee_external_id: 'pe_b', percentage: '100' }] }),
      rule('ebook', { scope: 'tag', tag: 'ebook', splits: [{ payee_external_id: 'pe_a', percentage: '10' }] }),
      rule('album', { scope: 'product', product_external_id: 'album', splits: [{ payee_external_id: 'pe_b', percentage: '50', fixed_amount: '1.00' }] }),
    ]);
    await addRevenues(core, [
      sale('none', '10.00'), // org rule: pe_a 10
      sale('book', '20.00', { product_external_id: 'book' }), // category beats tag: pe_b 20
      sale('album', '11.00', { product_external_id: 'album' }), // pe_b 1 + 5; 5 unclaimed: pe_c 2.50, 2.50 unallocated
      sale('eur', '8.00', { currency: 'EUR' }),
    ]);
    const result = await run(core);
    expect(result.currencies).toEqual([
      { currency: 'EUR', revenue: '8.00', allocated: '8.00', unallocated: '0.00' },
      { currency: 'USD', revenue: '41.00', allocated: '38.50', unallocated: '2.50' },
    ]);
    expect(earned(result)).toEqual({ 'pe_a/EUR': '8.00', 'pe_a/USD': '10.00', 'pe_b/USD': '26.00', 'pe_c/USD': '2.50' });
    expect(result.revenueCount).toBe(4);
  });

  it('a refund reverses its sale\'s shares under the version in force on the sale\'s date, whatever changed since', async () => {
    const { core } = await payoutsWorkspace();
    await saveRules(core, [rule('org', { splits: [{ payee_external_id: 'pe_a', percentage: '70' }, { payee_external_id: 'pe_b', percentage: '30' }] })]);
    await addRevenues(core, [sale('s1', '10.00', { occurred_at: '2026-10-02' }), sale('s2', '3.33', { occurred_at: '2026-10-02' })]);
    // From the 15th the org rule pays pe_c alone; the sales of the 2nd keep version 1.
    await saveRules(core, [{ external_id: 'org', effective_from: '2026-10-15', splits: [{ payee_external_id: 'pe_c', percentage: '100' }] }], 'update_only');
    await addRevenues(core, [
      { external_id: 'rf1', kind: 'refund', occurred_at: '2026-10-20', amount: '-10.00', currency: 'USD', refund_of: 's1' },
      { external_id: 'rf2', kind: 'refund', occurred_at: '2026-10-20', amount: '-1.00', currency: 'USD', refund_of: 's2' },
    ]);
    const result = await run(core);
    expect(result.payees.map((p) => [p.payeeExternalId, p.earned, p.reversed])).toEqual([
      ['pe_a', '9.331', '-7.70'],
      ['pe_b', '3.999', '-3.30'],
    ]);
    expect(result.currencies).toEqual([{ currency: 'USD', revenue: '2.33', allocated: '2.33', unallocated: '0.00' }]);
  });

  it('a refund of a sale months earlier reverses it under the version in force on the sale\'s day', async () => {
    const { core } = await payoutsWorkspace();
    await saveRules(core, [rule('org', { splits: [{ payee_external_id: 'pe_a', percentage: '100' }] })]);
    await addRevenues(core, [sale('june', '12.34', { occurred_at: '2026-06-10' })]);
    await saveRules(core, [{ external_id: 'org', effective_from: '2026-07-01', splits: [{ payee_external_id: 'pe_b', percentage: '100' }] }], 'update_only');
    await addRevenues(core, [
      { external_id: 'rf', kind: 'refund', occurred_at: '2026-10-03', amount: '-12.34', currency: 'USD', refund_of: 'june' },
      sale('oct', '5.00'),
    ]);
    const result = await run(core);
    expect(result.payees.map((p) => [p.payeeExternalId, p.earned, p.reversed])).toEqual([
      ['pe_a', '0.00', '-12.34'],
      ['pe_b', '5.00', '0.00'],
    ]);
  });

  it('holds and thresholds: on hold is held, under the minimum is carried forward with the reason, else payable', async () => {
    const { core } = await payoutsWorkspace();
    await callOk(core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_a', on_hold: true }, { external_id: 'pe_b', threshold: '25.00' }, { external_id: 'pe_c', threshold: '5' }] });
    await saveRules(core, [rule('org', { splits: ['pe_a', 'pe_b', 'pe_c'].map((p) => ({ payee_external_id: p, percentage: '20' })) })]);
    await addRevenues(core, [sale('s1', '92.00')]);
    const lines = (await run(core)).payees.map((p) => [p.payeeExternalId, p.held, p.belowThreshold, p.payable, p.reason]);
    expect(lines).toEqual([
      ['pe_a', '18.40', '0.00', '0.00', 'on hold: 18.40 held, carried forward'],
      ['pe_b', '0.00', '18.40', '0.00', 'held: 18.40 < 25.00 minimum, carried forward'],
      ['pe_c', '0.00', '0.00', '18.40', null],
    ]);
  });

  it('re-running gives identical figures and replaces the stored run; a finalized month is refused and payouts.get shows what was stored', async () => {
    const { core, workspace } = await payoutsWorkspace();
    await saveRules(core, [rule('org', { splits: [third('pe_a'), third('pe_b')] })]);
    await addRevenues(core, [sale('s1', '10.00'), sale('s2', '0.01')]);
    const first = await run(core);
    const second = await run(core);
    expect(figures(second)).toEqual(figures(first));
    expect(await callOk<PayoutRun>(core, 'payouts.get', { orgId: ORG, period: '2026-10' })).toEqual(second);
    expect(workspace.db.prepare('SELECT count(*) FROM payout_runs').pluck().get()).toBe(1);

    workspace.db.prepare("UPDATE periods SET status = 'finalized', finalized_at = '2026-11-02T00:00:00Z' WHERE org_id = ? AND period = '2026-10'").run(ORG);
    await saveRules(core, [{ external_id: 'org', splits: [third('pe_c')] }], 'update_only');
    expect(await callError(core, 'payouts.run', { orgId: ORG, period: '2026-10' })).toMatchObject({ type: 'conflict', code: 'period_finalized', detail: { field: 'period' } });
    expect(await callOk<PayoutRun>(core, 'payouts.get', { orgId: ORG, period: '2026-10' })).toEqual(second);
    expect(await callError(core, 'payouts.get', { orgId: ORG, period: '2026-08' })).toMatchObject({ type: 'not_found', code: 'payout_run_not_found' });
  });

  it('refuses bad input naming the field, and an unknown org', async () => {
    const { core } = await payoutsWorkspace();
    const bad = await callError(core, 'payouts.run', { orgId: ORG, period: '2026-13' });
    expect(bad).toMatchObject({ type: 'validation_error', detail: { issues: [{ field: 'period' }] } });
    expect(await callError(core, 'payouts.run', { orgId: 'nope', period: '2026-10' })).toMatchObject({ type: 'not_found' });
  });
});
