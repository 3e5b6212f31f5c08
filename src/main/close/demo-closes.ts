import { periodBounds } from '../../shared/period';
import type { TaskProcessingNotes } from '../../shared/contract/tasks';
import type { Database } from '../db/driver';
import type { SeededRandom } from '../demo/random';
import { CLOSE_TEMPLATE } from './start';

/**
 * The demo's finalized months as the Close screen's history and tasks show them: a
 * Completed ClosingPeriod task and a 'closed' event at each month's finalized_at, by
 * "demo". The demo writes its months finalized directly (their payout runs are stored
 * afterwards, demo/payout-runs.ts); the notes say so rather than pretend the checks ran. Ids come
 * from the demo's seed, so a demo is the same every time.
 */
export function recordDemoCloses(db: Database.Database, random: SeededRandom, periods: ReadonlyArray<{ org_id: string; period: string; status: string; finalized_at: string | null }>): number {
  const task = db.prepare(
    `INSERT INTO tasks (uuid, client_id, user_id, task_type, template, status, parameters, processing_notes, runner, created_at, updated_at, finished_at)
     VALUES (?, ?, 'demo', 'ClosingPeriod', ?, 'Completed', ?, ?, NULL, ?, ?, ?)`,
  );
  const event = db.prepare("INSERT INTO period_close_events (org_id, period, action, task_uuid, reason, actor, at) VALUES (?, ?, 'closed', ?, NULL, 'demo', ?)");
  let count = 0;
  for (const p of periods) {
    if (p.status !== 'finalized' || p.finalized_at === null) continue;
    const { first, last } = periodBounds(p.period);
    const notes: TaskProcessingNotes = {
      period: p.period,
      records_to_process: 0,
      errors: [],
      warnings: [{ check: 'task', code: 'demo_history', message: 'Closed when the demo was made: its checks were not run.' }],
      checks: [],
      checks_done: 0,
      checks_total: 0,
    };
    const uuid = random.uuid();
    const at = p.finalized_at.replace('Z', '.000Z');
    task.run(uuid, p.org_id, CLOSE_TEMPLATE, JSON.stringify({ type: 'monthly', date_from: first, date_to: last, client_id: p.org_id }), JSON.stringify(notes), at, at, at);
    event.run(p.org_id, p.period, uuid, p.finalized_at);
    count++;
  }
  return count;
}
