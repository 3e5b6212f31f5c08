import { afterEach, describe, expect, it } from 'vitest';
import { callOk } from '../support/temp-workspace';
import { startFakeAllocora, type FakeAllocora } from '../support/fake-allocora';
import { CLOSED, dataDigest, keys, ORG, runOne, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 001 pulled through sync.run against a fake Allocora on 127.0.0.1.

useSyncTestSetup();
let server: FakeAllocora | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function connected(counts: Parameters<typeof startFakeAllocora>[0], key?: string) {
  server = await startFakeAllocora(counts);
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl: server.baseUrl });
  keys.set(ORG, 'revenue', key ?? server.key);
  return ctx;
}

function count(ctx: ReturnType<typeof syncWorkspace>, table: string): number {
  return ctx.workspace.db.prepare(`SELECT count(*) FROM ${table} WHERE org_id = ?`).pluck().get(ORG) as number;
}

describe('sync of the revenue source (seed 001)', () => {
  it('first sync pages through every entity and stores each record with its provenance', async () => {
    const ctx = await connected({ payees: 7, products: 3, revenues: 250 });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', message: null, counts: { fetched: 260, created: 260, updated: 0, blocked_locked_period: 0 } });
    expect(count(ctx, 'payees')).toBe(7);
    expect(count(ctx, 'products')).toBe(3);
    expect(count(ctx, 'revenues')).toBe(250);
    // 250 revenues are three pages of at most 100.
    expect(server!.requests.filter((r) => r.startsWith('/api/v1/revenues')).length).toBe(3);
    const db = ctx.workspace.db;
    const stored = db.prepare("SELECT amount_micros, currency, batch_id FROM revenues WHERE external_id = 'rv_42'").get() as { amount_micros: number; batch_id: number };
    const served = server!.data.revenues.find((r) => r.external_id === 'rv_42')!;
    expect(stored.amount_micros).toBe(Math.round(Number(served.amount) * 100) * 10_000);
    expect(stored.batch_id).toBe(run.batches.revenues);
    expect(db.prepare('SELECT source, profile FROM import_batches WHERE id = ?').get(run.batches.revenues)).toEqual({ source: 'api', profile: 'sync:revenue' });
    const link = db.prepare("SELECT local_id, run_id FROM sync_links WHERE org_id = ? AND source = 'revenue' AND entity = 'revenues' AND source_id = ?").get(ORG, served.id) as { local_id: number; run_id: number };
    expect(link.run_id).toBe(run.id);
    expect(db.prepare('SELECT external_id FROM revenues WHERE id = ?').pluck().get(link.local_id)).toBe('rv_42');
    const [connection] = (await callOk<{ connections: Array<{ cursors: Record<string, string> }> }>(ctx.core, 'sync.connections', { orgId: ORG })).connections;
    expect(connection.cursors.revenues).toBe(server!.data.revenues.at(-1)!.updated_at);
  });

  it('an incremental sync asks only for what changed and writes only that', async () => {
    const ctx = await connected({ payees: 2, products: 1, revenues: 30 });
    await runOne(ctx.core, 'revenue');
    server!.put('revenues', { external_id: 'rv_5', amount: '77.70' });
    server!.put('revenues', { external_id: 'rv_new', kind: 'sale', occurred_at: '2026-10-30T10:00:00Z', amount: '1.00', currency: 'USD', payee_external_id: 'pe_1' });
    server!.put('payees', { external_id: 'pe_2', name: 'Renamed' });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 3, created: 1, updated: 2, unchanged: 0 } });
    expect(ctx.workspace.db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'rv_5'").pluck().get()).toBe(77_700_000);
    expect(ctx.workspace.db.prepare("SELECT name FROM payees WHERE external_id = 'pe_2'").pluck().get()).toBe('Renamed');
    const asked = server!.requests.filter((r) => r.startsWith('/api/v1/revenues')).at(-1)!;
    expect(asked).toContain('updated_after=');
  });

  it('a re-run with nothing changed on the server writes nothing', async () => {
    const ctx = await connected({ payees: 2, products: 1, revenues: 10 });
    await runOne(ctx.core, 'revenue');
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'nothing_changed', counts: { fetched: 0, created: 0, updated: 0 }, batches: {} });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('records the server sends again unchanged (a lost cursor) write nothing either', async () => {
    const ctx = await connected({ payees: 2, products: 1, revenues: 10 });
    await runOne(ctx.core, 'revenue');
    ctx.workspace.db.prepare("UPDATE sync_connections SET cursors = '{}'").run();
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'nothing_changed', counts: { fetched: 13, unchanged: 13, created: 0, updated: 0 } });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('a record in a finalized month is not changed: blocked_locked_period, the others still land', async () => {
    const ctx = await connected({ payees: 1, products: 1, revenues: 4, months: ['2026-10', CLOSED] });
    const db = ctx.workspace.db;
    // The closed month's sales were stored before it was finalized.
    db.prepare("UPDATE periods SET status = 'in_progress' WHERE period = ?").run(CLOSED);
    await runOne(ctx.core, 'revenue');
    db.prepare("UPDATE periods SET status = 'finalized' WHERE period = ?").run(CLOSED);
    const closedOne = server!.data.revenues.find((r) => String(r.occurred_at).startsWith(CLOSED))!;
    const openOne = server!.data.revenues.find((r) => String(r.occurred_at).startsWith('2026-10'))!;
    const closedBefore = db.prepare('SELECT * FROM revenues WHERE external_id = ?').get(closedOne.external_id);
    server!.put('revenues', { external_id: closedOne.external_id, amount: '999.00' });
    server!.put('revenues', { external_id: openOne.external_id, amount: '5.00' });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, blocked_locked_period: 1 } });
    expect(db.prepare('SELECT * FROM revenues WHERE external_id = ?').get(closedOne.external_id)).toEqual(closedBefore);
    expect(db.prepare('SELECT amount_micros FROM revenues WHERE external_id = ?').pluck().get(openOne.external_id)).toBe(5_000_000);
  });

  it('a record with an invalid currency stops the source, names the record, and nothing is written', async () => {
    const ctx = await connected({ payees: 2, products: 1, revenues: 150 });
    server!.put('revenues', { external_id: 'rv_120', currency: 'U$D' });
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'revenue');
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/^revenue source \(seed 001\): revenues record external_id "rv_120" was refused: currency: /);
    // Payees and products of the same source were rolled back with it.
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('a refused record after the first chunk of 5,000 rolls back the chunks already written', async () => {
    const ctx = await connected({ payees: 1, products: 1, revenues: 5050 });
    server!.put('revenues', { external_id: 'rv_20', currency: 'DOLLARS' });
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'revenue');
    expect(run.message).toMatch(/^revenue source \(seed 001\): revenues record external_id "rv_20" was refused: currency: /);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('401 and 403 stop the sync in the seed\'s words, writing nothing', async () => {
    const ctx = await connected({ payees: 1, products: 1, revenues: 1 }, 'not-a-key');
    const before = dataDigest(ctx.workspace.db);
    const unauthorized = await runOne(ctx.core, 'revenue');
    expect(unauthorized.message).toBe(
      'revenue source (seed 001): 401 Unauthorized. Confirm the Authorization header includes Bearer followed by a current workspace API key and that the request is sent from a trusted server-side environment.',
    );
    keys.set(ORG, 'revenue', server!.forbiddenKey);
    const forbidden = await runOne(ctx.core, 'revenue');
    expect(forbidden.message).toMatch(/^revenue source \(seed 001\): 403 Forbidden\. The key is valid but does not include the required permission\..*read:payees/);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('429 with Retry-After and a 503 are retried, then the sync succeeds', async () => {
    const ctx = await connected({ payees: 1, products: 1, revenues: 120 });
    server!.fail({ status: 429, retryAfter: '0', times: 1, path: /revenues/ });
    server!.fail({ status: 503, times: 1, path: /revenues/ });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { created: 122 } });
    expect(server!.requests.filter((r) => r.startsWith('/api/v1/revenues')).length).toBe(4);
  });

  it('5xx on every try exhausts the retries and rolls the whole source back', async () => {
    const ctx = await connected({ payees: 3, products: 1, revenues: 120 });
    // Payees and products answer; revenues fail every time: none of the source is kept.
    server!.fail({ status: 500, times: 100, path: /revenues/ });
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'revenue');
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/^revenue source \(seed 001\): http:\/\/127\.0\.0\.1:\d+\/api\/v1\/revenues\?.* answered 500.*after 3 tries$/);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    const history = await callOk<{ runs: Array<{ status: string }> }>(ctx.core, 'sync.history', { orgId: ORG });
    expect(history.runs.map((r) => r.status)).toEqual(['failed']);
  });

  it('a server answering HTML is refused by name, nothing written', async () => {
    const ctx = await connected({ payees: 1, products: 1, revenues: 1 });
    server!.fail({ status: 200, times: 1, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html><body>Sign in</body></html>' });
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'revenue');
    expect(run.message).toMatch(/^revenue source \(seed 001\): .*\/api\/v1\/payees\?.* answered text\/html that is not JSON/);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });

  it('sync.test calls the ping and reports 401 in the seed\'s words', async () => {
    const ctx = await connected({ payees: 0, products: 0, revenues: 0 });
    expect(await callOk(ctx.core, 'sync.test', { orgId: ORG, source: 'revenue' })).toEqual({ source: 'revenue', ok: true, status: 200, message: 'revenue source (seed 001): the key works' });
    expect(server!.requests).toEqual(['/api/allocora/ping']);
    keys.set(ORG, 'revenue', 'wrong');
    expect(await callOk(ctx.core, 'sync.test', { orgId: ORG, source: 'revenue' })).toMatchObject({ ok: false, status: 401, message: expect.stringContaining('401 Unauthorized. Confirm the Authorization header') });
    keys.set(ORG, 'revenue', null);
    expect(await callOk(ctx.core, 'sync.test', { orgId: ORG, source: 'revenue' })).toMatchObject({ ok: false, status: null, message: expect.stringContaining('no API key') });
  });
});

describe('paging the revenue source while it changes', () => {
  it('a record changed between two page requests is read again in its newest version, and none is skipped', async () => {
    const ctx = await connected({ payees: 1, products: 1, revenues: 250 });
    let changed = false;
    server!.afterAnswer((url) => {
      // After the first revenue page: rv_10 (read on it) changes and moves to the end of the list.
      if (changed || url.pathname !== '/api/v1/revenues') return;
      changed = true;
      server!.put('revenues', { external_id: 'rv_10', amount: '4.44' });
    });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { created: 252, fetched: 252 } });
    expect(ctx.workspace.db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'rv_10'").pluck().get()).toBe(4_440_000);
    expect(count(ctx, 'revenues')).toBe(250);
  });

  it('records sharing one updated_at across pages are all read (the page continues within the instant)', async () => {
    const ctx = await connected({ payees: 1, products: 1, revenues: 230, tiedRevenues: true });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'committed', counts: { created: 232 } });
    expect(count(ctx, 'revenues')).toBe(230);
    const asked = server!.requests.filter((r) => r.startsWith('/api/v1/revenues'));
    expect(asked.slice(1).map((r) => new URLSearchParams(r.split('?')[1]).get('offset'))).toEqual(['100', '200']);
  });

  it('two source records with the same external_id and different values stop the source naming it', async () => {
    const ctx = await connected({ payees: 1, products: 1, revenues: 120 });
    const twin = { ...server!.data.revenues[5], id: '00000000-0000-4000-8000-0000000beef1', amount: '1.23', updated_at: new Date().toISOString() };
    server!.data.revenues.push(twin);
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'revenue');
    expect(run.status).toBe('failed');
    expect(run.message).toContain(`revenues record external_id "${twin.external_id}" was refused`);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });
});

describe('the next page asked for while a page is read', () => {
  it('a bad record on a full page is the fault named, even when the page asked for after it fails; nothing is written', async () => {
    const ctx = await connected({ payees: 2, products: 1, revenues: 250 });
    const before = dataDigest(ctx.workspace.db);
    // Record 51 of the first revenue page has no id and no external_id.
    const bad = server!.data.revenues[50];
    delete (bad as Record<string, unknown>).id;
    delete (bad as Record<string, unknown>).external_id;
    server!.afterAnswer((url) => {
      // Every later revenue page fails for good (the retries included).
      if (url.pathname === '/api/v1/revenues') server!.fail({ status: 500, times: 100, path: /revenues/ });
    });
    const run = await runOne(ctx.core, 'revenue');
    expect(run).toMatchObject({ status: 'failed', message: 'revenue source (seed 001): revenues record 51 has no id' });
    expect(dataDigest(ctx.workspace.db)).toBe(before);
  });
});

describe('progress and cancel', () => {
  it('reports each page read, and a cancel between pages stops the source with nothing written', async () => {
    const ctx = await connected({ payees: 2, products: 1, revenues: 350 });
    const events: string[] = [];
    const before = dataDigest(ctx.workspace.db);
    const call = ctx.core.call('sync.run', { orgId: ORG }, { name: 't', permissions: 'all' }, (event) => events.push(`${event.task} ${event.done} ${event.message}`));
    server!.afterAnswer((url) => {
      // Once the second revenue page is served, the person presses Cancel.
      if (url.pathname === '/api/v1/revenues' && url.searchParams.get('offset') !== null) call.cancel();
    });
    const result = await call.result;
    expect(result.ok).toBe(true);
    const { runs } = (result as { value: { runs: Array<{ status: string; message: string }> } }).value;
    expect(runs).toEqual([expect.objectContaining({ status: 'failed', message: 'revenue source (seed 001): cancelled; nothing of this source was written' })]);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    expect(events).toEqual([
      'sync.run 2 revenue source (seed 001): 2 payees read',
      'sync.run 1 revenue source (seed 001): 1 products read',
      'sync.run 100 revenue source (seed 001): 100 revenues read',
      'sync.run 200 revenue source (seed 001): 200 revenues read',
    ]);
  });
});

describe('rules of the revenue source (seed 001)', () => {
  it('are saved as rules.batch saves them: created, then a changed one updated with a new version by the sync', async () => {
    const ctx = await connected({ payees: 2, products: 3, revenues: 5, rules: 3 });
    const first = await runOne(ctx.core, 'revenue');
    expect(first).toMatchObject({ status: 'committed', counts: { fetched: 2 + 3 + 5 + 3, created: 13 } });
    const db = ctx.workspace.db;
    expect(db.prepare("SELECT external_id, status, scope, version FROM rules WHERE org_id = ? ORDER BY external_id").all(ORG)).toEqual(
      ['ru_1', 'ru_2', 'ru_3'].map((external_id) => ({ external_id, status: 'active', scope: 'product', version: 1 })),
    );
    server!.put('rules', { external_id: 'ru_2', name: 'Renamed split' });
    const second = await runOne(ctx.core, 'revenue');
    expect(second).toMatchObject({ status: 'committed', counts: { fetched: 1, updated: 1 } });
    const versions = db.prepare("SELECT v.version, v.saved_by, v.change FROM rule_versions v JOIN rules r ON r.id = v.rule_id WHERE r.external_id = 'ru_2' ORDER BY v.version").all();
    expect(versions).toEqual([
      { version: 1, saved_by: 'sync (revenue source (seed 001))', change: 'created' },
      { version: 2, saved_by: 'sync (revenue source (seed 001))', change: 'updated' },
    ]);
    const served = server!.data.rules.find((r) => r.external_id === 'ru_2')!;
    expect(db.prepare("SELECT count(*) FROM sync_links WHERE entity = 'rules' AND source_id = ?").pluck().get(served.id)).toBe(1);
    // Saved at whole seconds, as rules.save stamps its versions.
    for (const at of db.prepare('SELECT saved_at FROM rule_versions').pluck().all() as string[]) expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('a rule with a share over 100% stops the source naming it; nothing of the source is written', async () => {
    const ctx = await connected({ payees: 2, products: 2, revenues: 5, rules: 2 });
    server!.put('rules', { external_id: 'ru_2', splits: [{ payee_external_id: 'pe_1', percentage: '150' }] });
    const before = dataDigest(ctx.workspace.db);
    const run = await runOne(ctx.core, 'revenue');
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/^revenue source \(seed 001\): rules record external_id "ru_2" was refused: splits\.0\.percentage: \S/);
    expect(dataDigest(ctx.workspace.db)).toBe(before);
    expect(ctx.workspace.db.prepare('SELECT count(*) FROM rules').pluck().get()).toBe(0);
  });
});
