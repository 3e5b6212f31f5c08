import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../src/main/core/host';
import type { StatementDetail, StatementListItem, StatementPage } from '../../src/shared/contract/statements';
import type { SyncConflict, SyncRun } from '../../src/shared/contract/sync';
import { callOk } from '../support/temp-workspace';
import { startFakeStatements, type FakeStatements } from '../support/fake-statements';
import { keys, ORG, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 004: a fixed statement the server changes or deletes after a sync stored it. The
// incremental run stops at the first fixed statement it has (one page), so it does not see
// them; sync.run {full: true} reads every page. The org (sync-support) has September 2026
// finalized and October open; the fake serves one statement a month, 2026-10 current.

useSyncTestSetup();
let server: FakeStatements | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Ctx = ReturnType<typeof syncWorkspace>;

async function connected(count: number): Promise<Ctx> {
  server = await startFakeStatements(count);
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'statements', baseUrl: server.listUrl });
  keys.set(ORG, 'statements', server.key);
  return ctx;
}

async function run(core: CoreHost, full = false): Promise<SyncRun> {
  const { runs } = await callOk<{ runs: SyncRun[] }>(core, 'sync.run', { orgId: ORG, sources: ['statements'], ...(full ? { full } : {}) });
  return runs[0]!;
}

/** The statements, their conflicts and links (a link's last run and time aside): what a statements sync changes. */
const written = (ctx: Ctx) =>
  [
    'SELECT * FROM statements ORDER BY id',
    'SELECT * FROM sync_conflicts ORDER BY id',
    'SELECT source_id, local_id, server_hash, local_hash, deleted_on_server_at FROM sync_links ORDER BY source_id',
  ]
    .map((sql) => JSON.stringify(ctx.workspace.db.prepare(sql).raw(true).all()))
    .join('\n');
const totalOf = (ctx: Ctx, sid: string) => ctx.workspace.db.prepare('SELECT total_micros FROM statements WHERE sid = ?').pluck().get(sid);
const markOf = (ctx: Ctx, sid: string) => ctx.workspace.db.prepare("SELECT deleted_on_server_at FROM sync_links WHERE source = 'statements' AND source_id = ?").pluck().get(sid);
const marked = (ctx: Ctx) => ctx.workspace.db.prepare("SELECT source_id FROM sync_links WHERE source = 'statements' AND deleted_on_server_at IS NOT NULL ORDER BY 1").pluck().all();
const finalize = (ctx: Ctx, month: string) => ctx.workspace.db.prepare("INSERT INTO periods VALUES (?, ?, 'finalized', '2026-10-02T00:00:00Z')").run(ORG, month);
const pagesRead = () => server!.requests.filter((r) => r.includes('/detail/')).length;

describe('statements source (seed 004): fixed statements changed or deleted on the server', () => {
  it('a changed fixed statement is not read by the incremental run; the full re-check reads every page and applies it in an open month, blocks it in a month finalized here', async () => {
    const ctx = await connected(230);
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { created: 229, blocked_locked_period: 1 } });
    const old = server!.statements[150]!;
    server!.change(old.sid, { total: '$9,999.00' });
    server!.requests.length = 0;
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    expect(pagesRead()).toBe(1);
    expect(totalOf(ctx, old.sid)).not.toBe(9_999_000_000);

    server!.requests.length = 0;
    const full = await run(ctx.core, true);
    expect(pagesRead()).toBe(3);
    // 2026-09 (finalized here, never stored) is blocked again; the other 228 are as stored.
    expect(full).toMatchObject({ status: 'committed', counts: { fetched: 230, created: 0, updated: 1, unchanged: 228, blocked_locked_period: 1, conflict: 0 } });
    expect(totalOf(ctx, old.sid)).toBe(9_999_000_000);
    // Nothing else changed: a second full re-check writes nothing.
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { updated: 0, unchanged: 229, blocked_locked_period: 1 } });

    // Its month finalized here: a further change is blocked, nothing written.
    finalize(ctx, old.date_end.slice(0, 7));
    server!.change(old.sid, { total: '$1.00' });
    const before = written(ctx);
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { updated: 0, unchanged: 228, blocked_locked_period: 2 } });
    expect(written(ctx)).toBe(before);
    expect(totalOf(ctx, old.sid)).toBe(9_999_000_000);
  });

  it('a statement deleted on the server moves the count: the incremental run reads on to the end and marks it on its link (counted updated), never deletes it; listed again, the mark goes; one in a month finalized here is left as it is', async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const gone = server!.remove(server!.statements[150]!.sid);
    server!.requests.length = 0;
    const noticed = await run(ctx.core);
    // 229 listed where 230 were and no new cycle: every page read; the known fixed ones are not stored again.
    expect(pagesRead()).toBe(3);
    expect(noticed).toMatchObject({ status: 'committed', counts: { fetched: 1, updated: 1, unchanged: 1 } });
    expect(marked(ctx)).toEqual([gone.sid]);
    expect(markOf(ctx, gone.sid)).toBe(noticed.startedAt);
    expect(totalOf(ctx, gone.sid)).not.toBeUndefined();
    // statements.get and statements.list say so; the others are live.
    expect(await callOk<StatementDetail>(ctx.core, 'statements.get', { sid: gone.sid })).toMatchObject({ origin: 'synced', deleted_on_server_at: noticed.startedAt });
    const listed = await callOk<StatementPage<StatementListItem>>(ctx.core, 'statements.list', { orgId: ORG, serializer: 'list', page_size: 100, page_number: 2 });
    expect(listed.results.filter((s) => s.deleted_on_server_at !== null).map((s) => [s.sid, s.deleted_on_server_at])).toEqual([[gone.sid, noticed.startedAt]]);
    // The count kept: the next run reads one page again. Still gone at a full re-check: the mark is kept, nothing counted for it.
    server!.requests.length = 0;
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    expect(pagesRead()).toBe(1);
    expect(await run(ctx.core, true)).toMatchObject({ counts: { fetched: 229, updated: 0, unchanged: 228, blocked_locked_period: 1 } });
    expect(markOf(ctx, gone.sid)).toBe(noticed.startedAt);

    server!.restore(gone);
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { fetched: 1, updated: 1, unchanged: 1 } });
    expect(marked(ctx)).toEqual([]);
    expect(await callOk<StatementDetail>(ctx.core, 'statements.get', { sid: gone.sid })).toMatchObject({ deleted_on_server_at: null });

    // A cycle ending in a month finalized here: gone on the server, blocked here, not marked.
    const july = server!.statements.find((s) => s.date_start === '2026-07-01')!;
    finalize(ctx, '2026-07');
    server!.remove(july.sid);
    const before = written(ctx);
    expect(await run(ctx.core)).toMatchObject({ counts: { updated: 0, blocked_locked_period: 1 } });
    expect(written(ctx)).toBe(before);
  });

  it('a deletion and a new cycle in one go still move the count off the expected: the new one is stored, the deleted one marked', async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const gone = server!.remove(server!.statements[120]!.sid);
    const fresh = server!.nextCycle();
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { created: 1, updated: 2 } });
    expect(marked(ctx)).toEqual([gone.sid]);
    expect(totalOf(ctx, fresh.sid)).not.toBeUndefined();
  });

  it('a statement blocked in a month finalized here is not read again once the month is reopened; the full re-check writes it', async () => {
    const ctx = await connected(230);
    expect(await run(ctx.core)).toMatchObject({ counts: { created: 229, blocked_locked_period: 1 } });
    const september = server!.statements.find((s) => s.date_start === '2026-09-01')!;
    expect(totalOf(ctx, september.sid)).toBeUndefined();
    ctx.workspace.db.prepare("UPDATE periods SET status = 'in_progress', finalized_at = NULL WHERE org_id = ? AND period = '2026-09'").run(ORG);
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { created: 1, unchanged: 229, blocked_locked_period: 0 } });
    expect(totalOf(ctx, september.sid)).not.toBeUndefined();
  });

  it('an empty list marks nothing (an org always has its current statement): a server answering none is not taken at its word', async () => {
    const ctx = await connected(40);
    await run(ctx.core);
    const all = [...server!.statements];
    for (const s of all) server!.remove(s.sid);
    const before = written(ctx);
    expect(await run(ctx.core, true)).toMatchObject({ status: 'nothing_changed' });
    expect(written(ctx)).toBe(before);
    // One statement left: the list is believed, the others are marked.
    server!.restore(all[0]!);
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { updated: 38, unchanged: 1 } });
  });

  it('a list of one page is read whole by every run: the incremental run marks a deletion too', async () => {
    const ctx = await connected(40);
    await run(ctx.core);
    const gone = server!.remove(server!.statements[5]!.sid);
    server!.requests.length = 0;
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { updated: 1 } });
    expect(pagesRead()).toBe(1);
    expect(marked(ctx)).toEqual([gone.sid]);
  });

  it('a deletion between two page requests (the count moved) marks nothing; the next full re-check marks exactly the deleted one', async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const first = server!.statements[0]!;
    server!.afterAnswer((url) => {
      // Page 1 answered: its first statement is deleted, so page 2 starts one statement later.
      if (url.searchParams.get('page_number') === '1') {
        server!.remove(first.sid);
        server!.afterAnswer(null);
      }
    });
    await run(ctx.core, true);
    expect(marked(ctx)).toEqual([]);
    expect(await run(ctx.core, true)).toMatchObject({ counts: { updated: 1 } });
    expect(marked(ctx)).toEqual([first.sid]);
  });

  it('a fixed statement changed here and on the server is a conflict on the full re-check, with both values', async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const old = server!.statements[150]!;
    ctx.workspace.db.prepare('UPDATE statements SET seats = 99 WHERE sid = ?').run(old.sid);
    server!.change(old.sid, { total: '$9,999.00' });
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { updated: 0, conflict: 1 } });
    const { conflicts } = await callOk<{ conflicts: SyncConflict[] }>(ctx.core, 'sync.conflicts', { orgId: ORG, source: 'statements' });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ sourceId: old.sid, serverValues: { total: '9999.00', seats: old.seats }, localValues: { seats: 99 } });
    expect(totalOf(ctx, old.sid)).not.toBe(9_999_000_000);
  });

  it('a fixed statement changed into a bad one stops the full re-check naming its sid and field; nothing written; fixed, the re-check lands', async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const old = server!.statements[150]!;
    server!.change(server!.statements[3]!.sid, { total: '$42.00' });
    server!.change(old.sid, { total: 'forty dollars' });
    const before = written(ctx);
    const cursors = ctx.workspace.db.prepare('SELECT cursors FROM sync_connections').pluck().get();
    const failed = await run(ctx.core, true);
    expect(failed.status).toBe('failed');
    expect(failed.message).toContain(`statement ${old.sid}: total "forty dollars" is not an amount`);
    expect(failed.message).toContain('nothing of this source was written');
    expect(written(ctx)).toBe(before);
    expect(ctx.workspace.db.prepare('SELECT cursors FROM sync_connections').pluck().get()).toBe(cursors);
    server!.change(old.sid, { total: '$40.00' });
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { updated: 2 } });
    expect(totalOf(ctx, old.sid)).toBe(40_000_000);
  });
});
