import { afterEach, describe, expect, it } from 'vitest';
import { callOk } from '../support/temp-workspace';
import { startFakeArrow, type FakeArrow } from '../support/fake-arrow-consumption';
import { dataDigest, keys, ORG, runOne, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 003 pulled through sync.run against a fake Arrow consumption API on 127.0.0.1.

useSyncTestSetup();
let server: FakeArrow | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function connected(count: number, months?: string[]) {
  server = await startFakeArrow(count, months);
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'consumption', baseUrl: server.baseUrl });
  keys.set(ORG, 'consumption', server.key);
  return ctx;
}

const consumptionOf = (ctx: ReturnType<typeof syncWorkspace>, license: string) =>
  ctx.workspace.db.prepare('SELECT consumed_sell_micros, consumed_buy_micros, billing_period, batch_id FROM consumption_records WHERE org_id = ? AND license_reference = ?').get(ORG, license) as
    | { consumed_sell_micros: number; consumed_buy_micros: number; billing_period: string; batch_id: number }
    | undefined;

describe('sync of the consumption source (seed 003)', () => {
  it('first sync reads page after page until the page past the end (404) and stores every record', async () => {
    const ctx = await connected(200);
    const run = await runOne(ctx.core, 'consumption');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 200, created: 200 } });
    expect(server!.requests).toEqual([1, 2, 3].map((page) => `/api/admin/arrow/consumption-records/?page=${page}&page_size=100`));
    const served = server!.records[36];
    const stored = consumptionOf(ctx, served.license_reference as string)!;
    expect(stored).toMatchObject({ billing_period: '2026-10-01', batch_id: run.batches.consumption });
    expect(stored.consumed_sell_micros).toBe(Number(String(served.consumed_sell).replace('.', '')) * 10_000);
    const link = ctx.workspace.db.prepare("SELECT local_id FROM sync_links WHERE source = 'consumption' AND source_id = ?").pluck().get(served.uuid);
    expect(link).toBeTypeOf('number');
  });

  it('an incremental sync keeps only the records modified since the cursor; a re-run writes nothing', async () => {
    const ctx = await connected(30);
    await runOne(ctx.core, 'consumption');
    const changed = server!.records[3];
    server!.change(changed.uuid, { consumed_sell: '123.45' });
    const run = await runOne(ctx.core, 'consumption');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 1, updated: 1, created: 0 } });
    expect(consumptionOf(ctx, changed.license_reference as string)!.consumed_sell_micros).toBe(123_450_000);
    // The next run asks from the oldest billing period still open on the server.
    expect(server!.requests.at(-1)).toContain('billing_period_from=2026-10-01');
    const before = dataDigest(ctx.workspace.db);
    expect(await runOne(ctx.core, 'consumption')).toMatchObject({ status: 'nothing_changed', counts: { fetched: 0 } });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('records of a finalized month are blocked_locked_period and not stored; the open month lands', async () => {
    const ctx = await connected(6, ['2026-10-01', '2026-09-01']);
    const run = await runOne(ctx.core, 'consumption');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 6, created: 3, blocked_locked_period: 3 } });
    const periods = ctx.workspace.db.prepare('SELECT DISTINCT billing_period FROM consumption_records WHERE org_id = ?').pluck().all(ORG);
    expect(periods).toEqual(['2026-10-01']);
  });

  it("a record the server finalized brings its final amounts, written as a billing export's row is", async () => {
    const ctx = await connected(10);
    await runOne(ctx.core, 'consumption');
    const finalized = server!.records[4];
    server!.change(finalized.uuid, { is_finalized: true, final_sell: '12.34', final_buy: '10.00', finalized_at: '2026-11-03T00:00:00Z' });
    const run = await runOne(ctx.core, 'consumption');
    // The estimate is as the last sync wrote it (unchanged, not written again); the final amounts update the record (billing batch).
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, unchanged: 1 } });
    expect(Object.keys(run.batches)).toEqual(['billing']);
    const stored = ctx.workspace.db.prepare('SELECT is_finalized, final_sell_micros, final_buy_micros FROM consumption_records WHERE license_reference = ?').get(finalized.license_reference);
    expect(stored).toEqual({ is_finalized: 1, final_sell_micros: 12_340_000, final_buy_micros: 10_000_000 });
  });

  it('a record reconciled here keeps its reconciliation when the server changes it (a conflict); the others update', async () => {
    const ctx = await connected(10);
    await runOne(ctx.core, 'consumption');
    const [kept, other] = [server!.records[2], server!.records[7]];
    const db = ctx.workspace.db;
    db.prepare(
      "UPDATE consumption_records SET final_sell_micros = consumed_sell_micros, final_buy_micros = consumed_buy_micros, finalized_at = '2026-11-01T00:00:00Z', is_finalized = 1, is_reconciled = 1, reconciled_at = '2026-11-02T00:00:00Z' WHERE license_reference = ?",
    ).run(kept.license_reference);
    const before = db.prepare('SELECT * FROM consumption_records WHERE license_reference = ?').get(kept.license_reference);
    server!.change(kept.uuid, { consumed_sell: '999.00' });
    server!.change(other.uuid, { consumed_sell: '5.55' });
    const run = await runOne(ctx.core, 'consumption');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, unchanged: 0, conflict: 1 } });
    expect(db.prepare('SELECT * FROM consumption_records WHERE license_reference = ?').get(kept.license_reference)).toEqual(before);
    expect(consumptionOf(ctx, other.license_reference as string)!.consumed_sell_micros).toBe(5_550_000);
  });

  it('a negative amount stops the source naming the record by uuid; nothing is written', async () => {
    const ctx = await connected(120);
    const bad = server!.records[110];
    server!.change(bad.uuid, { consumed_buy: '-4.00' });
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'consumption');
    expect(run.status).toBe('failed');
    expect(run.message).toBe(`consumption source (seed 003): consumption record uuid ${bad.uuid} was refused: consumed_buy: -4.00 is negative; consumption and billing amounts are never below zero`);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('a record whose billing period is not a month stops the source naming the record and the field', async () => {
    const ctx = await connected(5);
    const bad = server!.records[1];
    server!.change(bad.uuid, { billing_period: '2026-13-01' });
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'consumption');
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(new RegExp(`^consumption source \\(seed 003\\): consumption record uuid ${bad.uuid} was refused: billing_period: `));
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('403 is reported in the seed\'s words by sync.test and sync.run', async () => {
    const ctx = await connected(3);
    keys.set(ORG, 'consumption', server!.forbiddenKey);
    const test = await callOk<{ ok: boolean; status: number; message: string }>(ctx.core, 'sync.test', { orgId: ORG, source: 'consumption' });
    expect(test).toMatchObject({ ok: false, status: 403 });
    expect(test.message).toContain('403 Forbidden. You do not have permission to perform this action');
    const run = await runOne(ctx.core, 'consumption');
    expect(run.message).toContain('consumption source (seed 003): 403 Forbidden.');
  });

  it('a 502 then success is retried', async () => {
    const ctx = await connected(5);
    server!.fail({ status: 502, times: 2 });
    expect(await runOne(ctx.core, 'consumption')).toMatchObject({ status: 'committed', counts: { created: 5 } });
  });
});

describe('the next consumption page asked for while a page is read', () => {
  it('a record with no uuid on a full page is the fault named, even when the page asked for after it fails; nothing written', async () => {
    const ctx = await connected(250);
    const before = dataDigest(ctx.workspace.db);
    delete (server!.records[140] as Record<string, unknown>).uuid;
    server!.afterAnswer((url) => {
      // Page 2 (record 141's) is served; page 3, already asked for, fails for good.
      if (url.searchParams.get('page') === '2') server!.fail({ status: 500, times: 100, path: /consumption-records/ });
    });
    const run = await runOne(ctx.core, 'consumption');
    expect(run).toMatchObject({ status: 'failed', message: 'consumption source (seed 003): record 141 has no uuid' });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });
});
