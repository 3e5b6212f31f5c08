import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PayoutPayeeLine, PayoutRun } from '../../src/shared/contract/payouts';
import { decimalToMicros } from '../../src/shared/money';
import { callOk } from '../support/temp-workspace';
import { addRevenues, callError, ORG, payoutsWorkspace, rule, saveRules } from './payouts-support';

// Balances between months: held and below-threshold amounts carry into the next month's
// opening balance, payable ones do not; a payee released from hold gets what was carried;
// re-running a month is identical, and re-running an earlier month that changes its
// closing balances marks the later runs stale.

type Core = Parameters<typeof callOk>[0];
const run = (core: Core, period: string) => callOk<PayoutRun>(core, 'payouts.run', { orgId: ORG, period });
const get = (core: Core, period: string) => callOk<PayoutRun>(core, 'payouts.get', { orgId: ORG, period });
const sale = (id: string, day: string, amount: string, currency = 'USD') => ({ external_id: id, occurred_at: day, amount, currency });
const columns = (r: PayoutRun) =>
  r.payees.map((p) => [`${p.payeeExternalId}/${p.currency}`, p.opening, p.earned, p.held, p.belowThreshold, p.payable, p.closing]);
const figures = ({ ranAt: _a, ranBy: _b, ...rest }: PayoutRun) => rest;

/** opening + earned + reversed + adjusted = held + below + payable, and closing = held + below, on every line. */
function expectLinesBalance(lines: PayoutPayeeLine[]) {
  for (const p of lines) {
    const m = (v: string) => decimalToMicros(v);
    expect(m(p.opening) + m(p.earned) + m(p.reversed) + m(p.adjusted), p.payeeExternalId!).toBe(m(p.held) + m(p.belowThreshold) + m(p.payable));
    expect(m(p.closing)).toBe(m(p.held) + m(p.belowThreshold));
  }
}

/** pe_a on hold, pe_b with a 25.00 minimum, pe_c with none; the org rule gives each 20%. */
async function threeMonths() {
  const ctx = await payoutsWorkspace();
  await callOk(ctx.core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_a', on_hold: true }, { external_id: 'pe_b', threshold: '25.00' }] });
  await saveRules(ctx.core, [rule('org', { splits: ['pe_a', 'pe_b', 'pe_c'].map((p) => ({ payee_external_id: p, percentage: '20' })) })]);
  await addRevenues(ctx.core, [sale('oct', '2026-10-05', '92.00'), sale('nov', '2026-11-05', '50.00'), sale('dec', '2026-12-05', '10.00', 'EUR')]);
  return ctx;
}

describe('payouts balances', () => {
  it('carries held and below-threshold amounts over three months, pays a released payee what was carried, and never carries what was payable', async () => {
    const { core } = await threeMonths();
    const oct = await run(core, '2026-10');
    expect(oct.openingFrom).toBeNull();
    expect(columns(oct)).toEqual([
      ['pe_a/USD', '0.00', '18.40', '18.40', '0.00', '0.00', '18.40'],
      ['pe_b/USD', '0.00', '18.40', '0.00', '18.40', '0.00', '18.40'],
      ['pe_c/USD', '0.00', '18.40', '0.00', '0.00', '18.40', '0.00'],
    ]);
    expect(oct.payees[1].reason).toBe('held: 18.40 < 25.00 minimum, carried forward');

    const nov = await run(core, '2026-11');
    expect(nov.openingFrom).toBe('2026-10');
    expect(columns(nov)).toEqual([
      ['pe_a/USD', '18.40', '10.00', '28.40', '0.00', '0.00', '28.40'],
      // 18.40 carried + 10.00 reaches the 25.00 minimum: all of it is paid, nothing carries.
      ['pe_b/USD', '18.40', '10.00', '0.00', '0.00', '28.40', '0.00'],
      ['pe_c/USD', '0.00', '10.00', '0.00', '0.00', '10.00', '0.00'],
    ]);

    await callOk(core, 'payees.batch', { orgId: ORG, records: [{ external_id: 'pe_a', on_hold: false }] });
    const dec = await run(core, '2026-12');
    expect(columns(dec)).toEqual([
      ['pe_a/EUR', '0.00', '2.00', '0.00', '0.00', '2.00', '0.00'],
      // Released: the USD carried in is paid although pe_a earned no USD in December.
      ['pe_a/USD', '28.40', '0.00', '0.00', '0.00', '28.40', '0.00'],
      ['pe_b/EUR', '0.00', '2.00', '0.00', '2.00', '0.00', '2.00'],
      ['pe_c/EUR', '0.00', '2.00', '0.00', '0.00', '2.00', '0.00'],
    ]);
    for (const r of [oct, nov, dec]) expectLinesBalance(r.payees);
    // The month's own tie-out is unchanged by balances: allocated + unallocated = revenue.
    expect(dec.currencies).toEqual([{ currency: 'EUR', revenue: '10.00', allocated: '6.00', unallocated: '4.00' }]);
  });

  it('running a month twice gives identical figures and leaves later runs as they were', async () => {
    const { core } = await threeMonths();
    await run(core, '2026-10');
    await run(core, '2026-11');
    const first = await run(core, '2026-11');
    const again = await run(core, '2026-11');
    expect(figures(again)).toEqual(figures(first));
    await run(core, '2026-12');
    await run(core, '2026-10');
    expect((await get(core, '2026-11')).stale).toBeNull();
    expect((await get(core, '2026-12')).stale).toBeNull();
  });

  it('re-running an earlier month that changes its closing balances marks every later run stale until it is run again; exporting a stale run is refused', async () => {
    const { core } = await threeMonths();
    for (const month of ['2026-10', '2026-11', '2026-12']) await run(core, month);
    await addRevenues(core, [sale('oct-late', '2026-10-30', '10.00')]);
    const oct = await run(core, '2026-10');
    expect(oct.stale).toBeNull();
    const nov = await get(core, '2026-11');
    expect(nov.stale).toMatch(/^2026-10 was run again at .* and 2026-11's opening balances no longer match its closing balances; run 2026-11 again$/);
    expect((await get(core, '2026-12')).stale).toBe(nov.stale);
    expect(await callError(core, 'payouts.export', { orgId: ORG, period: '2026-11', path: '/tmp/never-written.csv' })).toMatchObject({ type: 'conflict', code: 'payout_run_stale' });

    const rerun = await run(core, '2026-11');
    expect(rerun.stale).toBeNull();
    // pe_a's opening now has October's extra 2.00 held; pe_b's 20.40 + 10.00 is paid.
    expect(columns(rerun).slice(0, 2)).toEqual([
      ['pe_a/USD', '20.40', '10.00', '30.40', '0.00', '0.00', '30.40'],
      ['pe_b/USD', '20.40', '10.00', '0.00', '0.00', '30.40', '0.00'],
    ]);
    expect((await get(core, '2026-12')).stale).not.toBeNull();
    expect((await run(core, '2026-12')).stale).toBeNull();
  });

  it('a month run with the month before it never run takes the latest earlier run and says so', async () => {
    const { core } = await threeMonths();
    await run(core, '2026-10');
    const dec = await run(core, '2026-12');
    expect(dec.openingFrom).toBe('2026-10');
    expect(dec.warnings).toContain("2026-11 has not been run: opening balances come from 2026-10's run");
    expect(dec.payees.find((p) => p.payeeExternalId === 'pe_b' && p.currency === 'USD')?.opening).toBe('18.40');
  });

  it('exports the payable list of the stored run: only lines with an amount to pay', async () => {
    const { core, dir } = await threeMonths();
    await callError(core, 'payouts.export', { orgId: ORG, period: '2026-10', path: join(dir, 'x.csv') }).then((e) => expect(e).toMatchObject({ code: 'payout_run_not_found' }));
    await run(core, '2026-10');
    await run(core, '2026-11');
    const path = join(dir, 'payable.csv');
    const result = await callOk<{ rowCount: number }>(core, 'payouts.export', { orgId: ORG, period: '2026-11', path, bom: false });
    expect(result.rowCount).toBe(2);
    expect(readFileSync(path, 'utf8').split('\r\n')).toEqual([
      'period,payee_id,payee_external_id,payee_name,currency,amount',
      '2026-11,2,pe_b,Bo,USD,28.40',
      '2026-11,3,pe_c,Cy,USD,10.00',
      '',
    ]);
  });
});
