import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../src/main/core/host';
import type { SyncRun } from '../../src/shared/contract/sync';
import type { Task, TaskList } from '../../src/shared/contract/tasks';
import { callOk } from '../support/temp-workspace';
import { startFakeTasks, type FakeTasks } from '../support/fake-report-tasks';
import { dataDigest, keys, ORG, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 002: a task that FINISHED before the window an incremental run reads again is not
// listed again: its deletion shows only in the server's total (then the run lists every
// task), and a late change, or a deletion the total hides, not at all; sync.run
// {full: true} lists every task (no created_after) and marks the synced ones it lacks.

useSyncTestSetup();
let server: FakeTasks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Ctx = ReturnType<typeof syncWorkspace>;

async function connected(count: number): Promise<Ctx> {
  server = await startFakeTasks(count);
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'tasks', baseUrl: server.baseUrl });
  keys.set(ORG, 'tasks', server.key);
  return ctx;
}

async function run(core: CoreHost, full = false): Promise<SyncRun> {
  const { runs } = await callOk<{ runs: SyncRun[] }>(core, 'sync.run', { orgId: ORG, sources: ['tasks'], ...(full ? { full } : {}) });
  return runs[0]!;
}

const createdAfter = (request: string) => new URLSearchParams(request.split('?')[1]).get('created_after');
const marked = (ctx: Ctx) => ctx.workspace.db.prepare('SELECT uuid FROM tasks WHERE deleted_on_server_at IS NOT NULL ORDER BY uuid').pluck().all();
const tasksDigest = (ctx: Ctx) => dataDigest(ctx.workspace.db) + JSON.stringify(ctx.workspace.db.prepare('SELECT * FROM tasks ORDER BY id').raw(true).all());

describe('tasks source (seed 002): full re-check', () => {
  it("a deletion the server's total does not show (an old task deleted, another created back then) waits for the full re-check, which lists every task, marks it and stores the other; the cursors stay where they were", async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const gone = server!.remove(server!.tasks[5]!.uuid);
    const late = server!.add({ created_at: server!.tasks[10]!.created_at });
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    expect(marked(ctx)).toEqual([]);

    server!.requests.length = 0;
    const full = await run(ctx.core, true);
    expect(server!.requests.map(createdAfter)).toEqual([null, null, null]);
    expect(full).toMatchObject({ status: 'committed', counts: { fetched: 230, created: 1, updated: 1, unchanged: 229 } });
    expect(marked(ctx)).toEqual([gone.uuid]);
    expect(await callOk<Task>(ctx.core, 'tasks.get', { uuid: gone.uuid })).toMatchObject({ origin: 'synced', deleted_on_server_at: full.startedAt });
    expect(await callOk<Task>(ctx.core, 'tasks.get', { uuid: late.uuid })).toMatchObject({ origin: 'synced', deleted_on_server_at: null });
    expect((await callOk<TaskList>(ctx.core, 'tasks.list', { client_id: ORG, limit: 1 })).count).toBe(231);

    // Marked once: a second full re-check writes nothing, and the incremental run reads from the newest task again.
    const before = tasksDigest(ctx);
    expect(await run(ctx.core, true)).toMatchObject({ status: 'nothing_changed', counts: { fetched: 230, unchanged: 230 } });
    expect(tasksDigest(ctx)).toBe(before);
    server!.requests.length = 0;
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    const newest = server!.tasks.reduce((a, t) => (t.created_at > a ? t.created_at : a), '');
    expect(server!.requests.map(createdAfter)).toEqual([null, new Date(Date.parse(newest) - 1).toISOString()]);
  });

  it('a finished task changed on the server later is updated by the full re-check only', async () => {
    const ctx = await connected(150);
    await run(ctx.core);
    const old = server!.tasks[3]!;
    server!.change(old.uuid, { status: 'Failed', processing_notes: { errors: [{ code: 'late' }] } });
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    expect(await callOk<Task>(ctx.core, 'tasks.get', { uuid: old.uuid })).toMatchObject({ status: 'Completed' });
    expect(await run(ctx.core, true)).toMatchObject({ status: 'committed', counts: { updated: 1, unchanged: 149 } });
    expect(await callOk<Task>(ctx.core, 'tasks.get', { uuid: old.uuid })).toMatchObject({ status: 'Failed', processing_notes: { errors: [{ code: 'late' }] } });
  });

  it('a task deleted between two page requests (the count moved) marks nothing; the next full re-check marks exactly it', async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const first = server!.tasks[0]!;
    server!.afterAnswer((url) => {
      // The first page answered: its first task is deleted, so the next offset skips one task.
      if (url.searchParams.get('offset') === '0') {
        server!.remove(first.uuid);
        server!.afterAnswer(null);
      }
    });
    await run(ctx.core, true);
    expect(marked(ctx)).toEqual([]);
    expect(await run(ctx.core, true)).toMatchObject({ counts: { updated: 1 } });
    expect(marked(ctx)).toEqual([first.uuid]);
  });

  it('an old task changed into a bad one stops the full re-check naming its uuid; nothing written', async () => {
    const ctx = await connected(150);
    await run(ctx.core);
    server!.remove(server!.tasks[1]!.uuid);
    const bad = server!.tasks[120]!;
    server!.change(bad.uuid, { status: 'Exploded' });
    const before = tasksDigest(ctx);
    const failed = await run(ctx.core, true);
    expect(failed).toMatchObject({ status: 'failed', message: `tasks source (seed 002): task ${bad.uuid}: status "Exploded" is not one of Pending, InProgress, Completed, Failed, Cancelled; nothing of this source was written` });
    expect(tasksDigest(ctx)).toBe(before);
    expect(marked(ctx)).toEqual([]);
  });
});
