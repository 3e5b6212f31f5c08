import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsumptionSummary } from '../../src/shared/contract/consumption';
import { microsToDecimal } from '../../src/shared/money';
import { consumptionWorkspace, ok, OPEN, ORG, reconciliationDigest } from './consumption-support';

const amount = fc.bigInt(0n, 5_000_000_000n).map((m) => microsToDecimal(m));
const recordArb = fc.record({ consumed: amount, final: fc.option(amount, { nil: undefined }), buy: amount, customer: fc.constantFrom('A', 'B', 'C') });
const toleranceArb = fc.record({ tolerance_amount: fc.constantFrom('0', '0.01', '1.00', '250.50'), tolerance_percent: fc.constantFrom('0', '0.5', '2', '100') });
const micros = (s: string) => BigInt(s.replace(/\.(\d*)$/, (_m, f: string) => f.padEnd(6, '0')));

// For random records and tolerances: every finalized record's consumed + adjustment = final
// (per record, per customer, in total), the compensation items sum to the reconciled
// adjustments, and running the month again changes nothing.
describe('reconciliation property', () => {
  it('consumed + adjustments = final to the micro-unit, and a re-run changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 12 }), toleranceArb, async (records, tolerance) => {
        const ctx = consumptionWorkspace();
        const { core, workspace } = ctx;
        await ok(core, 'reconciliation.setTolerance', tolerance);
        await ok(core, 'consumption.batch', {
          orgId: ORG,
          records: records.map((r, i) => ({ license_reference: 'L', resource_name: `r${i}`, billing_period: OPEN, consumed_sell: r.consumed, consumed_buy: r.buy, customer_name: r.customer })),
        });
        const finals = records.flatMap((r, i) => (r.final === undefined ? [] : [{ i, final: r.final }]));
        if (finals.length > 0) {
          const { startImportBatch } = await import('../../src/main/imports/records/import-batch');
          const batch = startImportBatch(workspace.db, { orgId: ORG, entity: 'billing', source: 'api', operation: 'create_or_update' });
          batch.write(finals.map(({ i, final }) => ({ rowNumber: i, record: { license_reference: 'L', resource_name: `r${i}`, billing_period: OPEN, final_sell: final, final_buy: records[i].buy } })));
          batch.finish({ onError: 'reject' });
        }
        await ok(core, 'reconciliation.run', { orgId: ORG, period: OPEN });
        const stored = workspace.db
          .prepare('SELECT consumed_sell_micros AS c, final_sell_micros AS f, adjustment_amount_micros AS a, is_reconciled AS r, compensation_item_uuid AS item FROM consumption_records')
          .safeIntegers(true)
          .all() as Array<{ c: bigint; f: bigint | null; a: bigint | null; r: bigint; item: string | null }>;
        for (const s of stored) {
          if (s.r === 1n) {
            expect(s.c + s.a!).toBe(s.f);
            expect(s.item !== null).toBe(s.a !== 0n);
          }
        }
        const items = workspace.db.prepare('SELECT coalesce(sum(amount_micros), 0) FROM compensation_items').safeIntegers(true).pluck().get() as bigint;
        expect(items).toBe(stored.filter((s) => s.r === 1n).reduce((sum, s) => sum + s.a!, 0n));
        const summary = await ok<ConsumptionSummary>(core, 'consumption.summary', { orgId: ORG, period: OPEN });
        for (const t of [...summary.totals, ...summary.by_customer, ...summary.by_month]) expect(micros(t.consumed) + micros(t.adjustment)).toBe(micros(t.final));
        const before = reconciliationDigest(workspace.db);
        await ok(core, 'reconciliation.run', { orgId: ORG, period: OPEN });
        expect(reconciliationDigest(workspace.db)).toBe(before);
      }),
      { numRuns: 25 },
    );
  });
});
