import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { tempWorkspace } from '../support/temp-workspace';
import { CLOSED, digest, ok, ORG, sale, seedOrg } from './imports-records-support';

// revenue-writer.ts guards on updates and in locked months: an update that re-points a
// refund or changes its currency is checked against its sale like a new refund, and a
// create_only row naming a stored record in a locked month is its duplicate, not blocked.

function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

const batch = (ctx: ReturnType<typeof setup>, input: object) => ok<BatchResponse>(ctx.core, 'revenues.batch', { orgId: ORG, ...input });

describe('an update of a refund is checked against the sale it names', () => {
  it('refuses a refund re-pointed at a sale that does not exist, or moved to another currency than its sale, and writes nothing', async () => {
    const ctx = setup();
    await batch(ctx, { records: [sale('ch_1', '10.00'), sale('re_1', '-2.00', { kind: 'refund', refund_of: 'ch_1' })] });
    const before = digest(ctx.workspace.db);
    const res = await batch(ctx, {
      operation: 'update_only',
      records: [
        { external_id: 're_1', refund_of: 'ch_missing' },
        { external_id: 're_1', currency: 'EUR' },
      ],
    });
    expect(res.data.map((r) => [r.status, r.error?.field])).toEqual([
      ['error', 'refund_of'],
      ['error', 'refund_of'],
    ]);
    expect(res.data[1].error?.message).toContain('the sale "ch_1" is in USD; this refund is in EUR');
    expect(digest(ctx.workspace.db)).toBe(before);
  });
});

describe('a create_only row naming a record stored in a locked month', () => {
  it('is a skipped_duplicate of that record, not a blocked row', async () => {
    const ctx = setup();
    const db = ctx.workspace.db;
    const id = Number(
      db
        .prepare(
          `INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at)
           VALUES (?, 'ch_9', 'sale', ?, ?, 5000000, 'USD', '2026-09-10T00:00:00Z', '2026-09-10T00:00:00Z')`,
        )
        .run(ORG, `${CLOSED}-10T12:00:00Z`, CLOSED).lastInsertRowid,
    );
    const before = digest(db);
    const res = await batch(ctx, { records: [sale('ch_9', '5.00', { occurred_at: `${CLOSED}-10T12:00:00Z` })] });
    expect(res.data).toEqual([expect.objectContaining({ status: 'skipped_duplicate', existing_id: id })]);
    expect(digest(db)).toBe(before);
  });
});
