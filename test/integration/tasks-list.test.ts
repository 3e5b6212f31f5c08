import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Task, TaskList } from '../../src/shared/contract/tasks';
import type { Database } from '../../src/main/db/driver';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { SeededRandom } from '../../src/main/demo/random';
import { callError, ORG, seedCloseOrg } from './close-support';

const STATUSES = ['Pending', 'InProgress', 'Completed', 'Failed', 'Cancelled'] as const;

/** Tasks written straight into the table, at chosen times and in random order, for the filters. */
function seedTasks(db: Database.Database, random: SeededRandom, n: number): Array<{ uuid: string; created_at: string; status: string; template: string; client_id: string }> {
  db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('org-b', 'Other', NULL, '2026-01-01T00:00:00Z')").run();
  const insert = db.prepare(`INSERT INTO tasks (uuid, client_id, user_id, task_type, template, status, parameters, processing_notes, runner, created_at, updated_at, finished_at)
    VALUES (?, ?, 'test', 'ClosingPeriod', ?, ?, '{}', '{"errors":[],"warnings":[]}', ?, ?, ?, ?)`);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + random.between(0, 27);
    const created_at = `2026-05-${String(day).padStart(2, '0')}T${String(random.between(0, 23)).padStart(2, '0')}:${String(random.between(0, 59)).padStart(2, '0')}:00.${String(random.between(0, 999)).padStart(3, '0')}Z`;
    const status = STATUSES[random.between(0, 4)];
    const template = ['monthly-close', 'quarter-close', 'export-csv'][random.between(0, 2)];
    const client_id = random.between(0, 1) ? ORG : 'org-b';
    const uuid = randomUUID();
    const finished = status === 'Pending' || status === 'InProgress' ? null : created_at;
    // Written after the core started: its start-up recovery has run and leaves these alone.
    insert.run(uuid, client_id, template, status, `${process.pid}:0:live`, created_at, created_at, finished);
    rows.push({ uuid, created_at, status, template, client_id });
  }
  return rows;
}

function setup(n = 60) {
  const ctx = tempWorkspace();
  seedCloseOrg(ctx.workspace.db);
  const seed = Number(process.env.CLOSEBOOK_TASKS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const rows = seedTasks(ctx.workspace.db, new SeededRandom(seed), n);
  return { ...ctx, rows, seed };
}

async function uuids(core: Parameters<typeof callOk>[0], input: object): Promise<string[]> {
  return (await callOk<TaskList>(core, 'tasks.list', { limit: 100, ...input })).results.map((t) => t.uuid);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('tasks.list as seed 002', () => {
  it('filters by created_after / created_before (date, date and time, RFC 3339 with offset) and created_on', async () => {
    const { core, rows, seed } = setup();
    const after = '2026-05-10T12:00:00.000Z';
    const expected = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).map((r) => r.uuid).sort();
    const sorted = async (input: object) => (await uuids(core, input)).sort();
    expect(await sorted({ created_after: '2026-05-10 12:00:00' }), `seed ${seed}`).toEqual(expected((r) => r.created_at >= after));
    expect(await sorted({ created_after: '2026-05-10T14:00:00+02:00' })).toEqual(expected((r) => r.created_at >= after));
    expect(await sorted({ created_after: '2026-05-10T12:00:00Z' })).toEqual(expected((r) => r.created_at >= after));
    expect(await sorted({ created_before: '2026-05-10' })).toEqual(expected((r) => r.created_at < '2026-05-10T00:00:00.000Z'));
    expect(await sorted({ created_on: '2026-05-10' })).toEqual(expected((r) => r.created_at.startsWith('2026-05-10')));
    expect(await sorted({ created_after: '2026-05-05', created_before: '2026-05-20 00:00:00' })).toEqual(
      expected((r) => r.created_at >= '2026-05-05T00:00:00.000Z' && r.created_at < '2026-05-20T00:00:00.000Z'),
    );
  });

  it('filters by several statuses, task type, client, template (part, any case) and uuid (start)', async () => {
    const { core, rows } = setup();
    const expected = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).map((r) => r.uuid).sort();
    const sorted = async (input: object) => (await uuids(core, input)).sort();
    expect(await sorted({ status: ['Failed', 'Cancelled'] })).toEqual(expected((r) => r.status === 'Failed' || r.status === 'Cancelled'));
    expect(await sorted({ status: 'Completed,Pending' })).toEqual(expected((r) => r.status === 'Completed' || r.status === 'Pending'));
    expect(await sorted({ template: 'CLOSE' })).toEqual(expected((r) => r.template.includes('close')));
    expect(await sorted({ client_id: 'org-b', task_type: 'ClosingPeriod' })).toEqual(expected((r) => r.client_id === 'org-b'));
    const prefix = rows[0].uuid.slice(0, 2);
    expect(await sorted({ uuid: prefix.toUpperCase() })).toEqual(expected((r) => r.uuid.startsWith(prefix)));
    expect(await sorted({ uuid: rows[0].uuid })).toEqual([rows[0].uuid]);
  });

  it('orders by several fields, - for descending, and pages with count, next and previous', async () => {
    const { core, rows } = setup();
    const ordered = [...rows].sort((a, b) => cmp(a.status, b.status) || cmp(b.created_at, a.created_at)).map((r) => r.uuid);
    expect(await uuids(core, { ordering: 'status,-created_at' })).toEqual(ordered);
    const byTemplate = [...rows].sort((a, b) => cmp(b.template, a.template) || cmp(a.uuid, b.uuid)).map((r) => r.uuid);
    expect(await uuids(core, { ordering: '-template,uuid' })).toEqual(byTemplate);

    const first = await callOk<TaskList>(core, 'tasks.list', { ordering: 'created_at', limit: 25 });
    expect(first).toMatchObject({ count: rows.length, previous: null, next: 'tasks.list?ordering=created_at&limit=25&offset=25' });
    const second = await callOk<TaskList>(core, 'tasks.list', { ordering: 'created_at', limit: 25, offset: 25 });
    expect(second.previous).toBe('tasks.list?ordering=created_at&limit=25&offset=0');
    const third = await callOk<TaskList>(core, 'tasks.list', { ordering: 'created_at', limit: 25, offset: 50 });
    expect(third.next).toBeNull();
    const all = [...first.results, ...second.results, ...third.results].map((t: Task) => t.uuid);
    expect(all).toEqual([...rows].sort((a, b) => cmp(a.created_at, b.created_at)).map((r) => r.uuid));
  });

  it('tasks.cancel ends a Pending or InProgress task Cancelled with a note; tasks.get reads it back', async () => {
    const { core, rows } = setup(30);
    const open = rows.filter((r) => r.status === 'Pending' || r.status === 'InProgress');
    for (const row of open) {
      const cancelled = await callOk<Task>(core, 'tasks.cancel', { uuid: row.uuid.toUpperCase() });
      expect(cancelled).toMatchObject({ uuid: row.uuid, status: 'Cancelled' });
      expect(cancelled.processing_notes.warnings.at(-1)).toMatchObject({ code: 'cancelled', message: 'Cancelled by test' });
      expect(await callOk<Task>(core, 'tasks.get', { uuid: row.uuid })).toEqual(cancelled);
    }
    const left = await callOk<TaskList>(core, 'tasks.list', { status: ['Pending', 'InProgress'] });
    expect(left.count).toBe(0);
  });

  it('refuses an unknown ordering field by name, limit 0 or 1,000, a malformed date, an unknown status', async () => {
    const { core } = setup(3);
    const bad = async (input: object) => (await callError(core, 'tasks.list', input)) as { code: string; detail: { issues: Array<{ field: string; message: string }> } };
    const ordering = await bad({ ordering: 'status,-colour' });
    expect(ordering.detail.issues).toEqual([{ field: 'ordering', message: expect.stringContaining('"colour"') }]);
    expect((await bad({ limit: 0 })).detail.issues[0].field).toBe('limit');
    expect((await bad({ limit: 1000 })).detail.issues[0]).toMatchObject({ field: 'limit', message: 'at most 100' });
    for (const date of ['2026-13-01', '2026-02-30', '15/05/2026', '2026-05-15T25:00:00Z', 'yesterday']) {
      expect((await bad({ created_after: date })).detail.issues[0], date).toMatchObject({ field: 'created_after', message: expect.stringContaining(date) });
    }
    expect((await bad({ created_on: '2026-05-15 10:00:00' })).detail.issues[0].field).toBe('created_on');
    expect((await bad({ status: ['Failed', 'Done'] })).detail.issues[0]).toMatchObject({ field: 'status', message: expect.stringContaining('"Done"') });
    expect((await bad({ offset: -1 })).detail.issues[0].field).toBe('offset');
  });
});
