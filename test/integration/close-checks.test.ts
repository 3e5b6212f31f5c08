import { describe, expect, it } from 'vitest';
import type { CloseEvent, CloseReadiness } from '../../src/shared/contract/close';
import type { Task } from '../../src/shared/contract/tasks';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { codes, OPEN_MONTH, ORG, periodRow, seedCloseOrg } from './close-support';

function setup() {
  const ctx = tempWorkspace();
  seedCloseOrg(ctx.workspace.db);
  return ctx;
}

const close = (core: Parameters<typeof callOk>[0]) => callOk<Task>(core, 'close.start', { orgId: ORG, period: OPEN_MONTH });

describe('close.start: the checks gate the lock', () => {
  it('a month whose payouts were never run fails the close: task Failed, month still open, nothing in the history', async () => {
    const { core, workspace } = setup();
    const task = await close(core);
    expect(task).toMatchObject({
      task_type: 'ClosingPeriod',
      status: 'Failed',
      client_id: ORG,
      parameters: { type: 'monthly', date_from: '2026-10-01', date_to: '2026-10-31', client_id: ORG },
      processing_notes: { period: OPEN_MONTH, records_to_process: 2 },
    });
    expect(codes(task)).toEqual(['payouts_not_run']);
    expect(task.processing_notes.checks.find((c) => c.id === 'payouts')?.outcome).toBe('error');
    expect(periodRow(workspace.db, OPEN_MONTH)?.status).toBe('in_progress');
    expect(await callOk<CloseEvent[]>(core, 'close.history', { orgId: ORG })).toEqual([]);
  });

  it('with the payouts run, the month closes: finalized with its time, the task Completed, the close in the history', async () => {
    const { core, workspace } = setup();
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    const progress: string[] = [];
    const result = await core.call('close.start', { orgId: ORG, period: OPEN_MONTH }, { name: 'ana', permissions: 'all' }, (e) => progress.push(e.message ?? '')).result;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const task = result.value as Task;
    expect(task.status).toBe('Completed');
    expect(task.user_id).toBe('ana');
    expect(task.processing_notes.errors).toEqual([]);
    expect(task.processing_notes.checks.map((c) => c.id)).toEqual(['imports', 'consumption', 'statements', 'payouts', 'earlier_months']);
    expect(task.processing_notes.checks_done).toBe(task.processing_notes.checks_total);
    expect(progress.at(-1)).toBe('Finalizing the month');
    expect(progress).toContain('The payout run is up to date');
    const row = periodRow(workspace.db, OPEN_MONTH)!;
    expect(row.status).toBe('finalized');
    expect(row.finalized_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const history = await callOk<CloseEvent[]>(core, 'close.history', { orgId: ORG, period: OPEN_MONTH });
    expect(history).toMatchObject([{ action: 'closed', task_uuid: task.uuid, actor: 'ana', reason: null, at: row.finalized_at }]);
    expect(await callOk<Task>(core, 'tasks.get', { uuid: task.uuid })).toEqual(task);
  });

  it('revenues changed after the payout run fail the close, and so does a stale run', async () => {
    const { core, workspace } = setup();
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    await callOk(core, 'revenues.batch', { orgId: ORG, records: [{ external_id: 'late', occurred_at: '2026-10-20', amount: '5.00', currency: 'USD' }] });
    const changed = await close(core);
    expect(codes(changed)).toEqual(['payouts_out_of_date']);
    expect(changed.processing_notes.errors[0].message).toContain('2 revenues when run, 3 now');

    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    // Same count, other total: an amount edited in place.
    workspace.db.prepare("UPDATE revenues SET amount_micros = amount_micros + 1 WHERE external_id = 'ch_2'").run();
    const edited = await close(core);
    expect(edited.processing_notes.errors[0]).toMatchObject({ code: 'payouts_out_of_date' });
    expect(edited.processing_notes.errors[0].message).toContain('EUR');

    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    workspace.db.prepare("UPDATE payout_runs SET stale_reason = 'September was run again' WHERE period = ?").run(OPEN_MONTH);
    expect(codes(await close(core))).toEqual(['payouts_stale']);
    expect(periodRow(workspace.db, OPEN_MONTH)?.status).toBe('in_progress');
  });

  it("an import row that failed blocks the close until its revenue is imported; rows naming no record only warn", async () => {
    const { core, workspace } = setup();
    const batch = await callOk<BatchResponse>(core, 'revenues.batch', {
      orgId: ORG,
      records: [
        { external_id: 'ok_1', occurred_at: '2026-10-10', amount: '1.00', currency: 'USD' },
        { external_id: 'bad_1', occurred_at: '2026-10-11', amount: 'twelve', currency: 'USD' },
        { occurred_at: '2026-10-12', amount: 'seven', currency: 'USD' },
      ],
    });
    expect(batch.data.map((r) => r.status)).toEqual(['created', 'error', 'error']);
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    const blocked = await close(core);
    expect(codes(blocked)).toEqual(['unresolved_error_rows']);
    expect(blocked.processing_notes.errors[0]).toMatchObject({ count: 1 });
    expect(blocked.processing_notes.errors[0].message).toContain('"bad_1"');
    expect(codes(blocked, 'warnings')).toContain('untraced_error_rows');
    expect(periodRow(workspace.db, OPEN_MONTH)?.status).toBe('in_progress');

    await callOk(core, 'revenues.batch', { orgId: ORG, records: [{ external_id: 'bad_1', occurred_at: '2026-10-11', amount: '12.00', currency: 'USD' }] });
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    const closed = await close(core);
    expect(closed.status).toBe('Completed');
    expect(closed.processing_notes.checks.find((c) => c.id === 'imports')?.outcome).toBe('warning');
  });

  it('consumption records not finalized, or finalized and not reconciled nor held, fail the close; held ones warn', async () => {
    const { core, workspace } = setup();
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    // Written as the consumption import would, straight into the table.
    const insert = workspace.db.prepare(`INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`);
    insert.run(ORG, 'L1', 'vm-1', `${OPEN_MONTH}-01`, 10_000_000, 6_000_000);
    insert.run(ORG, 'L2', 'vm-2', `${OPEN_MONTH}-01`, 4_000_000, 2_000_000);
    // Another month's record is not this close's business.
    insert.run(ORG, 'L3', 'vm-3', '2026-11-01', 1_000_000, 1_000_000);
    const notFinal = await close(core);
    expect(codes(notFinal)).toEqual(['consumption_not_finalized']);
    expect(notFinal.processing_notes.records_to_process).toBe(4);

    const db = workspace.db;
    db.prepare("UPDATE consumption_records SET final_sell_micros = 10000000, final_buy_micros = 6000000, is_finalized = 1, finalized_at = '2026-11-02T00:00:00Z'").run();
    expect(codes(await close(core))).toEqual(['consumption_not_reconciled']);

    db.prepare("UPDATE consumption_records SET is_reconciled = 1, reconciled_at = '2026-11-03T00:00:00Z' WHERE license_reference = 'L1'").run();
    db.prepare("UPDATE consumption_records SET review_status = 'held' WHERE license_reference = 'L2'").run();
    const closed = await close(core);
    expect(closed.status).toBe('Completed');
    expect(codes(closed, 'warnings')).toContain('consumption_held');
  });

  it('close.checks answers the same checks without writing, and says why a month cannot be closed', async () => {
    const { core, workspace } = setup();
    const open = await callOk<CloseReadiness>(core, 'close.checks', { orgId: ORG, period: OPEN_MONTH });
    expect(open).toMatchObject({ status: 'in_progress', refusal: null, records_to_process: 2 });
    expect(open.checks.filter((c) => c.outcome === 'error').map((c) => c.id)).toEqual(['payouts']);
    expect(workspace.db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(0);
    const closed = await callOk<CloseReadiness>(core, 'close.checks', { orgId: ORG, period: '2026-09' });
    expect(closed).toMatchObject({ status: 'finalized', refusal: { code: 'period_finalized' } });
  });
});
