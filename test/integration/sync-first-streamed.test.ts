import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { startImportBatch } from '../../src/main/imports/records/import-batch';
import { setStreamedFirstSync } from '../../src/main/sync/first-sync';
import { rowHash, localRow } from '../../src/main/sync/record-state';
import { setThreadHandOver, threadPullsStarted } from '../../src/main/sync/sources/allocora-thread';
import { callOk } from '../support/temp-workspace';
import { startFakeAllocora, type FakeAllocora } from '../support/fake-allocora';
import { dataDigest, keys, ORG, runOne, syncWorkspace, useSyncTestSetup } from './sync-support';

// A first sync of seed 001 writes its pages as they are read (first-sync.ts), the paging
// carried on by a worker thread once an entity has read enough (here after 100 records, so
// a few hundred revenues go through the thread). Compared with the pull-then-store path.

useSyncTestSetup();
let server: FakeAllocora | undefined;
let previousHandOver: number | null;
beforeEach(() => {
  previousHandOver = setThreadHandOver(100);
});
afterEach(async () => {
  setThreadHandOver(previousHandOver);
  setStreamedFirstSync(true);
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function connect(ctx: ReturnType<typeof syncWorkspace>) {
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl: server!.baseUrl });
  keys.set(ORG, 'revenue', server!.key);
  return ctx;
}

/** Every table a sync writes, whole (timestamps included: the clock is frozen), but the batches' operation. */
function everything(db: Database.Database): string {
  const batchColumns = (db.prepare("SELECT name FROM pragma_table_info('import_batches') WHERE name != 'operation'").pluck().all() as string[]).join(', ');
  return ['payees', 'products', 'revenues', 'rules', 'rule_versions', 'import_batches', 'import_batch_totals', 'sync_links', 'sync_runs', 'sync_connections']
    .map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT ${t === 'import_batches' ? batchColumns : '*'} FROM ${t} ORDER BY 1`).raw(true).all())}`)
    .join('\n');
}

const operations = (db: Database.Database) => db.prepare('SELECT entity, operation FROM import_batches ORDER BY id').all();

describe('a first sync of the revenue source written as its pages are read', () => {
  it('gives exactly the rows, links, hashes, counts and batches of the pull-then-store path', async () => {
    server = await startFakeAllocora({ payees: 5, products: 4, revenues: 450, rules: 3 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-15T12:00:00Z'));
    const streamed = await connect(syncWorkspace());
    const threads = threadPullsStarted();
    const runA = await runOne(streamed.core, 'revenue');
    expect(threadPullsStarted()).toBe(threads + 1);
    setStreamedFirstSync(false);
    const whole = await connect(syncWorkspace());
    const runB = await runOne(whole.core, 'revenue');
    expect(threadPullsStarted()).toBe(threads + 1);
    expect(runA).toMatchObject({ status: 'committed', counts: { fetched: 462, created: 462, updated: 0, unchanged: 0, conflict: 0 } });
    expect(runA).toEqual(runB);
    // Compared as text: a difference shows as one line, not a million rows.
    expect(everything(streamed.workspace.db) === everything(whole.workspace.db)).toBe(true);
    // Revenues into an org that had none go through the bulk path (create_only): nothing to update.
    expect(operations(streamed.workspace.db)).toEqual([
      { entity: 'payees', operation: 'create_or_update' },
      { entity: 'products', operation: 'create_or_update' },
      { entity: 'revenues', operation: 'create_only' },
    ]);
    expect(operations(whole.workspace.db)).toEqual(['payees', 'products', 'revenues'].map((entity) => ({ entity, operation: 'create_or_update' })));
    // Every link carries the server's version and the local row as the sync left it.
    const db = streamed.workspace.db;
    const links = db.prepare("SELECT entity, local_id, server_hash, local_hash FROM sync_links WHERE org_id = ? AND source = 'revenue'").all(ORG) as Array<{ entity: string; local_id: number; server_hash: string; local_hash: string }>;
    expect(links).toHaveLength(462);
    for (const link of links) {
      expect(link.server_hash).toMatch(/^[0-9a-f]{16}$/);
      if (link.entity !== 'rules') expect(link.local_hash).toBe(rowHash(localRow(db, link.entity, link.local_id)));
    }
  });

  it('revenues into an org that already has some are written create_or_update: one imported before is updated to the server\'s values', async () => {
    server = await startFakeAllocora({ payees: 2, products: 2, revenues: 300 });
    const ctx = await connect(syncWorkspace());
    const db = ctx.workspace.db;
    const served = server.data.revenues[2];
    // rv_3 imported from a file before the first sync, with another amount; its payee and product too.
    for (const [entity, record] of [
      ['payees', { external_id: served.payee_external_id, name: 'Local payee', payout_currency: 'USD' }],
      ['products', { external_id: served.product_external_id, name: 'Local product' }],
      ['revenues', { external_id: 'rv_3', kind: 'sale', occurred_at: served.occurred_at, amount: '999.00', currency: 'USD', quantity: 1, payee_external_id: served.payee_external_id, product_external_id: served.product_external_id }],
    ] as const) {
      const batch = startImportBatch(db, { orgId: ORG, entity, source: 'api', operation: 'create_only', keepRejected: false });
      expect(batch.write([{ rowNumber: 1, record }]).rows).toMatchObject([{ outcome: 'created' }]);
      expect(batch.finish({ onError: 'reject' }).counts.created).toBe(1);
    }
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 304, created: 301, updated: 3 } });
    expect(db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'rv_3'").pluck().get()).toBe(Math.round(Number(served.amount) * 1_000_000));
    expect(db.prepare('SELECT count(*) FROM revenues').pluck().get()).toBe(300);
    expect(db.prepare('SELECT operation FROM import_batches WHERE id = ?').pluck().get(run.batches.revenues)).toBe('create_or_update');
  });

  it('the next sync judges against what the streamed one stored: a server change is written, a change on both sides is a conflict', async () => {
    server = await startFakeAllocora({ payees: 2, products: 2, revenues: 300 });
    const ctx = await connect(syncWorkspace());
    expect((await runOne(ctx.core, 'revenue')).counts.created).toBe(304);
    const db = ctx.workspace.db;
    db.prepare("UPDATE revenues SET quantity = 9 WHERE external_id = 'rv_7'").run();
    server.put('revenues', { external_id: 'rv_7', amount: '7.77' });
    server.put('revenues', { external_id: 'rv_250', amount: '2.50' });
    const next = await runOne(ctx.core, 'revenue');
    expect(next).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, conflict: 1 } });
    expect(db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'rv_250'").pluck().get()).toBe(2_500_000);
  });

  it('a fault on a page the thread reads leaves nothing written, named in the failed run', async () => {
    server = await startFakeAllocora({ payees: 2, products: 1, revenues: 450 });
    const ctx = await connect(syncWorkspace());
    const before = dataDigest(ctx.workspace.db);
    let pages = 0;
    server.afterAnswer((url) => {
      // After the third revenue page (the thread's second), every later one answers 503.
      if (url.pathname === '/api/v1/revenues' && ++pages === 3) server!.fail({ status: 503, times: 100, path: /revenues/ });
    });
    const run = await runOne(ctx.core, 'revenue');
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/^revenue source \(seed 001\): http:\/\/127\.0\.0\.1:\d+\/api\/v1\/revenues\?.* answered 503.*after 3 tries$/);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    expect(pages).toBe(3);
  });

  it('a bad record the thread reads is named by its number; a refused one by its external_id; nothing written', async () => {
    server = await startFakeAllocora({ payees: 2, products: 1, revenues: 450 });
    const ctx = await connect(syncWorkspace());
    const before = dataDigest(ctx.workspace.db);
    delete (server.data.revenues[320] as Record<string, unknown>).id;
    delete (server.data.revenues[320] as Record<string, unknown>).external_id;
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ status: 'failed', message: 'revenue source (seed 001): revenues record 321 has no id' });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    server.data.revenues.splice(320, 1);
    server.put('revenues', { external_id: 'rv_30', currency: 'U$D' });
    const refused = await runOne(ctx.core, 'revenue');
    expect(refused.status).toBe('failed');
    expect(refused.message).toMatch(/^revenue source \(seed 001\): revenues record external_id "rv_30" was refused: currency: /);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('a cancel while the thread reads stops the source with nothing written', async () => {
    server = await startFakeAllocora({ payees: 2, products: 1, revenues: 900 });
    const ctx = await connect(syncWorkspace());
    const before = dataDigest(ctx.workspace.db);
    const call = ctx.core.call('sync.run', { orgId: ORG }, { name: 't', permissions: 'all' });
    let pages = 0;
    server.afterAnswer((url) => {
      if (url.pathname === '/api/v1/revenues' && ++pages === 4) call.cancel();
    });
    const threads = threadPullsStarted();
    const result = await call.result;
    expect(threadPullsStarted()).toBe(threads + 1);
    expect(result).toMatchObject({ ok: true, value: { runs: [{ status: 'failed', message: 'revenue source (seed 001): cancelled; nothing of this source was written' }] } });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    // How many pages the thread read first is timing: it reads up to 8,000 records ahead of
    // the writer, so on a busy machine all nine (and the empty tenth) can be in before the
    // cancel lands; the source is cancelled and writes nothing either way.
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('a record changed on the server while the thread reads is read again: the source is then read whole, newest version kept', async () => {
    server = await startFakeAllocora({ payees: 1, products: 1, revenues: 450 });
    const ctx = await connect(syncWorkspace());
    let changed = false;
    server.afterAnswer((url) => {
      // After the second revenue page: rv_150 (on it) changes and moves to the end of the list.
      if (changed || url.pathname !== '/api/v1/revenues' || url.searchParams.get('offset') === null) return;
      changed = true;
      server!.put('revenues', { external_id: 'rv_150', amount: '1.55' });
    });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { created: 452, fetched: 452 } });
    const db = ctx.workspace.db;
    expect(db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'rv_150'").pluck().get()).toBe(1_550_000);
    expect(db.prepare('SELECT count(*) FROM revenues').pluck().get()).toBe(450);
    // One run and one batch per entity: the abandoned streamed attempt left nothing.
    expect(db.prepare('SELECT count(*) FROM sync_runs').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(3);
  });
});
