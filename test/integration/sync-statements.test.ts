import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../src/main/core/host';
import type { StatementDetail, StatementPage, StatementListItem } from '../../src/shared/contract/statements';
import type { SyncConflict, SyncRun } from '../../src/shared/contract/sync';
import { callOk, LOCAL } from '../support/temp-workspace';
import { dollars, LIST_PATH, startFakeStatements, type FakeStatements } from '../support/fake-statements';
import { keys, ORG, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 004 (statements) pulled through sync.run against a fake statements API on 127.0.0.1.
// The org (sync-support) has September 2026 finalized and October open; it has no price
// plans, so no statement is generated here unless a test makes one.

useSyncTestSetup();
let server: FakeStatements | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function connected(count: number) {
  server = await startFakeStatements(count);
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'statements', baseUrl: server.listUrl });
  keys.set(ORG, 'statements', server.key);
  return ctx;
}

async function run(core: CoreHost): Promise<SyncRun> {
  const { runs } = await callOk<{ runs: SyncRun[] }>(core, 'sync.run', { orgId: ORG, sources: ['statements'] });
  return runs[0]!;
}

const query = (request: string) => new URLSearchParams(request.split('?')[1]);
type Ctx = ReturnType<typeof syncWorkspace>;
/** What a statements sync writes. */
const digest = (ctx: Ctx) =>
  ['statements', 'sync_links', 'sync_connections', 'sync_conflicts'].map((t) => JSON.stringify(ctx.workspace.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw(true).all())).join('\n');
const totalOf = (ctx: Ctx, sid: string) => ctx.workspace.db.prepare('SELECT total_micros FROM statements WHERE sid = ?').pluck().get(sid);

/** A statement generated here (origin local) for a cycle, fixed or current. */
function localStatement(ctx: Ctx, dateStart: string, dateEnd: string, isCurrent: boolean, totalMicros = 1_000_000) {
  const columns = ['seats', 'record_count', 'section_widget_uses', 'column_widget_uses', 'version_count', 'file_size_mb', 'backups'];
  const micros = ['subscription_price', 'ppu_price', 'section_widget_price', 'column_widget_price', 'record_storage_price', 'file_storage_price', 'backup_price', 'subscription_cost', 'ppu_cost', 'section_widget_usage_cost', 'column_widget_usage_cost', 'record_storage_cost', 'file_storage_cost', 'backup_cost', 'credits_applied', 'available_credits'].map((c) => `${c}_micros`);
  ctx.workspace.db
    .prepare(
      `INSERT INTO statements (sid, org_id, date_start, date_end, currency, is_current, is_subscription, ${[...columns, ...micros].join(', ')}, total_micros, amount_due_micros, plan_segments, generated_at)
       VALUES (?, ?, ?, ?, 'USD', ?, 1, ${[...columns, ...micros].map(() => '0').join(', ')}, ?, ?, '[]', '2026-10-01T00:00:00Z')`,
    )
    .run(`st_local_${dateStart}`, ORG, dateStart, dateEnd, isCurrent ? 1 : 0, totalMicros, totalMicros);
}

describe('sync of the statements source (seed 004)', () => {
  it('first sync pages with page_size / page_number and the detail serializer, stores each statement marked synced, its sid as provenance; a month finalized here is blocked', async () => {
    const ctx = await connected(230);
    const first = await run(ctx.core);
    // 2026-09 is finalized here: its statement is not written.
    expect(first).toMatchObject({ status: 'committed', counts: { fetched: 230, created: 229, blocked_locked_period: 1, conflict: 0 } });
    expect(server!.requests.map((r) => [r.split('?')[0], query(r).get('page_size'), query(r).get('page_number')])).toEqual([
      [`${LIST_PATH}/detail/`, '100', '1'],
      [`${LIST_PATH}/detail/`, '100', '2'],
      [`${LIST_PATH}/detail/`, '100', '3'],
    ]);
    const served = server!.statements[5]!;
    const detail = await callOk<StatementDetail & { origin: string }>(ctx.core, 'statements.get', { sid: served.sid });
    expect(detail).toMatchObject({
      sid: served.sid,
      origin: 'synced',
      date_start: served.date_start,
      date_end: served.date_end,
      seats: served.seats,
      subscription_price: '$12/seat/month',
      ppu_price: '$0.0025/record',
      subscription_cost: served.subscription_cost,
      total: served.total,
      file_size: '45,000 MB',
      is_current: false,
    });
    const page = await callOk<StatementPage<StatementListItem & { origin: string }>>(ctx.core, 'statements.list', { orgId: ORG, serializer: 'list', page_size: 10, page_number: 1 });
    expect(page.count).toBe(229);
    expect(page.results[0]).toMatchObject({ sid: server!.statements[0]!.sid, origin: 'synced' });
    expect(ctx.workspace.db.prepare("SELECT local_id FROM sync_links WHERE source = 'statements' AND source_id = ?").pluck().get(served.sid)).toBe(
      ctx.workspace.db.prepare('SELECT id FROM statements WHERE sid = ?').pluck().get(served.sid),
    );
    // The September statement (finalized month) is not here.
    expect(ctx.workspace.db.prepare("SELECT count(*) FROM statements WHERE date_start = '2026-09-01'").pluck().get()).toBe(0);
  });

  it('a re-run with nothing changed reads one page and writes nothing; a new cycle and the current one changed are read from page 1 only', async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const requests = server!.requests.length;
    const before = digest(ctx);
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed', counts: { created: 0, updated: 0 } });
    expect(server!.requests.length - requests).toBe(1);
    expect(digest(ctx)).toBe(before);

    const previous = server!.statements[0]!;
    server!.change(previous.sid, { total: '$999.99' });
    const fresh = server!.nextCycle();
    const second = await run(ctx.core);
    expect(second).toMatchObject({ status: 'committed', counts: { created: 1, updated: 1 } });
    expect(server!.requests.length - requests).toBe(2);
    expect(totalOf(ctx, previous.sid)).toBe(999_990_000);
    expect(ctx.workspace.db.prepare('SELECT is_current FROM statements WHERE sid = ?').pluck().get(previous.sid)).toBe(0);
    expect(ctx.workspace.db.prepare('SELECT is_current, origin FROM statements WHERE sid = ?').get(fresh.sid)).toEqual({ is_current: 1, origin: 'synced' });
  });

  it('a statement generated here for a fixed cycle is blocked, never overwritten; the current one generated here is a conflict, resolved by keep_local or take_server', async () => {
    const ctx = await connected(3);
    localStatement(ctx, '2026-08-01', '2026-08-31', false, 5_000_000);
    localStatement(ctx, '2026-10-01', '2026-10-31', true, 7_000_000);
    const first = await run(ctx.core);
    // 2026-10 local current: conflict; 2026-09 finalized month: blocked; 2026-08 fixed here: blocked.
    expect(first).toMatchObject({ status: 'committed', counts: { fetched: 3, created: 0, blocked_locked_period: 2, conflict: 1 } });
    expect(totalOf(ctx, 'st_local_2026-08-01')).toBe(5_000_000);
    const { conflicts } = await callOk<{ conflicts: SyncConflict[] }>(ctx.core, 'sync.conflicts', { orgId: ORG, source: 'statements' });
    expect(conflicts).toHaveLength(1);
    const served = server!.statements[0]!;
    expect(conflicts[0]).toMatchObject({ source: 'statements', entity: 'statements', sourceId: served.sid, status: 'open' });
    expect(conflicts[0]!.localValues).toMatchObject({ total: '7', date_start: '2026-10-01' });
    expect(conflicts[0]!.serverValues).toMatchObject({ total: String(served.total).replace('$', '').replace(',', '') });
    expect(conflicts[0]!.differing).toContain('total');

    const kept = await callOk<SyncConflict>(ctx.core, 'sync.resolve', { orgId: ORG, id: conflicts[0]!.id, choice: 'keep_local' });
    expect(kept).toMatchObject({ status: 'resolved', choice: 'keep_local' });
    expect(totalOf(ctx, 'st_local_2026-10-01')).toBe(7_000_000);
    // Seen and kept: the same server version is not raised again.
    expect(await run(ctx.core)).toMatchObject({ counts: { conflict: 0 } });

    // The server changes it again: a new conflict; take_server writes the server's statement over the local one.
    server!.change(served.sid, { total: dollars(123_456) });
    expect(await run(ctx.core)).toMatchObject({ counts: { conflict: 1 } });
    const [open] = (await callOk<{ conflicts: SyncConflict[] }>(ctx.core, 'sync.conflicts', { orgId: ORG, status: 'open' })).conflicts;
    const taken = await callOk<SyncConflict>(ctx.core, 'sync.resolve', { orgId: ORG, id: open!.id, choice: 'take_server' });
    expect(taken).toMatchObject({ status: 'resolved', choice: 'take_server' });
    expect(ctx.workspace.db.prepare("SELECT total_micros, origin FROM statements WHERE org_id = ? AND date_start = '2026-10-01'").get(ORG)).toEqual({ total_micros: 1_234_560_000, origin: 'synced' });
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed', counts: { conflict: 0 } });
  });

  it('401 and 403 stop the source in words (key sent as "Token <key>"); sync.test reads one name', async () => {
    const ctx = await connected(3);
    keys.set(ORG, 'statements', 'not-a-key');
    const before = digest(ctx);
    expect(await run(ctx.core)).toMatchObject({ status: 'failed', message: expect.stringMatching(/^statements source \(seed 004\): 401 Unauthorized\. .*check the token/) });
    keys.set(ORG, 'statements', server!.forbiddenKey);
    expect((await run(ctx.core)).message).toMatch(/^statements source \(seed 004\): 403 Forbidden\. .*Admin key/);
    expect(digest(ctx)).toBe(before);
    keys.set(ORG, 'statements', server!.key);
    expect(await callOk(ctx.core, 'sync.test', { orgId: ORG, source: 'statements' })).toMatchObject({ ok: true });
    expect(server!.requests.at(-1)).toBe(`${LIST_PATH}/name/?page_size=1&page_number=1`);
  });

  it('a base URL that is not the org\'s statement list URL is refused naming it', async () => {
    const ctx = await connected(1);
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'statements', baseUrl: server!.baseUrl });
    expect((await run(ctx.core)).message).toMatch(/^statements source \(seed 004\): the base URL must be the seed's statement list URL of the org/);
  });

  it.each([
    ['a cost that is not an amount', { total: 'lots' }, /statement st_fake_000120: total "lots" is not an amount/],
    ['a price without its unit', { ppu_price: '$0.0025' }, /statement st_fake_000120: ppu_price "\$0.0025" is not an amount followed by \/record/],
    ['a negative count', { seats: -1 }, /statement st_fake_000120: seats -1 is not a whole number of 0 or more/],
    ['a day that does not exist', { date_end: '2016-02-30' }, /statement st_fake_000120: date_end "2016-02-30" is not a day/],
    ['another currency', { total: '€10.00' }, /statement st_fake_000120: total "€10.00" is in another currency/],
  ])('a statement with %s on the second page stops the source naming its sid; nothing written', async (_what, fields, words) => {
    const ctx = await connected(150);
    server!.change('st_fake_000120', fields);
    const before = digest(ctx);
    const result = await run(ctx.core);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(words);
    expect(digest(ctx)).toBe(before);
  });

  it('two statements for one cycle (different sids) stop the source naming both; one read twice across pages is kept once', async () => {
    const ctx = await connected(150);
    // The first page's last statement again at the top of the second page (a new one shifted the pages): same sid, kept once.
    server!.statements.splice(100, 0, { ...server!.statements[99]! });
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { fetched: 150, created: 149 } });
    await server!.close();
    const second = await connected(150);
    server!.change('st_fake_000120', { date_start: server!.statements[119]!.date_start, date_end: server!.statements[119]!.date_end });
    const before = digest(second);
    expect((await run(second.core)).message).toBe(
      'statements source (seed 004): statements st_fake_000119 and st_fake_000120 are both for the cycle starting ' + String(server!.statements[119]!.date_start) + '; nothing of this source was written',
    );
    expect(digest(second)).toBe(before);
  });

  it("amounts in another currency than the org's are refused naming the statement, nothing written", async () => {
    const ctx = await connected(2);
    for (const s of server!.statements) {
      for (const [k, v] of Object.entries(s)) if (typeof v === 'string' && v.startsWith('$')) s[k] = `€${v.slice(1)}`;
    }
    const before = digest(ctx);
    expect((await run(ctx.core)).message).toMatch(/statement st_fake_000000: its amounts are in "€", not the org's currency USD \(\$\)/);
    expect(digest(ctx)).toBe(before);
  });

  it('429 and 503 are retried; HTML and malformed JSON are refused naming the source, nothing written', async () => {
    const ctx = await connected(120);
    server!.fail({ status: 429, retryAfter: '0', times: 1 });
    server!.fail({ status: 503, times: 1 });
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { created: 119 } });
    server!.nextCycle();
    const before = digest(ctx);
    server!.fail({ status: 200, times: 1, contentType: 'text/html', body: '<html>Sign in</html>' });
    expect((await run(ctx.core)).message).toMatch(/^statements source \(seed 004\): .*answered text\/html that is not JSON/);
    server!.fail({ status: 200, times: 1, body: '{"results": [' });
    expect((await run(ctx.core)).message).toMatch(/^statements source \(seed 004\): .*answered malformed JSON/);
    expect(digest(ctx)).toBe(before);
  });

  it('the generator here leaves synced statements alone, even with price plans of its own', async () => {
    const ctx = await connected(2);
    await run(ctx.core);
    const synced = () => JSON.stringify(ctx.workspace.db.prepare("SELECT * FROM statements WHERE origin = 'synced' ORDER BY id").all());
    const before = synced();
    const plans = await ctx.core.call('plans.batch', { orgId: ORG, records: [{ external_id: 'p1', name: 'Plan', effective_from: '2026-10-01', is_subscription: true, subscription_price: '1', ppu_price: '0', section_widget_price: '0', column_widget_price: '0', record_storage_price: '0', file_storage_price: '0', backup_price: '0' }] }, LOCAL).result;
    expect(plans.ok).toBe(true);
    const page = await callOk<StatementPage<{ sid: string }>>(ctx.core, 'statements.list', { orgId: ORG, serializer: 'name', page_size: 10, page_number: 1 });
    expect(synced()).toBe(before);
    // Its own statements only for the cycles the server sent none for (the plan starts in October, the synced one's cycle).
    const generated = ctx.workspace.db.prepare("SELECT date_start FROM statements WHERE origin = 'local' ORDER BY date_start").pluck().all() as string[];
    expect(generated.length).toBeGreaterThan(0);
    expect(generated).not.toContain('2026-10-01');
    expect(page.results.map((r) => r.sid)).toContain(server!.statements[0]!.sid);
  });
});
