import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CloseEvent } from '../../src/shared/contract/close';
import type { Task } from '../../src/shared/contract/tasks';
import { openWorkspace } from '../../src/main/db/workspace';
import { inProcessCore } from '../../src/main/core/in-process';
import { CLOSE_CHECKS } from '../../src/main/close/checks';
import { callOk, tempDir } from '../support/temp-workspace';
import { OPEN_MONTH, ORG, seedCloseOrg } from './close-support';

// The kill moment is drawn from this seed (printed when the test fails); CLOSEBOOK_KILL_SEED replays it.
const SEED = process.env.CLOSEBOOK_KILL_SEED ? Number(process.env.CLOSEBOOK_KILL_SEED) : Math.floor(Math.random() * 2 ** 31);

async function preparedWorkspace(): Promise<string> {
  const path = join(tempDir(), 'crash.closebook');
  const workspace = openWorkspace(path);
  seedCloseOrg(workspace.db);
  const core = inProcessCore(workspace);
  await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
  await core.close();
  return path;
}

function state(path: string) {
  const workspace = openWorkspace(path, { create: false });
  try {
    const db = workspace.db;
    return {
      period: db.prepare('SELECT status FROM periods WHERE org_id = ? AND period = ?').pluck().get(ORG, OPEN_MONTH),
      tasks: db.prepare('SELECT status FROM tasks').pluck().all(),
      events: db.prepare('SELECT count(*) FROM period_close_events').pluck().get(),
    };
  } finally {
    workspace.close();
  }
}

describe('a close killed while it runs', () => {
  it('leaves the month open and, at the next start, the task Failed with a note; the close then succeeds', async () => {
    const path = await preparedWorkspace();
    // One progress event per check, then "Finalizing the month" inside the transaction.
    const killAt = SEED % (CLOSE_CHECKS.length + 1);
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'close-crash-child.ts'), path, ORG, OPEN_MONTH, String(killAt)], { encoding: 'utf8' });
    const context = `seed ${SEED}, kill at event ${killAt}: ${child.stdout} ${child.stderr}`;
    expect(child.signal, context).toBe('SIGKILL');
    expect(child.stdout, context).toContain('killed at');
    // As the crash left it: the task InProgress, the month open.
    expect(state(path), context).toEqual({ period: 'in_progress', tasks: ['InProgress'], events: 0 });

    const workspace = openWorkspace(path, { create: false });
    try {
      const core = inProcessCore(workspace);
      const [task] = (await callOk<{ results: Task[] }>(core, 'tasks.list', {})).results;
      expect(task.status, context).toBe('Failed');
      expect(task.processing_notes.errors.at(-1), context).toMatchObject({ code: 'interrupted' });
      expect(await callOk<CloseEvent[]>(core, 'close.history', { orgId: ORG }), context).toEqual([]);
      const again = await callOk<Task>(core, 'close.start', { orgId: ORG, period: OPEN_MONTH });
      expect(again.status, context).toBe('Completed');
    } finally {
      workspace.close();
    }
    expect(state(path)).toEqual({ period: 'finalized', tasks: expect.arrayContaining(['Failed', 'Completed']), events: 1 });
  });

  it("start-up leaves a task alone while its runner's process lives, and fails it once that process is gone", async () => {
    const path = await preparedWorkspace();
    const workspace = openWorkspace(path, { create: false });
    const insert = workspace.db.prepare(`INSERT INTO tasks (uuid, client_id, user_id, task_type, template, status, parameters, processing_notes, runner, created_at, updated_at)
      VALUES (?, ?, 'x', 'ClosingPeriod', NULL, 'InProgress', '{}', '{"errors":[],"warnings":[]}', ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    insert.run('00000000-0000-4000-8000-000000000001', ORG, `${process.ppid}:0:other`);
    insert.run('00000000-0000-4000-8000-000000000002', ORG, `${gone}:0:gone`);
    insert.run('00000000-0000-4000-8000-000000000003', ORG, `${process.pid}:7:crashed-worker`);
    try {
      const core = inProcessCore(workspace);
      const list = await callOk<{ results: Task[] }>(core, 'tasks.list', { ordering: 'uuid' });
      expect(list.results.map((t) => t.status)).toEqual(['InProgress', 'Failed', 'Failed']);
    } finally {
      workspace.close();
    }
  });
});
