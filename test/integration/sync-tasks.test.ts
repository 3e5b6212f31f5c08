import { afterEach, describe, expect, it } from 'vitest';
import { failInterruptedTasks } from '../../src/main/tasks/recovery';
import type { Task, TaskList } from '../../src/shared/contract/tasks';
import { callOk } from '../support/temp-workspace';
import { startFakeTasks, TASKS_PATH, type FakeTasks } from '../support/fake-report-tasks';
import { dataDigest, keys, ORG, runOne, syncWorkspace, useSyncTestSetup } from './sync-support';

// Seed 002 (report tasks) pulled through sync.run against a fake tasks API on 127.0.0.1.

useSyncTestSetup();
let server: FakeTasks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function connected(count: number, status?: string) {
  server = await startFakeTasks(count, status);
  const ctx = syncWorkspace();
  await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'tasks', baseUrl: server.baseUrl });
  keys.set(ORG, 'tasks', server.key);
  return ctx;
}

const query = (request: string) => new URLSearchParams(request.split('?')[1]);
/** created_after is exclusive: a run reads again from 1 ms before the newest (or oldest unfinished) task. */
const msBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();
/** The tasks table and the tasks' links: what a tasks sync writes. */
const tasksDigest = (ctx: ReturnType<typeof syncWorkspace>) =>
  dataDigest(ctx.workspace.db) + JSON.stringify(ctx.workspace.db.prepare('SELECT * FROM tasks ORDER BY id').raw(true).all());

describe('sync of the tasks source (seed 002)', () => {
  it('first sync pages with limit / offset and stores every task as the org\'s, marked synced, with its uuid as provenance', async () => {
    const ctx = await connected(230);
    const run = await runOne(ctx.core, 'tasks');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 230, created: 230, updated: 0 } });
    expect(server!.requests.map((r) => [query(r).get('limit'), query(r).get('offset'), query(r).get('created_after')])).toEqual([
      ['100', '0', null],
      ['100', '100', null],
      ['100', '200', null],
    ]);
    const served = server!.tasks[41];
    const task = await callOk<Task>(ctx.core, 'tasks.get', { uuid: served.uuid });
    expect(task).toMatchObject({ uuid: served.uuid, client_id: ORG, user_id: '7', status: 'Completed', origin: 'synced', parameters: served.parameters, created_at: served.created_at });
    expect(task.processing_notes).toMatchObject(served.processing_notes as object);
    const list = await callOk<TaskList>(ctx.core, 'tasks.list', { client_id: ORG, limit: 100 });
    expect(list.count).toBe(230);
    const link = ctx.workspace.db.prepare("SELECT local_id FROM sync_links WHERE source = 'tasks' AND entity = 'tasks' AND source_id = ?").pluck().get(served.uuid);
    expect(link).toBe(ctx.workspace.db.prepare('SELECT id FROM tasks WHERE uuid = ?').pluck().get(served.uuid));
  });

  it('an incremental sync asks created_after 1 ms before the newest created_at seen and stores only the new tasks; a re-run writes nothing', async () => {
    const ctx = await connected(5);
    await runOne(ctx.core, 'tasks');
    const newest = server!.tasks[4].created_at;
    server!.add();
    server!.add();
    const run = await runOne(ctx.core, 'tasks');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 3, created: 2, unchanged: 1 } });
    expect(query(server!.requests.at(-1)!).get('created_after')).toBe(msBefore(newest));
    const before = tasksDigest(ctx);
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'nothing_changed', counts: { fetched: 1, unchanged: 1 } });
    expect(query(server!.requests.at(-1)!).get('created_after')).toBe(msBefore(server!.tasks[6].created_at));
    expect(tasksDigest(ctx)).toBe(before);
  });

  it('a task created on the server in the same millisecond as the newest one already synced is not lost', async () => {
    const ctx = await connected(3);
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ counts: { created: 3 } });
    // After the sync read it, the server creates another task in that very millisecond.
    const twin = server!.add({ created_at: server!.tasks[2].created_at });
    const run = await runOne(ctx.core, 'tasks');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 2, created: 1, unchanged: 1, updated: 0 } });
    expect(await callOk<Task>(ctx.core, 'tasks.get', { uuid: twin.uuid })).toMatchObject({ uuid: twin.uuid, origin: 'synced', created_at: twin.created_at, deleted_on_server_at: null });
    expect(ctx.workspace.db.prepare("SELECT count(*) FROM tasks WHERE client_id = ? AND origin = 'synced'").pluck().get(ORG)).toBe(4);
  });

  it('a task still running on the server is read again until it ends: its new status and notes update it, an unchanged one writes nothing', async () => {
    const ctx = await connected(4);
    const running = server!.add({ status: 'InProgress' });
    server!.add();
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ counts: { created: 6 } });
    // Still running: read again (from just before it), unchanged, nothing written.
    const before = tasksDigest(ctx);
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'nothing_changed', counts: { fetched: 2, unchanged: 2 } });
    expect(tasksDigest(ctx)).toBe(before);
    server!.change(running.uuid, { status: 'Failed', processing_notes: { period: '2026-10', errors: [{ code: 'x' }], warnings: [] } });
    const run = await runOne(ctx.core, 'tasks');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, unchanged: 1 } });
    const task = await callOk<Task>(ctx.core, 'tasks.get', { uuid: running.uuid });
    expect(task).toMatchObject({ status: 'Failed', processing_notes: { errors: [{ code: 'x' }] } });
    // Ended: the next run asks only from 1 ms before the newest task.
    await runOne(ctx.core, 'tasks');
    expect(query(server!.requests.at(-1)!).get('created_after')).toBe(msBefore(server!.tasks[5].created_at));
  });

  it('startup recovery never marks a synced task Failed, and a synced task cannot be cancelled here', async () => {
    const ctx = await connected(0);
    const pending = server!.add({ status: 'Pending' });
    await runOne(ctx.core, 'tasks');
    expect(failInterruptedTasks(ctx.workspace.db)).toBe(0);
    expect(ctx.workspace.db.prepare('SELECT status FROM tasks WHERE uuid = ?').pluck().get(pending.uuid)).toBe('Pending');
    const cancel = await ctx.core.call('tasks.cancel', { uuid: pending.uuid }, { name: 't', permissions: 'all' }).result;
    expect(cancel).toMatchObject({ ok: false, error: { code: 'task_synced' } });
  });

  it('401 and 403 stop the source in the seed\'s words (key sent as "apikey <key>"), writing nothing', async () => {
    const ctx = await connected(3);
    keys.set(ORG, 'tasks', 'not-a-key');
    const before = tasksDigest(ctx);
    const unauthorized = await runOne(ctx.core, 'tasks');
    expect(unauthorized).toMatchObject({ status: 'failed', message: expect.stringMatching(/^tasks source \(seed 002\): 401 Unauthorized\. .*the word apikey, a space and a valid API key/) });
    keys.set(ORG, 'tasks', server!.forbiddenKey);
    expect((await runOne(ctx.core, 'tasks')).message).toMatch(/^tasks source \(seed 002\): 403 Forbidden\./);
    expect(tasksDigest(ctx)).toBe(before);
    keys.set(ORG, 'tasks', server!.key);
    expect(await callOk(ctx.core, 'sync.test', { orgId: ORG, source: 'tasks' })).toMatchObject({ ok: true });
    expect(server!.requests.at(-1)).toBe(`${TASKS_PATH}?limit=1`);
  });

  it.each([
    ['an unknown status', { status: 'Done' }, /status "Done" is not one of Pending, InProgress, Completed, Failed, Cancelled/],
    ['a bad created_at', { created_at: '2026-13-45 99:00' }, /created_at "2026-13-45 99:00" is not an ISO 8601 date-time/],
    ['a bad updated_at', { updated_at: 'yesterday' }, /updated_at "yesterday" is not an ISO 8601 date-time/],
  ])('a task with %s on the second page stops the source naming its uuid; nothing of the source is written', async (_what, fields, words) => {
    const ctx = await connected(150);
    Object.assign(server!.tasks[120], fields);
    const before = tasksDigest(ctx);
    const run = await runOne(ctx.core, 'tasks');
    expect(run.status).toBe('failed');
    expect(run.message).toContain(`task ${server!.tasks[120].uuid}`);
    expect(run.message).toMatch(words);
    expect(tasksDigest(ctx)).toBe(before);
  });

  it('429 and 503 are retried; a server answering HTML is refused, nothing written', async () => {
    const ctx = await connected(120);
    server!.fail({ status: 429, retryAfter: '0', times: 1 });
    server!.fail({ status: 503, times: 1 });
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'committed', counts: { created: 120 } });
    server!.add();
    server!.fail({ status: 200, times: 1, contentType: 'text/html', body: '<html>Sign in</html>' });
    const before = tasksDigest(ctx);
    expect((await runOne(ctx.core, 'tasks')).message).toMatch(/^tasks source \(seed 002\): .*answered text\/html that is not JSON/);
    expect(tasksDigest(ctx)).toBe(before);
  });

  it("the seed's other date-time shapes (a space for the T, no zone: UTC; an offset) are stored as ISO UTC with milliseconds", async () => {
    const ctx = await connected(0);
    const spaced = server!.add({ created_at: '2026-10-21 09:30:00', updated_at: '2026-10-21T11:30:00+02:00' });
    await runOne(ctx.core, 'tasks');
    expect(ctx.workspace.db.prepare('SELECT created_at, updated_at FROM tasks WHERE uuid = ?').get(spaced.uuid)).toEqual({ created_at: '2026-10-21T09:30:00.000Z', updated_at: '2026-10-21T09:30:00.000Z' });
  });

  it('a synced uuid that is a close run here stops the source naming it', async () => {
    const ctx = await connected(2);
    const now = '2026-10-02T00:00:00.000Z';
    ctx.workspace.db
      .prepare("INSERT INTO tasks (uuid, client_id, user_id, task_type, status, parameters, processing_notes, created_at, updated_at, finished_at) VALUES (?, ?, 'me', 'ClosingPeriod', 'Completed', '{}', '{}', ?, ?, ?)")
      .run(server!.tasks[1].uuid, ORG, now, now, now);
    const run = await runOne(ctx.core, 'tasks');
    expect(run.message).toBe(`tasks source (seed 002): task ${server!.tasks[1].uuid} has the uuid of a close run here; nothing of this source was written`);
    expect(ctx.workspace.db.prepare("SELECT count(*) FROM tasks WHERE origin = 'synced'").pluck().get()).toBe(0);
  });
});

describe('tasks deleted on the server (seed 002 lists no deletions)', () => {
  const deletedMark = (ctx: ReturnType<typeof syncWorkspace>, uuid: string) => ctx.workspace.db.prepare('SELECT deleted_on_server_at FROM tasks WHERE uuid = ?').pluck().get(uuid);

  it('a synced task of the window read again that the server no longer lists is marked, not kept as live; listed again, the mark goes', async () => {
    const ctx = await connected(0);
    const old = server!.add();
    const running = server!.add({ status: 'InProgress' });
    const newest = server!.add();
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ counts: { created: 3 } });
    // The window read again starts just before the running task: the newest task's absence is seen.
    const gone = server!.remove(newest.uuid);
    const run = await runOne(ctx.core, 'tasks');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 1, unchanged: 1, updated: 1 } });
    expect(deletedMark(ctx, newest.uuid)).toBe(run.startedAt);
    const shown = await callOk<Task>(ctx.core, 'tasks.get', { uuid: newest.uuid });
    expect(shown).toMatchObject({ origin: 'synced', status: 'Completed', deleted_on_server_at: run.startedAt });
    expect(await callOk<Task>(ctx.core, 'tasks.get', { uuid: running.uuid })).toMatchObject({ deleted_on_server_at: null });
    expect(await callOk<Task>(ctx.core, 'tasks.get', { uuid: old.uuid })).toMatchObject({ deleted_on_server_at: null });
    // Marked once: the next run changes nothing.
    const before = tasksDigest(ctx);
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'nothing_changed', counts: { fetched: 1, unchanged: 1, updated: 0 } });
    expect(tasksDigest(ctx)).toBe(before);
    // Back on the server (in the window): listed again, no longer marked.
    server!.restore(gone);
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'committed', counts: { fetched: 2, updated: 1, unchanged: 1 } });
    expect(deletedMark(ctx, newest.uuid)).toBeNull();
  });

  it("an older finished task deleted on the server shows in the server's total: the run lists every task and marks it", async () => {
    const ctx = await connected(4);
    await runOne(ctx.core, 'tasks');
    const gone = server!.remove(server!.tasks[0].uuid);
    const newest = server!.tasks.at(-1)!.created_at;
    server!.requests.length = 0;
    const run = await runOne(ctx.core, 'tasks');
    expect(run).toMatchObject({ status: 'committed', counts: { fetched: 3, unchanged: 3, updated: 1 } });
    // The total (one task asked for), the window (from just before the newest task), then every task.
    expect(server!.requests.map((r) => [query(r).get('limit'), query(r).get('created_after')])).toEqual([
      ['1', null],
      ['100', msBefore(newest)],
      ['100', null],
    ]);
    expect(deletedMark(ctx, gone.uuid)).toBe(run.startedAt);
    // Counted again: the next run reads the total and the window only, and writes nothing.
    const before = tasksDigest(ctx);
    server!.requests.length = 0;
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'nothing_changed', counts: { fetched: 1, unchanged: 1, updated: 0 } });
    expect(server!.requests).toHaveLength(2);
    expect(tasksDigest(ctx)).toBe(before);
  });

  it('a local close run is never marked, whatever the server lists', async () => {
    const ctx = await connected(2);
    ctx.workspace.db
      .prepare(
        `INSERT INTO tasks (uuid, client_id, user_id, task_type, template, status, parameters, processing_notes, runner, created_at, updated_at, finished_at, origin)
         VALUES ('11111111-1111-4111-8111-111111111111', ?, 'u', 'ClosingPeriod', NULL, 'Completed', '{}', '{}', NULL, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z', 'local')`,
      )
      .run(ORG);
    // The first sync lists everything: the close run here is not among it, and stays as it is.
    expect(await runOne(ctx.core, 'tasks')).toMatchObject({ status: 'committed', counts: { created: 2, updated: 0 } });
    expect(deletedMark(ctx, '11111111-1111-4111-8111-111111111111')).toBeNull();
  });
});
