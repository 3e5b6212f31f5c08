import { FakeClock, fakeUuid, startFakeSource, type FakeSourceServer } from './fake-source-server';

// Seed 002 (generated report tasks): GET /billing/org/v1/reports with limit (at most 100),
// offset, ordering and created_after (exclusive: "created after"), answering
// {count, next, previous, results} in the seed's fields; the key as "apikey <key>".

export type FakeTask = Record<string, unknown> & { uuid: string; created_at: string; status: string };

export interface FakeTasks extends FakeSourceServer {
  tasks: FakeTask[];
  /** A new task, created now on the server. */
  add(fields?: Record<string, unknown>): FakeTask;
  /** Change a task's fields (its status, notes); it gets a new updated_at. */
  change(uuid: string, fields: Record<string, unknown>): void;
  /** Delete a task on the server: no longer listed; returns it (to put back with restore). */
  remove(uuid: string): FakeTask;
  restore(task: FakeTask): void;
}

export const TASKS_PATH = '/billing/org/v1/reports';

export async function startFakeTasks(count: number, status = 'Completed'): Promise<FakeTasks> {
  const clock = new FakeClock();
  const tasks: FakeTask[] = [];
  const add = (fields: Record<string, unknown> = {}): FakeTask => {
    const at = clock.tick();
    const n = tasks.length + 1;
    const task: FakeTask = {
      uuid: fakeUuid(),
      created_at: at,
      updated_at: at,
      user_id: 7,
      client_id: 4242,
      task_type: 'ClosingPeriod',
      status,
      processing_notes: { celery_group_id: `group-${n}`, period: '2026-10', records_to_process: n, errors: [], warnings: [] },
      parameters: { type: 'ClosingPeriod', date_from: '2026-10-01', date_to: '2026-10-31', client_id: 4242 },
      ...fields,
    };
    tasks.push(task);
    return task;
  };
  for (let i = 0; i < count; i++) add();
  const server = await startFakeSource(
    (url, auth) => {
      if (url.pathname !== TASKS_PATH) return null;
      if (auth === 'forbidden') return { status: 403, body: { detail: 'You do not have permission to perform this action.' } };
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 100);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const after = url.searchParams.get('created_after');
      const matching = (after === null ? tasks : tasks.filter((t) => Date.parse(t.created_at) > Date.parse(after))).slice().sort((a, b) => a.created_at.localeCompare(b.created_at));
      const page = (at: number) => {
        const query = new URLSearchParams(url.searchParams);
        query.set('offset', String(at));
        return `http://api.example.org${TASKS_PATH}?${query}`;
      };
      return {
        status: 200,
        body: {
          count: matching.length,
          next: offset + limit < matching.length ? page(offset + limit) : null,
          previous: offset > 0 ? page(Math.max(0, offset - limit)) : null,
          results: matching.slice(offset, offset + limit),
        },
      };
    },
    { authScheme: 'apikey' },
  );
  return {
    ...server,
    tasks,
    add,
    change(uuid, fields) {
      const task = tasks.find((t) => t.uuid === uuid)!;
      Object.assign(task, fields, { updated_at: clock.tick() });
    },
    remove(uuid) {
      return tasks.splice(tasks.findIndex((t) => t.uuid === uuid), 1)[0];
    },
    restore(task) {
      tasks.push(task);
    },
  };
}
