import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../src/main/core/host';
import type { ServerReportResult } from '../../src/shared/contract/server-reports';
import type { SyncRun } from '../../src/shared/contract/sync';
import { callOk } from '../support/temp-workspace';
import { fakeShowbackReport, startFakeAllocationReports, type FakeAllocationReports, type FakeReport, type FakeRow } from '../support/fake-allocation-reports';
import { keys, ORG, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 000: a report month the server changes or drops after a sync stored it. A month the
// server lists finalized is not asked for again by the incremental run; sync.run {full: true}
// asks for every month. The catalog and the periods are read whole by every run, so a month
// the server no longer lists is seen by any run. The org has September 2026 finalized here.

useSyncTestSetup();
let server: FakeAllocationReports | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Ctx = ReturnType<typeof syncWorkspace>;
const TYPE = 'showback_by_account';

async function connected(reports: FakeReport[]): Promise<Ctx> {
  server = await startFakeAllocationReports(reports);
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'reports', baseUrl: server.orgRoot });
  keys.set(ORG, 'reports', server.key);
  return ctx;
}

async function run(core: CoreHost, full = false): Promise<SyncRun> {
  const { runs } = await callOk<{ runs: SyncRun[] }>(core, 'sync.run', { orgId: ORG, sources: ['reports'], ...(full ? { full } : {}) });
  return runs[0]!;
}

async function serverReport(ctx: Ctx, month: number, type = TYPE): Promise<ServerReportResult | null> {
  return (await callOk<{ result: ServerReportResult | null }>(ctx.core, 'sync.serverReport', { orgId: ORG, report_type: type, year: 2026, month })).result;
}

/** The stored results and their links (a link's last run and time aside). */
const written = (ctx: Ctx) =>
  ['SELECT * FROM synced_report_results ORDER BY id', 'SELECT source_id, local_id, deleted_on_server_at FROM sync_links ORDER BY source_id']
    .map((sql) => JSON.stringify(ctx.workspace.db.prepare(sql).raw(true).all()))
    .join('\n');
const marked = (ctx: Ctx) => ctx.workspace.db.prepare("SELECT source_id FROM sync_links WHERE source = 'reports' AND deleted_on_server_at IS NOT NULL ORDER BY 1").pluck().all();
const rowsWith = (rows: FakeRow[], cost: string) => rows.map((row, i) => (i === 0 ? { ...row, on_demand_cost: cost } : row));
const monthRequests = () => server!.requests.filter((r) => r.includes('?year='));

describe('reports source (seed 000): months changed or dropped on the server', () => {
  it('a finalized month amended on the server is not asked for by the incremental run; the full re-check asks for every month and applies it, blocks it in a month finalized here', async () => {
    const ctx = await connected([fakeShowbackReport(6, 3)]);
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { created: 6 } });
    const august = server!.reports.get(TYPE)!.months.get('2026-08')!;
    server!.changeMonth(TYPE, '2026-08', rowsWith(august.rows, '777.70'));
    server!.requests.length = 0;
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    expect(monthRequests()).toEqual([`/beta/v1/org/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/allocation-reports/${TYPE}?year=2026&month=10`]);
    expect((await serverReport(ctx, 8))!.rows[0]!.on_demand_cost).not.toBe('777.70');

    server!.requests.length = 0;
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { fetched: 6, updated: 1, unchanged: 5, blocked_locked_period: 0 } });
    expect(monthRequests()).toHaveLength(6);
    expect((await serverReport(ctx, 8))!.rows[0]!.on_demand_cost).toBe('777.70');

    // September is finalized here: the server's amendment is not taken.
    const september = server!.reports.get(TYPE)!.months.get('2026-09')!;
    server!.changeMonth(TYPE, '2026-09', rowsWith(september.rows, '1.00'));
    const before = written(ctx);
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { updated: 0, unchanged: 5, blocked_locked_period: 1 } });
    expect(written(ctx)).toBe(before);
  });

  it('a month the server no longer lists is marked by any run (sync.serverReport says since when), kept; listed again, the mark goes; one finalized here is left as it is', async () => {
    const ctx = await connected([fakeShowbackReport(6, 3)]);
    await run(ctx.core);
    const july = server!.removeMonth(TYPE, '2026-07');
    const dropped = await run(ctx.core);
    // October read again as stored; July's mark counted updated.
    expect(dropped).toMatchObject({ status: 'committed', counts: { fetched: 1, updated: 1, unchanged: 1 } });
    expect(marked(ctx)).toEqual([`${TYPE}/2026-07`]);
    expect(await serverReport(ctx, 7)).toMatchObject({ month: 7, row_count: 3, deleted_on_server_at: dropped.startedAt });
    expect(await serverReport(ctx, 8)).toMatchObject({ deleted_on_server_at: null });
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });

    server!.restoreMonth(TYPE, '2026-07', july);
    // No longer kept as read: asked for again, found as stored; only its mark changes.
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, unchanged: 1 } });
    expect(marked(ctx)).toEqual([]);

    server!.removeMonth(TYPE, '2026-09');
    const before = written(ctx);
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { updated: 0, blocked_locked_period: 1 } });
    expect(written(ctx)).toBe(before);
  });

  it('a report gone from the catalog has its months marked; one whose periods cannot be read (404 after the catalog) is not judged', async () => {
    const other = { ...fakeShowbackReport(2, 1), report_type: 'commitments_by_service', title: 'Commitments' };
    const ctx = await connected([fakeShowbackReport(2, 1), other]);
    expect(await run(ctx.core)).toMatchObject({ counts: { created: 4 } });
    // Hidden between the catalog and its periods: its months are neither read nor marked.
    server!.afterAnswer((url) => {
      if (url.pathname.endsWith('/allocation-reports')) server!.reports.delete('commitments_by_service');
    });
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    expect(marked(ctx)).toEqual([]);
    server!.afterAnswer(null);
    // Now gone from the catalog too: October is marked; September, finalized here, is left as it is.
    expect(await run(ctx.core)).toMatchObject({ status: 'committed', counts: { updated: 1, blocked_locked_period: 1 } });
    expect(marked(ctx)).toEqual(['commitments_by_service/2026-10']);
    expect(await serverReport(ctx, 10, 'commitments_by_service')).toMatchObject({ report_type: 'commitments_by_service' });
  });

  it('a finalized month amended into a bad result stops the full re-check naming the report, month, row and column; nothing written', async () => {
    const ctx = await connected([fakeShowbackReport(6, 3)]);
    await run(ctx.core);
    const august = server!.reports.get(TYPE)!.months.get('2026-08')!.rows;
    server!.changeMonth(TYPE, '2026-07', rowsWith(server!.reports.get(TYPE)!.months.get('2026-07')!.rows, '5.00'));
    server!.changeMonth(TYPE, '2026-08', august.map((row, i) => (i === 2 ? { ...row, premium: 12.5 } : row)));
    const before = written(ctx);
    const failed = await run(ctx.core, true);
    expect(failed.status).toBe('failed');
    expect(failed.message).toBe(`reports source (seed 000): report ${TYPE} 2026-08: row 3, column premium: 12.5 is not a decimal string; nothing of this source was written`);
    expect(written(ctx)).toBe(before);
    server!.changeMonth(TYPE, '2026-08', august);
    // July's amendment lands once nothing is wrong.
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { updated: 1, unchanged: 5 } });
  });
});
