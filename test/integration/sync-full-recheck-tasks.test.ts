import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../src/main/core/host';
import type { SyncRun } from '../../src/shared/contract/sync';
import type { Task, TaskList } from '../../src/shared/contract/tasks';
import { callOk } from '../support/temp-workspace';
import { startFakeTasks, type FakeTasks } from '../support/fake-report-tasks';
import { dataDigest, keys, ORG, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 002: a task that FINISHED before the window an incremental run reads again is never
// listed again, so its deletion (or a late change) on the server is not seen; sync.run
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
  it('an old finished task deleted on the server is marked by the full re-check (listing every task), not by the incremental run; the cursors stay where they were', async () => {
    const ctx = await connected(230);
    await run(ctx.core);
    const gone = server!.remove(server!.tasks[5]!.uuid);
    expect(await run(ctx.core)).toMatchObject({ status: 'nothing_changed' });
    expect(marked(ctx)).toEqual([]);

    server!.requests.length = 0;
    const full = await run(ctx.core, true);
    expect(server!.requests.map(createdAfter)).toEqual([null, null, null]);
    expect(full).toMatchObject({ status: 'committed', counts: { fetched: 229, created: 0, updated: 1, unchanged: 229 } });
    expect(marked(ctx)).toEqual([gone.uuid]);
    expect(await callOk<Task>(ctx.core, 'tasks.get', { uuid: gone.uuid })).toMatchObject({ origin: 'synced', deleted_on_server_at: full.startedAt });
    expect((await callOk<TaskList>(ctx.core, 'tasks.list', { client_id: ORG, limit: 1 })).count).toBe(230);

    // Marked once: a second full re-check writes nothing, and the incremental run reads from the newest task again.
    const before = tasksDigest(ctx);
    expect(await run(ctx.core, true)).toMatchObject({ status: 'nothing_changed', counts: { fetched: 229, unchanged: 229 } });
    expect(tasksDigest(ctx)).toBe(before);
    server!.requests.length = 0;
    await run(ctx.core);
    const newest = server!.tasks[server!.tasks.length - 1]!.created_at;
    expect(server!.requests.map(createdAfter)).toEqual([new Date(Date.parse(newest) - 1).toISOString()]);
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
