import { describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { CLOSED, digest, ok, OPEN, ORG, REVENUE_HEADER, revenuesOf, setup, writeCsv } from './import-files-support';
import { lockedMonthMessage } from '../../src/main/imports/records/period-locks';

// A create_or_update may not move a record out of a finalized month, into one, or change
// it while it sits in one: the stored period and the new one are both checked
// (revenue-writer.ts, update()). Each case runs through a batch call and through a file.

type Ctx = ReturnType<typeof setup>;

/** A stored revenue placed directly, so it can sit in the finalized month. */
function storedRevenue(ctx: Ctx, externalId: string, occurredAt: string, amountMicros = 10_000_000): void {
  ctx.workspace.db
    .prepare(
      `INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, quantity, created_at, updated_at)
       VALUES (?, ?, 'sale', ?, ?, ?, 'USD', 1, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')`,
    )
    .run(ORG, externalId, occurredAt, occurredAt.slice(0, 7), amountMicros);
}

interface Case {
  name: string;
  storedAt: string;
  /** The update: a new time (moving the record) and/or a new amount. */
  occurredAt: string;
  amount: string;
  /** The finalized period the refusal names. */
  period: string;
}

const CASES: Case[] = [
  { name: 'out of a finalized month (only the stored period is closed)', storedAt: `${CLOSED}-15T12:00:00Z`, occurredAt: `${OPEN}-15T12:00:00Z`, amount: '10.00', period: CLOSED },
  { name: 'into a finalized month (only the new period is closed)', storedAt: `${OPEN}-15T12:00:00Z`, occurredAt: `${CLOSED}-15T12:00:00Z`, amount: '10.00', period: CLOSED },
  { name: 'within a finalized month (a new amount, same period)', storedAt: `${CLOSED}-15T12:00:00Z`, occurredAt: `${CLOSED}-15T12:00:00Z`, amount: '11.00', period: CLOSED },
];

describe('create_or_update never writes a record into or out of a finalized month', () => {
  for (const c of CASES) {
    it(`batch call: ${c.name}`, async () => {
      const ctx = setup();
      storedRevenue(ctx, 'ch_1', c.storedAt);
      const before = digest(ctx.workspace.db, ['revenues']);
      const res = await ok<BatchResponse>(ctx.core, 'revenues.batch', {
        orgId: ORG,
        operation: 'create_or_update',
        records: [{ external_id: 'ch_1', occurred_at: c.occurredAt, amount: c.amount, currency: 'USD' }],
      });
      expect(res.data).toEqual([
        { index: 0, status: 'blocked_locked_period', existing_id: 1, external_id: 'ch_1', error: { field: 'occurred_at', message: lockedMonthMessage(c.period) } },
      ]);
      expect(res.meta).toMatchObject({ updated: 0, blocked_locked_period: 1 });
      expect(digest(ctx.workspace.db, ['revenues'])).toBe(before);
    });

    it(`file import: ${c.name}`, async () => {
      const ctx = setup();
      storedRevenue(ctx, 'ch_1', c.storedAt);
      storedRevenue(ctx, 'ch_2', `${OPEN}-02T12:00:00Z`);
      const before = revenuesOf(ctx.workspace.db);
      // ch_2 is an ordinary update in the open month: the file's other rows still commit.
      const path = writeCsv(ctx.dir, 'updates.csv', [REVENUE_HEADER, `ch_1,sale,${c.occurredAt},${c.amount},USD,`, `ch_2,sale,${OPEN}-02T12:00:00Z,12.00,USD,`]);
      const res = await ok<ImportCommitResult>(ctx.core, 'imports.commit', { orgId: ORG, entity: 'revenues', path, operation: 'create_or_update', onError: 'skip' });
      expect(res.counts).toMatchObject({ updated: 1, blocked_locked_period: 1, created: 0 });
      const blocked = ctx.workspace.db.prepare("SELECT row_number, record_id, column_name, message FROM import_outcomes WHERE batch_id = ? AND outcome = 'blocked_locked_period'").all(res.batchId);
      expect(blocked).toEqual([{ row_number: 2, record_id: 1, column_name: 'occurred_at', message: lockedMonthMessage(c.period) }]);
      const after = revenuesOf(ctx.workspace.db);
      expect(after[0]).toEqual(before[0]);
      expect(after[1]).toEqual({ ...before[1], amount_micros: 12_000_000 });
    });
  }

  it('an update between two open months goes through (the check is about finalized months only)', async () => {
    const ctx = setup();
    storedRevenue(ctx, 'ch_1', `${OPEN}-15T12:00:00Z`);
    const res = await ok<BatchResponse>(ctx.core, 'revenues.batch', {
      orgId: ORG,
      operation: 'create_or_update',
      records: [{ external_id: 'ch_1', occurred_at: '2026-11-02T12:00:00Z', amount: '10.00', currency: 'USD' }],
    });
    expect(res.data[0]).toMatchObject({ status: 'updated', changes: ['occurred_at'] });
    expect(ctx.workspace.db.prepare("SELECT period FROM revenues WHERE external_id = 'ch_1'").pluck().get()).toBe('2026-11');
  });
});
