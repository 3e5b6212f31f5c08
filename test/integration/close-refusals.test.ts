import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/shared/period';
import type { ReopenResult, CloseEvent } from '../../src/shared/contract/close';
import type { Task } from '../../src/shared/contract/tasks';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { currentPeriod } from '../../src/main/close/month-state';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { callError, CLOSED_MONTH, OPEN_MONTH, ORG, periodRow, seedCloseOrg } from './close-support';

function setup() {
  const ctx = tempWorkspace();
  seedCloseOrg(ctx.workspace.db);
  const taskCount = () => ctx.workspace.db.prepare('SELECT count(*) FROM tasks').pluck().get() as number;
  return { ...ctx, taskCount };
}

describe('close: bad input is refused, nothing changed', () => {
  it('a month already closed, the current month and a month in the future: no task, no change', async () => {
    const { core, workspace, taskCount } = setup();
    const current = currentPeriod(workspace.db, ORG);
    expect(await callError(core, 'close.start', { orgId: ORG, period: CLOSED_MONTH })).toMatchObject({ type: 'conflict', code: 'period_finalized', detail: { field: 'period' } });
    expect(await callError(core, 'close.start', { orgId: ORG, period: current })).toMatchObject({ code: 'period_not_over', detail: { field: 'period', current } });
    const future = addMonths(current, 1);
    const refused = await callError(core, 'close.start', { orgId: ORG, period: future });
    expect(refused).toMatchObject({ type: 'validation_error', code: 'period_in_future', detail: { field: 'period', period: future } });
    expect(refused.message).toContain('future');
    expect(await callError(core, 'close.start', { orgId: ORG, period: '2026-13' })).toMatchObject({ code: 'invalid_input', detail: { issues: [{ field: 'period' }] } });
    expect(await callError(core, 'close.start', { orgId: 'nope', period: OPEN_MONTH })).toMatchObject({ code: 'org_not_found' });
    expect(taskCount()).toBe(0);
    expect(periodRow(workspace.db, future)).toBeUndefined();
  });

  it('reopen needs a reason and a closed month; with both the month is open again and the reason kept', async () => {
    const { core, workspace } = setup();
    for (const reason of [undefined, '', '   ']) {
      const error = await callError(core, 'close.reopen', { orgId: ORG, period: CLOSED_MONTH, ...(reason === undefined ? {} : { reason }) });
      expect(error).toMatchObject({ code: 'invalid_input', detail: { issues: [{ field: 'reason' }] } });
    }
    expect(periodRow(workspace.db, CLOSED_MONTH)?.status).toBe('finalized');
    expect(await callError(core, 'close.reopen', { orgId: ORG, period: OPEN_MONTH, reason: 'oops' })).toMatchObject({ code: 'period_not_finalized' });

    const reopened = await callOk<ReopenResult>(core, 'close.reopen', { orgId: ORG, period: CLOSED_MONTH, reason: ' Late refund from the bank ' });
    expect(reopened).toMatchObject({ status: 'in_progress', event: { action: 'reopened', reason: 'Late refund from the bank', task_uuid: null } });
    expect(periodRow(workspace.db, CLOSED_MONTH)).toEqual({ status: 'in_progress', finalized_at: null });
    // Closed again through the real path, then the history is newest first.
    const task = await callOk<Task>(core, 'close.start', { orgId: ORG, period: CLOSED_MONTH });
    expect(task.status).toBe('Completed');
    const history = await callOk<CloseEvent[]>(core, 'close.history', { orgId: ORG });
    expect(history.map((e) => [e.period, e.action])).toEqual([
      [CLOSED_MONTH, 'closed'],
      [CLOSED_MONTH, 'reopened'],
    ]);
  });

  it('cancelling a finished task is refused; an unknown task is 404', async () => {
    const { core } = setup();
    const task = await callOk<Task>(core, 'close.start', { orgId: ORG, period: OPEN_MONTH });
    expect(task.status).toBe('Failed');
    expect(await callError(core, 'tasks.cancel', { uuid: task.uuid })).toMatchObject({ type: 'conflict', code: 'task_finished', detail: { status: 'Failed' } });
    expect(await callError(core, 'tasks.get', { uuid: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'task_not_found' });
    expect((await callOk<Task>(core, 'tasks.get', { uuid: task.uuid })).status).toBe('Failed');
  });

  it('a cancel while the close runs ends the task Cancelled and leaves the month open', async () => {
    const { core, workspace } = setup();
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    const call = core.call('close.start', { orgId: ORG, period: OPEN_MONTH }, { name: 'test', permissions: 'all' }, (event) => {
      if (event.done === 2) call.cancel();
    });
    const result = await call.result;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect((result.value as Task).status).toBe('Cancelled');
    expect(periodRow(workspace.db, OPEN_MONTH)?.status).toBe('in_progress');
  });
});

describe('a finalized month refuses each kind of write, with a clear code', () => {
  async function closedOctober() {
    const ctx = setup();
    const batch = await callOk<BatchResponse>(ctx.core, 'revenues.batch', { orgId: ORG, records: [{ external_id: 'oct_1', occurred_at: '2026-10-15', amount: '3.00', currency: 'USD' }] });
    await callOk(ctx.core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    expect((await callOk<Task>(ctx.core, 'close.start', { orgId: ORG, period: OPEN_MONTH })).status).toBe('Completed');
    return { ...ctx, batchId: batch.meta.batch_id! };
  }

  it('imports and batch rows (new and edits), a single create, payout runs, undo and a time-zone change', async () => {
    const { core, workspace, batchId } = await closedOctober();
    const count = () => workspace.db.prepare("SELECT count(*) AS n, sum(amount_micros) AS s FROM revenues WHERE period = '2026-10'").get();
    const before = count();

    const created = await callOk<BatchResponse>(core, 'revenues.batch', { orgId: ORG, records: [{ external_id: 'oct_2', occurred_at: '2026-10-16', amount: '1.00', currency: 'USD' }] });
    expect(created.data[0]).toMatchObject({ status: 'blocked_locked_period' });
    const edited = await callOk<BatchResponse>(core, 'revenues.batch', {
      orgId: ORG,
      operation: 'update_only',
      records: [{ external_id: 'oct_1', occurred_at: '2026-10-15', amount: '9.00', currency: 'USD' }],
    });
    expect(edited.data[0]).toMatchObject({ status: 'blocked_locked_period' });
    expect(await callError(core, 'revenues.create', { orgId: ORG, record: { external_id: 'oct_3', occurred_at: '2026-10-17', amount: '2.00', currency: 'USD' } })).toMatchObject({
      code: 'period_locked',
      detail: { field: 'record.occurred_at' },
    });
    expect(await callError(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH })).toMatchObject({ code: 'period_finalized' });
    expect(await callError(core, 'imports.undo', { batchId })).toMatchObject({ code: 'period_locked' });
    expect(await callError(core, 'orgs.update', { id: ORG, timeZone: 'Europe/Paris' })).toMatchObject({ code: 'periods_finalized' });
    expect(count()).toEqual(before);

    // Reopened, the same import lands.
    await callOk(core, 'close.reopen', { orgId: ORG, period: OPEN_MONTH, reason: 'A late sale' });
    const landed = await callOk<BatchResponse>(core, 'revenues.batch', { orgId: ORG, records: [{ external_id: 'oct_2', occurred_at: '2026-10-16', amount: '1.00', currency: 'USD' }] });
    expect(landed.data[0]).toMatchObject({ status: 'created' });
  });
});
