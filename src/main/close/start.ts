import type { CloseReadiness } from '../../shared/contract/close';
import type { Task, TaskProcessingNotes } from '../../shared/contract/tasks';
import { periodBounds } from '../../shared/period';
import type { CallContext } from '../api/context';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { createTask, getTask, updateTask } from '../tasks/task-store';
import { recordCloseEvent } from './history';
import { closeRefusal, periodStatus } from './month-state';
import { emptyNotes, runCloseChecks } from './run-checks';

export const CLOSE_TEMPLATE = 'monthly-close';

/** close.checks: the checks as they stand, nothing written. */
export function closeReadiness(db: Database.Database, orgId: string, period: string): CloseReadiness {
  assertOrg(db, orgId);
  const refusal = closeRefusal(db, orgId, period);
  const notes = db.transaction(() => runCloseChecks(db, orgId, period))();
  return {
    orgId,
    period,
    status: periodStatus(db, orgId, period).status,
    refusal: refusal ? { code: refusal.code, message: refusal.message } : null,
    checks: notes.checks,
    records_to_process: notes.records_to_process,
  };
}

class CloseCancelled extends Error {}

/**
 * close.start. The task is written Pending, then InProgress (each committed, so a crash
 * leaves a trace that start-up turns into Failed). The checks and the finalizing run in
 * one IMMEDIATE transaction: nothing can write between the checks and the lock, and a crash
 * or cancel at any point rolls the month back to open. Any error: the task is Failed and
 * the month stays open; none: the month is finalized and the close kept in the history.
 */
export function startClose(db: Database.Database, orgId: string, period: string, ctx: Pick<CallContext, 'principal' | 'progress' | 'signal'>): Task {
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  const refusal = closeRefusal(db, orgId, period);
  if (refusal) throw refusal;
  const { first, last } = periodBounds(period);
  const task = createTask(db, {
    clientId: orgId,
    userId: ctx.principal.name,
    taskType: 'ClosingPeriod',
    template: CLOSE_TEMPLATE,
    parameters: { type: 'monthly', date_from: first, date_to: last, client_id: orgId },
    notes: emptyNotes(period, 0),
  });
  updateTask(db, task.uuid, 'InProgress', task.processing_notes);
  const progress = (done: number, total: number, message: string) => ctx.progress({ task: 'close.start', done, total, message });
  let notes: TaskProcessingNotes = task.processing_notes;
  try {
    db.transaction(() => {
      // Checked again inside the lock: another program may have closed it meanwhile.
      const again = closeRefusal(db, orgId, period);
      if (again) throw again;
      notes = runCloseChecks(db, orgId, period, (index, label, sofar) => {
        if (ctx.signal.aborted) throw new CloseCancelled();
        notes = sofar;
        progress(index, sofar.checks_total, label);
      });
      if (notes.errors.length > 0) {
        updateTask(db, task.uuid, 'Failed', notes);
        progress(notes.checks_total, notes.checks_total, `${notes.errors.length} check error(s): the month stays open`);
        return;
      }
      const at = new Date().toISOString().slice(0, 19) + 'Z';
      db.prepare(
        `INSERT INTO periods (org_id, period, status, finalized_at) VALUES (?, ?, 'finalized', ?)
         ON CONFLICT (org_id, period) DO UPDATE SET status = 'finalized', finalized_at = excluded.finalized_at`,
      ).run(orgId, period, at);
      recordCloseEvent(db, { orgId, period, action: 'closed', taskUuid: task.uuid, reason: null, actor: ctx.principal.name, at });
      updateTask(db, task.uuid, 'Completed', notes);
      // Last word before the commit: the month is finalized once this transaction ends.
      progress(notes.checks_total, notes.checks_total, 'Finalizing the month');
    }).immediate();
  } catch (error) {
    if (error instanceof CloseCancelled || ctx.signal.aborted) {
      notes.warnings = [...notes.warnings, { check: 'task', code: 'cancelled', message: `Cancelled by ${ctx.principal.name} during the checks; the month stays open.` }];
      updateTask(db, task.uuid, 'Cancelled', notes);
      return getTask(db, task.uuid);
    }
    const refused = error instanceof ApiFailure;
    notes.errors = [...notes.errors, { check: 'task', code: refused ? error.code : 'internal', message: refused ? error.message : `The close stopped on an unexpected error: ${(error as Error).message}` }];
    updateTask(db, task.uuid, 'Failed', notes);
    if (refused) return getTask(db, task.uuid);
    throw error;
  }
  return getTask(db, task.uuid);
}
