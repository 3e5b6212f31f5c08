import { afterEach, describe, expect, it } from 'vitest';
import { callOk } from '../support/temp-workspace';
import { startFakeTasks, type FakeTasks } from '../support/fake-report-tasks';
import { dataDigest, keys, ORG, runOne, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 002: each run reads again the window from 1 ms before the newest task. When that task
// is deleted on the server the window comes back empty, and an empty complete listing still
// says the synced tasks of the window are gone (it used to end as nothing_changed, unmarked).

useSyncTestSetup();
let server: FakeTasks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const markOf = (ctx: ReturnType<typeof syncWorkspace>, uuid: string) => ctx.workspace.db.prepare('SELECT deleted_on_server_at FROM tasks WHERE uuid = ?').pluck().get(uuid);

describe('sync of the tasks source (seed 002): the window read again is empty', () => {
  it('the newest synced task deleted on the server (the only one of the window) is marked; the older one is not; the next run changes nothing', async () => {
    server = await startFakeTasks(0);
    const ctx = syncWorkspace();
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'tasks', baseUrl: server.baseUrl });
    keys.set(ORG, 'tasks', server.key);
    const older = server.add();
    const newest = server.add();
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'committed', counts: { created: 2 } });
    server.remove(newest.uuid);
    const run = await runOne(ctx.core, 'tasks');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 0, created: 0, updated: 1, unchanged: 0 } });
    expect(markOf(ctx, newest.uuid)).toBe(run.startedAt);
    expect(markOf(ctx, older.uuid)).toBeNull();
    // Marked once: read again, the empty window changes nothing.
    const before = dataDigest(ctx.workspace.db) + JSON.stringify(ctx.workspace.db.prepare('SELECT * FROM tasks ORDER BY id').raw(true).all());
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'nothing_changed', counts: { fetched: 0, updated: 0 } });
    expect(dataDigest(ctx.workspace.db) + JSON.stringify(ctx.workspace.db.prepare('SELECT * FROM tasks ORDER BY id').raw(true).all())).toBe(before);
  });
});
