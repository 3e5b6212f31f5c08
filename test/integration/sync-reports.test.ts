import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../src/main/core/host';
import type { SyncRun } from '../../src/shared/contract/sync';
import type { ServerReportResult } from '../../src/shared/contract/server-reports';
import { callOk, LOCAL } from '../support/temp-workspace';
import { FAKE_ORG_UUID, fakeShowbackReport, startFakeAllocationReports, type FakeAllocationReports, type FakeReport } from '../support/fake-allocation-reports';
import { keys, ORG, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 000 (allocation reports) pulled through sync.run against a fake API on 127.0.0.1:
// the catalog, each report's periods, each available month. The org (sync-support) has
// September 2026 finalized and October open.

useSyncTestSetup();
let server: FakeAllocationReports | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ROOT = `/beta/v1/org/${FAKE_ORG_UUID}/allocation-reports`;

async function connected(reports: FakeReport[]) {
  server = await startFakeAllocationReports(reports);
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'reports', baseUrl: server.orgRoot });
  keys.set(ORG, 'reports', server.key);
  return ctx;
}

async function run(core: CoreHost): Promise<SyncRun> {
  const { runs } = await callOk<{ runs: SyncRun[] }>(core, 'sync.run', { orgId: ORG, sources: ['reports'] });
  return runs[0]!;
}

type Ctx = ReturnType<typeof syncWorkspace>;
const digest = (ctx: Ctx) => ['synced_report_results', 'sync_links', 'sync_connections'].map((t) => JSON.stringify(ctx.workspace.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw(true).all())).join('\n');
const stored = (ctx: Ctx, month: number) =>
  ctx.workspace.db.prepare("SELECT status, rows, row_count, title FROM synced_report_results WHERE org_id = ? AND report_type = 'showback_by_account' AND year = 2026 AND month = ?").get(ORG, month) as
    | { status: string; rows: string; row_count: number; title: string }
    | undefined;

describe('sync of the reports source (seed 000)', () => {
  it('first sync reads the catalog, each report\'s periods, then each available month, and keeps the server\'s rows per report and month', async () => {
    const ctx = await connected([fakeShowbackReport(12, 5)]);
    const first = await run(ctx.core);
    expect(first).toMatchObject({ status: 'committed', counts: { fetched: 12, created: 12, blocked_locked_period: 0 } });
    expect(server!.requests.slice(0, 3)).toEqual([ROOT, `${ROOT}/showback_by_account/periods`, `${ROOT}/showback_by_account?year=2026&month=10`]);
    expect(server!.requests).toHaveLength(2 + 12);
    const october = stored(ctx, 10)!;
    expect(october).toMatchObject({ status: 'in_progress', row_count: 5, title: 'Showback by account' });
    expect(JSON.parse(october.rows)).toEqual(server!.reports.get('showback_by_account')!.months.get('2026-10')!.rows);
    expect(ctx.workspace.db.prepare("SELECT count(*) FROM sync_links WHERE source = 'reports' AND source_id LIKE 'showback_by_account/2026-%'").pluck().get()).toBe(10);
    // sync.serverReport answers the kept result with its provenance; null for a month not synced.
    const { result } = await callOk<{ result: ServerReportResult }>(ctx.core, 'sync.serverReport', { orgId: ORG, report_type: 'showback_by_account', year: 2026, month: 9 });
    expect(result).toMatchObject({ report_type: 'showback_by_account', year: 2026, month: 9, status: 'finalized', row_count: 5, run_id: first.id, rows: server!.reports.get('showback_by_account')!.months.get('2026-09')!.rows });
    expect(result.columns.map((c) => c.name)).toEqual(['account', 'currency', 'on_demand_cost', 'premium', 'savings']);
    expect(await callOk(ctx.core, 'sync.serverReport', { orgId: ORG, report_type: 'showback_by_account', year: 2024, month: 9 })).toEqual({ result: null });
    expect(await ctx.core.call('sync.serverReport', { orgId: ORG, report_type: 'showback_by_account', year: 2026, month: 13 }, LOCAL).result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('a re-run fetches only the month still in progress and writes nothing when it is the same; a changed one is updated', async () => {
    const ctx = await connected([fakeShowbackReport(12, 5)]);
    await run(ctx.core);
    const before = digest(ctx);
    const requests = server!.requests.length;
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed', counts: { fetched: 1, unchanged: 1 } });
    expect(server!.requests.slice(requests)).toEqual([ROOT, `${ROOT}/showback_by_account/periods`, `${ROOT}/showback_by_account?year=2026&month=10`]);
    expect(digest(ctx)).toBe(before);
    server!.reports.get('showback_by_account')!.months.get('2026-10')!.rows[2]!.premium = '99.5';
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { updated: 1 } });
    expect(JSON.parse(stored(ctx, 10)!.rows)[2]).toMatchObject({ premium: '99.5' });
  });

  it('a stored month finalized here is not changed when the server changes it (blocked_locked_period)', async () => {
    const report = fakeShowbackReport(3, 2);
    // September still in progress on the server at the first sync.
    report.months.get('2026-09')!.status = 'in_progress';
    const ctx = await connected([report]);
    await run(ctx.core);
    const september = stored(ctx, 9)!.rows;
    report.months.get('2026-09')!.rows[0]!.on_demand_cost = '1.00';
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { blocked_locked_period: 1 } });
    expect(stored(ctx, 9)!.rows).toBe(september);
  });

  it('a month that leaves the periods between two requests (404 period_not_available) is skipped and read next run', async () => {
    const report = fakeShowbackReport(3, 2);
    const ctx = await connected([report]);
    const august = report.months.get('2026-08')!;
    server!.afterAnswer((url) => {
      if (url.pathname.endsWith('/periods')) report.months.delete('2026-08');
    });
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { created: 2 } });
    expect(stored(ctx, 8)).toBeUndefined();
    server!.afterAnswer(null);
    report.months.set('2026-08', august);
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { created: 1 } });
    expect(stored(ctx, 8)).toMatchObject({ status: 'finalized', row_count: 2 });
  });

  it('401 and 403 stop the source in words, nothing written; sync.test reads the catalog', async () => {
    const ctx = await connected([fakeShowbackReport(2, 1)]);
    keys.set(ORG, 'reports', 'not-a-key');
    const before = digest(ctx);
    expect(await run(ctx.core)).toMatchObject({ status: 'failed', message: expect.stringMatching(/^reports source \(seed 000\): 401 Unauthorized\. The API key was not accepted/) });
    keys.set(ORG, 'reports', server!.forbiddenKey);
    expect((await run(ctx.core)).message).toMatch(/^reports source \(seed 000\): 403 Forbidden\. .*the server said: The API key does not grant access/);
    expect(digest(ctx)).toBe(before);
    keys.set(ORG, 'reports', server!.key);
    expect(await callOk(ctx.core, 'sync.test', { orgId: ORG, source: 'reports' })).toMatchObject({ ok: true });
    expect(server!.requests.at(-1)).toBe(ROOT);
  });

  it('a base URL that is not the org\'s API root is refused naming it', async () => {
    const ctx = await connected([]);
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'reports', baseUrl: server!.baseUrl });
    expect((await run(ctx.core)).message).toMatch(/^reports source \(seed 000\): the base URL must be the org's API root, https:\/\/…\/beta\/v1\/org\/<org uuid>/);
  });

  it.each([
    ['a money cell that is not a decimal string', { premium: 12.5 }, /report showback_by_account 2026-07: row 2, column premium: 12.5 is not a decimal string/],
    ['a text cell that is a number', { account: 7 }, /report showback_by_account 2026-07: row 2, column account: 7 is not text/],
  ])('a result with %s stops the source naming the report, month, row and column; nothing written', async (_what, fields, words) => {
    const report = fakeShowbackReport(6, 3);
    Object.assign(report.months.get('2026-07')!.rows[1]!, fields);
    const ctx = await connected([report]);
    const before = digest(ctx);
    const result = await run(ctx.core);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(words);
    expect(digest(ctx)).toBe(before);
  });

  it('a month listed twice in the periods stops the source naming it; nothing written', async () => {
    const report = fakeShowbackReport(3, 2);
    const ctx = await connected([report]);
    server!.fail({ status: 200, times: 1, path: /periods$/, body: JSON.stringify({ periods: [{ year: 2026, month: 9, status: 'finalized' }, { year: 2026, month: 9, status: 'finalized' }] }) });
    const before = digest(ctx);
    expect((await run(ctx.core)).message).toBe('reports source (seed 000): report showback_by_account: period 2026-09 is listed twice');
    expect(digest(ctx)).toBe(before);
  });

  it('429 and 502 are retried; HTML is refused naming the source, nothing written', async () => {
    const ctx = await connected([fakeShowbackReport(2, 1)]);
    server!.fail({ status: 429, retryAfter: '0', times: 1 });
    server!.fail({ status: 502, times: 1, path: /periods/ });
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { created: 2 } });
    server!.reports.get('showback_by_account')!.months.get('2026-10')!.rows[0]!.premium = '1.5';
    server!.fail({ status: 200, times: 1, contentType: 'text/html', body: '<!doctype html><p>Login</p>', path: /showback_by_account$/ });
    const before = digest(ctx);
    expect((await run(ctx.core)).message).toMatch(/^reports source \(seed 000\): .*answered text\/html that is not JSON/);
    expect(digest(ctx)).toBe(before);
  });
});
