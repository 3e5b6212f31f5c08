import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessCore } from '../../src/main/core/in-process';
import type { Database } from '../../src/main/db/driver';
import { openWorkspace } from '../../src/main/db/workspace';
import type { SyncRun, SyncSource } from '../../src/shared/contract/sync';
import { fakeShowbackReport, startFakeAllocationReports } from '../support/fake-allocation-reports';
import type { FakeSourceServer } from '../support/fake-source-server';
import { startFakeStatements } from '../support/fake-statements';
import { callOk, LOCAL } from '../support/temp-workspace';
import { keys, ORG, syncWorkspace, useSyncTestSetup } from './sync-support';

// The statements (004) and reports (000) sources stopped mid-way: a full re-check killed
// (SIGKILL) while it reads the pages, killed in the middle of its write, or cancelled between
// two pages, leaves the workspace exactly as before that source's run (row counts and a hash
// of every table a sync touches), and a re-run then completes.

useSyncTestSetup();
let server: FakeSourceServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TABLES = ['statements', 'synced_report_results', 'sync_links', 'sync_conflicts', 'sync_connections', 'sync_runs'];

/** Per table its row count and a hash of its rows. */
function tablesDigest(db: Database.Database, tables = TABLES): Record<string, string> {
  return Object.fromEntries(
    tables.map((t) => {
      const rows = db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw(true).all();
      return [t, `${rows.length} rows, ${createHash('sha1').update(JSON.stringify(rows)).digest('hex')}`];
    }),
  );
}

function digestOf(path: string): Record<string, string> {
  const workspace = openWorkspace(path);
  try {
    return tablesDigest(workspace.db);
  } finally {
    workspace.close();
  }
}

/** The child's full re-check; `killAfter(url)` says, after each answer, when the parent kills it. */
function child(path: string, source: SyncSource, killAt: 'write' | 'none', killAfter?: (url: URL) => boolean) {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sync-kill-pull-child.ts'), path, ORG, source, server!.key, killAt], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  server!.afterAnswer(killAfter ? (url) => void (killAfter(url) && proc.kill('SIGKILL')) : null);
  return new Promise<{ stdout: string; stderr: string; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (_code, signal) => resolve({ stdout, stderr, signal })));
}

async function rerun(path: string, source: SyncSource): Promise<SyncRun> {
  const workspace = openWorkspace(path);
  try {
    const { runs } = await callOk<{ runs: SyncRun[] }>(inProcessCore(workspace), 'sync.run', { orgId: ORG, sources: [source], full: true });
    return runs[0]!;
  } finally {
    workspace.close();
  }
}

/** Cancel (as the screen's Cancel does) once `when(url)` holds; the run is recorded failed, nothing else changes. */
async function cancelled(ctx: ReturnType<typeof syncWorkspace>, source: SyncSource, when: (url: URL) => boolean) {
  const before = tablesDigest(ctx.workspace.db, TABLES.filter((t) => t !== 'sync_runs'));
  const runsBefore = ctx.workspace.db.prepare('SELECT count(*) FROM sync_runs').pluck().get() as number;
  const call = ctx.core.call('sync.run', { orgId: ORG, sources: [source], full: true }, LOCAL);
  server!.afterAnswer((url) => void (when(url) && call.cancel()));
  const result = await call.result;
  server!.afterAnswer(null);
  expect(result).toMatchObject({ ok: true, value: { runs: [{ status: 'failed', message: expect.stringMatching(/: cancelled; nothing of this source was written$/) }] } });
  expect(tablesDigest(ctx.workspace.db, TABLES.filter((t) => t !== 'sync_runs'))).toEqual(before);
  expect(ctx.workspace.db.prepare('SELECT count(*) FROM sync_runs').pluck().get()).toBe(runsBefore + 1);
}

describe('statements and reports sources stopped mid-way', () => {
  it('statements (seed 004): cancelled or killed while reading, killed while writing: the workspace as before; a re-run completes', { timeout: 120_000 }, async () => {
    const fake = await startFakeStatements(230);
    server = fake;
    const ctx = syncWorkspace();
    const path = join(ctx.dir, 'test.closebook');
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'statements', baseUrl: fake.listUrl });
    keys.set(ORG, 'statements', fake.key);
    expect((await callOk<{ runs: SyncRun[] }>(ctx.core, 'sync.run', { orgId: ORG, sources: ['statements'] })).runs[0]).toMatchObject({ status: 'committed', counts: { created: 229 } });
    // Since then on the server: a fixed statement amended, one deleted, a new cycle.
    fake.change(fake.statements[150]!.sid, { total: '$9,999.00' });
    fake.remove(fake.statements[160]!.sid);
    fake.nextCycle();
    const secondPage = (url: URL) => url.searchParams.get('page_number') === '2';

    await cancelled(ctx, 'statements', secondPage);
    ctx.workspace.close();
    const before = digestOf(path);

    const pulling = await child(path, 'statements', 'none', secondPage);
    expect(pulling.signal).toBe('SIGKILL');
    expect(pulling.stdout).toContain('statements source (seed 004): 100 statements read');
    expect(pulling.stdout).not.toContain('done');
    expect(digestOf(path)).toEqual(before);

    const writing = await child(path, 'statements', 'write');
    expect(writing.signal).toBe('SIGKILL');
    expect(writing.stdout).toContain('statements source (seed 004): 230 statements read\nkilling in the write\n');
    expect(digestOf(path)).toEqual(before);

    server.afterAnswer(null);
    // The new cycle; the old current one now fixed, the amended one and the deleted one's mark (updated).
    expect(await rerun(path, 'statements')).toMatchObject({ status: 'committed', counts: { fetched: 230, created: 1, updated: 3, blocked_locked_period: 1, unchanged: 226 } });
  });

  it('reports (seed 000): cancelled or killed while reading, killed while writing: the workspace as before; a re-run completes', { timeout: 120_000 }, async () => {
    const fake = await startFakeAllocationReports([fakeShowbackReport(12, 50)]);
    server = fake;
    const ctx = syncWorkspace();
    const path = join(ctx.dir, 'test.closebook');
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'reports', baseUrl: fake.orgRoot });
    keys.set(ORG, 'reports', fake.key);
    expect((await callOk<{ runs: SyncRun[] }>(ctx.core, 'sync.run', { orgId: ORG, sources: ['reports'] })).runs[0]).toMatchObject({ status: 'committed', counts: { created: 12 } });
    // Since then on the server: May amended, April dropped.
    const type = 'showback_by_account';
    fake.changeMonth(type, '2026-05', fake.reports.get(type)!.months.get('2026-05')!.rows.map((row) => ({ ...row, premium: '0.5' })));
    fake.removeMonth(type, '2026-04');
    const thirdMonth = (url: URL) => url.searchParams.get('month') === '8';

    await cancelled(ctx, 'reports', thirdMonth);
    ctx.workspace.close();
    const before = digestOf(path);

    const pulling = await child(path, 'reports', 'none', thirdMonth);
    expect(pulling.signal).toBe('SIGKILL');
    expect(pulling.stdout).toContain('reports source (seed 000): 2 report months read');
    expect(pulling.stdout).not.toContain('done');
    expect(digestOf(path)).toEqual(before);

    const writing = await child(path, 'reports', 'write');
    expect(writing.signal).toBe('SIGKILL');
    expect(writing.stdout).toContain('reports source (seed 000): 11 report months read\nkilling in the write\n');
    expect(digestOf(path)).toEqual(before);

    server.afterAnswer(null);
    expect(await rerun(path, 'reports')).toMatchObject({ status: 'committed', counts: { fetched: 11, updated: 2, unchanged: 10 } });
  });
});
