import { THIS_RUNNER, taskNow } from './task-store';
import type { Database } from '../db/driver';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a task's runner is gone: its process has ended, or it was a core of this very
 * process that is not running any more (a worker thread that crashed and was replaced).
 */
function runnerGone(runner: string | null): boolean {
  if (runner === null) return true;
  const pid = Number(runner.split(':')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return runner !== THIS_RUNNER;
  return !processAlive(pid);
}

/**
 * At a core's start: every task a crash left Pending or InProgress ends Failed, with a
 * note saying so. What such a task was doing was never committed (a close finalizes its
 * month in the same transaction that completes it), so the month is as it was.
 * Returns how many tasks were ended.
 */
export function failInterruptedTasks(db: Database.Database): number {
  // A workspace opened with an older list of schema steps (tests) has no tasks.
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tasks'").get() === undefined) return 0;
  // A synced task (seed 002) runs on the org's online system, not here: never ended by a restart.
  const hasOrigin = (db.prepare("SELECT 1 FROM pragma_table_info('tasks') WHERE name = 'origin'").get() as unknown) !== undefined;
  const unfinished = db.prepare(`SELECT uuid, runner, processing_notes FROM tasks WHERE status IN ('Pending', 'InProgress')${hasOrigin ? " AND origin = 'local'" : ''}`).all() as Array<{
    uuid: string;
    runner: string | null;
    processing_notes: string;
  }>;
  const left = unfinished.filter((t) => runnerGone(t.runner));
  if (left.length === 0) return 0;
  const update = db.prepare("UPDATE tasks SET status = 'Failed', processing_notes = ?, updated_at = ?, finished_at = ? WHERE uuid = ? AND status IN ('Pending', 'InProgress')");
  const write = db.transaction(() => {
    const now = taskNow();
    for (const task of left) {
      const notes = JSON.parse(task.processing_notes) as { errors?: unknown[] };
      notes.errors = [
        ...(notes.errors ?? []),
        { check: 'task', code: 'interrupted', message: 'Closebook stopped while this task ran (a crash or a forced quit); nothing it was doing was kept. Start it again.' },
      ];
      update.run(JSON.stringify(notes), now, now, task.uuid);
    }
  });
  try {
    write.immediate();
  } catch (error) {
    // Another program is writing the workspace: the tasks wait for the next start.
    if (String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')) return 0;
    throw error;
  }
  return left.length;
}
