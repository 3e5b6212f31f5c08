import { describe, expect, it } from 'vitest';
import type { ReconciliationRunResult } from '../../src/shared/contract/reconciliation';
import { stateOf, type ReconciliationState } from '../../src/main/reconciliation/reconcile-record';
import { consumptionWorkspace, ok, OPEN, ORG } from './consumption-support';

// reconciliation.run decides each record on an index and writes the needs_review steps for
// the whole month in one statement (src/main/reconciliation/run.ts). These are the steps the
// record-by-record writer wrote: per record its exact adjustment (final - consumed, amounts
// near 2^53 included), the record's reconciliation fields before the step as JSON, the actor
// and time; auto_reconciled steps first, then needs_review, each in record order.

const MAX = 9_007_199_254_740_991; // 2^53 - 1

interface Row extends ReconciliationState {
  id: number;
  consumed_sell_micros: number | null;
  final_sell_micros: number;
}

function seeded() {
  const ctx = consumptionWorkspace();
  const db = ctx.workspace.db;
  const insert = db.prepare(
    `INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, currency, consumed_sell_micros, consumed_buy_micros,
       final_sell_micros, final_buy_micros, is_finalized, finalized_at, review_status, created_at, updated_at)
     VALUES (?, 'L', ?, ?, 'USD', ?, 0, ?, 0, ?, ?, ?, 'x', 'x')`,
  );
  // [consumed, final (null: not billed), review_status]; the default tolerance is 1.00 and 1 %.
  const records: Array<[number | null, number | null, 'pending' | 'held' | null]> = [
    [100_000_000, 100_500_000, null], // within: reconciles
    [100_000_000, 180_000_000, null], // far above: needs review
    [MAX - 5, 1, null], // an adjustment of -(2^53 - 6): needs review, exact
    [null, 2_000_000, null], // no estimate: only a zero difference passes
    [50_000_000, 90_000_000, 'pending'], // already waiting: counted, no new step
    [50_000_000, 90_000_000, 'held'], // held: left alone
    [10_000_000, null, null], // not billed
    [1, MAX, null], // an adjustment of 2^53 - 2: needs review, exact
    [7_000_000, 7_000_000, null], // no difference: reconciles, no item
  ];
  records.forEach(([consumed, final, review], i) =>
    insert.run(ORG, `r${i}`, `${OPEN}-01`, consumed, final, final === null ? 0 : 1, final === null ? null : `${OPEN}-28T00:00:00Z`, review),
  );
  return ctx;
}

describe('reconciliation.run writes', () => {
  it('writes the steps the record-by-record writer wrote, exact and in record order', async () => {
    const { core, workspace } = seeded();
    const db = workspace.db;
    const before = db
      .prepare(
        `SELECT id, consumed_sell_micros, final_sell_micros, adjustment_amount_micros, adjustment_buy_micros, review_status, compensation_item_uuid,
           is_reconciled, reconciled_at FROM consumption_records WHERE is_finalized = 1 ORDER BY id`,
      )
      .all() as Row[];
    const result = await ok<ReconciliationRunResult>(core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    // needs_review counts the record already pending too; October has ended, so the unbilled record is missing its final amount.
    expect(result).toMatchObject({ reconciled: 2, needs_review: 5, held: 1, missing_final: 1, compensation_items_created: 1 });

    const events = db.prepare('SELECT record_id, action, adjustment_micros, compensation_item_id, note, before, actor FROM reconciliation_events ORDER BY id').safeIntegers(true).all() as Array<{
      record_id: bigint;
      action: string;
      adjustment_micros: bigint;
      compensation_item_id: bigint | null;
      note: string | null;
      before: string;
      actor: string;
    }>;
    const ids = db.prepare('SELECT id FROM consumption_records ORDER BY id').pluck().all() as number[];
    const byId = (n: number) => before.find((r) => r.id === ids[n])!;
    const reconciled = [0, 8].map(byId);
    const reviewed = [1, 2, 3, 7].map(byId);
    expect(events.map((e) => [Number(e.record_id), e.action])).toEqual([
      ...reconciled.map((r) => [r.id, 'auto_reconciled']),
      ...reviewed.map((r) => [r.id, 'needs_review']),
    ]);
    for (const [i, r] of reviewed.entries()) {
      const event = events[reconciled.length + i];
      expect(event.adjustment_micros).toBe(BigInt(r.final_sell_micros) - BigInt(r.consumed_sell_micros ?? 0));
      expect(event.before).toBe(JSON.stringify(stateOf(r)));
      expect(event).toMatchObject({ compensation_item_id: null, note: null });
      expect(event.actor).toBe(events[0].actor);
    }
    const statuses = db.prepare('SELECT review_status FROM consumption_records ORDER BY id').pluck().all();
    expect(statuses).toEqual([null, 'pending', 'pending', 'pending', 'pending', 'held', null, 'pending', null]);
    // Nothing changes on a second run.
    const count = db.prepare('SELECT count(*) FROM reconciliation_events').pluck().get();
    await ok(core, 'reconciliation.run', { orgId: ORG, period: OPEN });
    expect(db.prepare('SELECT count(*) FROM reconciliation_events').pluck().get()).toBe(count);
  });
});
