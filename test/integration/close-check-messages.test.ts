import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../src/shared/contract/imports';
import type { Task, TaskCheck, TaskNote } from '../../src/shared/contract/tasks';
import type { CloseEvent } from '../../src/shared/contract/close';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';
import { runCloseChecks } from '../../src/main/close/run-checks';
import { closeRefusal, currentPeriod } from '../../src/main/close/month-state';
import { reopenMonth } from '../../src/main/close/reopen';
import { closeReadiness, startClose } from '../../src/main/close/start';
import { monthInWords } from '../../src/main/imports/records/period-locks';
import { savePlans } from '../../src/main/statements/plan-store';
import { ensureStatements } from '../../src/main/statements/generate';
import { setAnchorDay } from '../../src/main/statements/billing-settings';
import { callError, CLOSED_MONTH, OPEN_MONTH, ORG, seedCloseOrg } from './close-support';
import type { Database } from '../../src/main/db/driver';

// What each close check tells the accountant, word for word: the counts, singular and
// plural, the lists cut at three, the months in words. close-checks.test.ts covers which
// check stops a close; this file pins what the screen and the task say about it.

function setup() {
  const ctx = tempWorkspace();
  seedCloseOrg(ctx.workspace.db);
  return ctx;
}
const notes = (db: Database.Database) => runCloseChecks(db, ORG, OPEN_MONTH);
const check = (db: Database.Database, id: string): TaskCheck => notes(db).checks.find((c) => c.id === id)!;
const notesOf = (db: Database.Database, id: string): { errors: TaskNote[]; warnings: TaskNote[] } => {
  const all = notes(db);
  return { errors: all.errors.filter((n) => n.check === id), warnings: all.warnings.filter((n) => n.check === id) };
};

describe('close check messages', () => {
  it('a month with nothing to fix: five checks passed, each with its label and message, and no note at all', async () => {
    const { core, workspace } = setup();
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    const ranAt = workspace.db.prepare('SELECT ran_at FROM payout_runs WHERE org_id = ? AND period = ?').pluck().get(ORG, OPEN_MONTH) as string;
    expect(notes(workspace.db)).toEqual({
      period: OPEN_MONTH,
      records_to_process: 2,
      errors: [],
      warnings: [],
      checks_done: 5,
      checks_total: 5,
      checks: [
        { id: 'imports', label: 'Imports have no unresolved error rows', outcome: 'pass', message: 'No import into this month has an error row.' },
        { id: 'consumption', label: 'Consumption is finalized and reconciled or held', outcome: 'pass', message: 'No consumption records in this month.' },
        { id: 'statements', label: 'Statements of cycles ending this month are generated', outcome: 'pass', message: 'No price plan covers the cycle 2026-10-01 – 2026-10-31, so no statement is due.' },
        { id: 'payouts', label: 'The payout run is up to date', outcome: 'pass', message: `Run ${ranAt} over the month's 2 revenues, unchanged since.` },
        { id: 'earlier_months', label: 'Earlier months are closed', outcome: 'pass', message: 'No earlier month is open.' },
      ],
    });
  });

  it('a month that fails one check has that error and no warning', () => {
    const { workspace } = setup();
    const all = notes(workspace.db);
    expect([all.errors, all.warnings]).toEqual([[{ check: 'payouts', code: 'payouts_not_run', count: 2, message: 'The payouts of this month have not been run (2 revenues): run them first.' }], []]);
  });

  it('exactly three rows or months are all named, with no "and 0 more"', async () => {
    const { core, workspace } = setup();
    const db = workspace.db;
    const batch = await callOk<BatchResponse>(core, 'revenues.batch', {
      orgId: ORG,
      records: [{ external_id: 'ok', occurred_at: '2026-10-10', amount: '1.00', currency: 'USD' }, ...[1, 2, 3].map((i) => ({ external_id: `bad_${i}`, occurred_at: '2026-10-11', amount: 'x', currency: 'USD' }))],
    });
    const id = batch.meta.batch_id!;
    // A batch from a file names the file.
    db.prepare("UPDATE import_batches SET file_name = 'october.csv' WHERE id = ?").run(id);
    expect(notesOf(db, 'imports').errors[0]!.message).toBe(
      `3 import rows of October 2026 (2026-10) failed and their revenues are still missing: batch ${id} (october.csv) row 1 "bad_1", batch ${id} (october.csv) row 2 "bad_2", batch ${id} (october.csv) row 3 "bad_3". Import them corrected, or undo the batch.`,
    );
    const open = db.prepare("INSERT INTO periods (org_id, period, status, finalized_at) VALUES (?, ?, 'in_progress', NULL)");
    for (const p of ['2026-06', '2026-07', '2026-08']) open.run(ORG, p);
    expect(check(db, 'earlier_months').message).toBe('3 earlier months are still open (2026-06, 2026-07, 2026-08).');
  });

  it('imports: unresolved rows listed three at a time, untraced rows warned, then passed once each is imported', async () => {
    const { core, workspace } = setup();
    const db = workspace.db;
    expect(check(db, 'imports')).toMatchObject({ outcome: 'pass', message: 'No import into this month has an error row.' });
    const batch = await callOk<BatchResponse>(core, 'revenues.batch', {
      orgId: ORG,
      records: [
        { external_id: 'ok_1', occurred_at: '2026-10-10', amount: '1.00', currency: 'USD' },
        ...[1, 2, 3, 4, 5].map((i) => ({ external_id: `bad_${i}`, occurred_at: '2026-10-11', amount: 'twelve', currency: 'USD' })),
        { occurred_at: '2026-10-12', amount: 'seven', currency: 'USD' },
        { occurred_at: '2026-10-13', amount: 'eight', currency: 'USD' },
      ],
    });
    const id = batch.meta.batch_id!;
    const rowOf = (externalId: string) => db.prepare('SELECT row_number FROM import_outcomes WHERE batch_id = ? AND external_id = ?').pluck().get(id, externalId) as number;
    const at = (x: string) => `batch ${id} row ${rowOf(x)} "${x}"`;
    const untraced = db.prepare("SELECT row_number FROM import_outcomes WHERE batch_id = ? AND external_id IS NULL AND outcome = 'error' ORDER BY row_number").pluck().all(id) as number[];
    expect(untraced).toHaveLength(2);
    const { errors, warnings } = notesOf(db, 'imports');
    expect(errors).toEqual([
      {
        check: 'imports',
        code: 'unresolved_error_rows',
        count: 5,
        message: `5 import rows of October 2026 (2026-10) failed and their revenues are still missing: ${at('bad_1')}, ${at('bad_2')}, ${at('bad_3')} and 2 more. Import them corrected, or undo the batch.`,
      },
    ]);
    expect(warnings).toEqual([
      { check: 'imports', code: 'untraced_error_rows', count: 2, message: `2 error rows name no record to match (batch ${id} row ${untraced[0]}, batch ${id} row ${untraced[1]}): check them by hand.` },
    ]);
    expect(check(db, 'imports')).toMatchObject({ outcome: 'error', message: errors[0]!.message });

    // Four of the five imported corrected: one left, said in the singular.
    await callOk(core, 'revenues.batch', { orgId: ORG, records: [1, 2, 3, 4].map((i) => ({ external_id: `bad_${i}`, occurred_at: '2026-10-11', amount: '12.00', currency: 'USD' })) });
    expect(notesOf(db, 'imports').errors[0]).toMatchObject({
      count: 1,
      message: `1 import row of October 2026 (2026-10) failed and its revenue is still missing: ${at('bad_5')}. Import it corrected, or undo the batch.`,
    });
    await callOk(core, 'revenues.batch', { orgId: ORG, records: [{ external_id: 'bad_5', occurred_at: '2026-10-11', amount: '12.00', currency: 'USD' }] });
    db.prepare('DELETE FROM import_outcomes WHERE batch_id = ? AND row_number = ?').run(id, untraced[0]);
    expect(check(db, 'imports')).toMatchObject({ outcome: 'warning', message: `1 error row names no record to match (batch ${id} row ${untraced[1]}): check it by hand.` });

    // Without the untraced rows the check passes, counting the rows that failed and were imported since.
    db.prepare("DELETE FROM import_outcomes WHERE batch_id = ? AND external_id IS NULL AND outcome = 'error'").run(id);
    expect(check(db, 'imports')).toMatchObject({ outcome: 'pass', message: '5 error rows, each since imported.' });
  });

  it('consumption: not finalized, not reconciled, held, all done, each counted in the singular and the plural', () => {
    const { workspace } = setup();
    const db = workspace.db;
    const insert = db.prepare(`INSERT INTO consumption_records (org_id, license_reference, resource_name, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
      VALUES (?, ?, ?, ?, 1000000, 500000, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`);
    for (const ref of ['L1', 'L2', 'L3']) insert.run(ORG, ref, `vm-${ref}`, `${OPEN_MONTH}-01`);
    const finalize = (refs: string[]) => db.prepare(`UPDATE consumption_records SET final_sell_micros = 1000000, final_buy_micros = 500000, is_finalized = 1, finalized_at = '2026-11-02T00:00:00Z' WHERE license_reference IN (${refs.map(() => '?').join(',')})`).run(...refs);
    const set = (ref: string, sql: string) => db.prepare(`UPDATE consumption_records SET ${sql} WHERE license_reference = ?`).run(ref);

    expect(notesOf(db, 'consumption').errors).toEqual([
      { check: 'consumption', code: 'consumption_not_finalized', count: 3, message: '3 consumption records of 3 have no final billed amount yet: import the billing export.' },
    ]);
    finalize(['L1', 'L2']);
    expect(notesOf(db, 'consumption').errors).toEqual([
      { check: 'consumption', code: 'consumption_not_finalized', count: 1, message: '1 consumption record of 3 has no final billed amount yet: import the billing export.' },
      { check: 'consumption', code: 'consumption_not_reconciled', count: 2, message: '2 finalized consumption records are neither reconciled nor held: run the reconciliation, and approve or hold what needs review.' },
    ]);
    expect(check(db, 'consumption')).toMatchObject({
      outcome: 'error',
      message: '1 consumption record of 3 has no final billed amount yet: import the billing export. 2 finalized consumption records are neither reconciled nor held: run the reconciliation, and approve or hold what needs review.',
    });
    finalize(['L3']);
    set('L1', "is_reconciled = 1, reconciled_at = '2026-11-03T00:00:00Z'");
    set('L2', "is_reconciled = 1, reconciled_at = '2026-11-03T00:00:00Z'");
    expect(notesOf(db, 'consumption').errors).toEqual([
      { check: 'consumption', code: 'consumption_not_reconciled', count: 1, message: '1 finalized consumption record is neither reconciled nor held: run the reconciliation, and approve or hold what needs review.' },
    ]);
    set('L3', "review_status = 'held'");
    expect(notesOf(db, 'consumption')).toEqual({
      errors: [],
      warnings: [{ check: 'consumption', code: 'consumption_held', count: 1, message: '1 consumption record is held on purpose and stays so in the closed month.' }],
    });
    expect(check(db, 'consumption')).toMatchObject({ outcome: 'warning', message: '1 consumption record is held on purpose and stays so in the closed month.' });
    // A record held before its final amount came is held, not missing.
    set('L2', "is_finalized = 0, is_reconciled = 0, reconciled_at = NULL, final_sell_micros = NULL, final_buy_micros = NULL, finalized_at = NULL, review_status = 'held'");
    expect(notesOf(db, 'consumption')).toEqual({
      errors: [],
      warnings: [{ check: 'consumption', code: 'consumption_held', count: 2, message: '2 consumption records are held on purpose and stay so in the closed month.' }],
    });
    db.prepare("UPDATE consumption_records SET final_sell_micros = 1000000, final_buy_micros = 500000, finalized_at = '2026-11-02T00:00:00Z', is_finalized = 1, is_reconciled = 1, reconciled_at = '2026-11-03T00:00:00Z', review_status = NULL").run();
    expect(check(db, 'consumption')).toMatchObject({ outcome: 'pass', message: 'All 3 consumption records finalized and reconciled.' });
  });

  it('a workspace without the reconciliation or statements tables skips those checks with a warning', () => {
    const { workspace } = setup();
    const db = workspace.db;
    db.exec('DROP TABLE reconciliation_events');
    expect(notesOf(db, 'consumption').warnings).toEqual([{ check: 'consumption', code: 'check_unavailable', message: 'This workspace has no reconciliation yet; the check was skipped.' }]);
    expect(check(db, 'consumption').outcome).toBe('warning');
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TABLE price_plans');
    expect(notesOf(db, 'statements').warnings).toEqual([{ check: 'statements', code: 'check_unavailable', message: 'This workspace has no statements yet; the check was skipped.' }]);
  });

  it('earlier months still open: one named, more than three cut', () => {
    const { workspace } = setup();
    const db = workspace.db;
    const open = db.prepare("INSERT INTO periods (org_id, period, status, finalized_at) VALUES (?, ?, 'in_progress', NULL)");
    open.run(ORG, '2026-08');
    expect(notesOf(db, 'earlier_months').warnings).toEqual([{ check: 'earlier_months', code: 'earlier_month_open', count: 1, message: '1 earlier month is still open (2026-08).' }]);
    for (const p of ['2026-05', '2026-06', '2026-07']) open.run(ORG, p);
    expect(check(db, 'earlier_months')).toMatchObject({ outcome: 'warning', message: '4 earlier months are still open (2026-05, 2026-06, 2026-07 and 1 more).' });
    // Another org's open month is not this org's.
    db.prepare("INSERT INTO periods (org_id, period, status, finalized_at) VALUES ('org-parent-child', '2026-04', 'in_progress', NULL)").run();
    expect(check(db, 'earlier_months').message).toBe('4 earlier months are still open (2026-05, 2026-06, 2026-07 and 1 more).');
  });

  it('payouts: each reason in words, the currencies that changed named, later rule and payee edits warned', async () => {
    const { core, workspace } = setup();
    const db = workspace.db;
    db.prepare("DELETE FROM revenues WHERE org_id = ? AND period = ?").run(ORG, OPEN_MONTH);
    expect(check(db, 'payouts')).toMatchObject({ outcome: 'pass', message: 'No revenues in this month, so no payouts to run.' });
    seedAgain(db);
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    const ranAt = db.prepare('SELECT ran_at FROM payout_runs WHERE org_id = ? AND period = ?').pluck().get(ORG, OPEN_MONTH) as string;
    expect(check(db, 'payouts')).toMatchObject({ outcome: 'pass', message: `Run ${ranAt} over the month's 2 revenues, unchanged since.` });

    // Same count, the EUR revenue now in GBP: both currencies differ, named in order.
    db.prepare("UPDATE revenues SET currency = 'GBP' WHERE external_id = 'ch_2'").run();
    expect(notesOf(db, 'payouts').errors).toEqual([
      { check: 'payouts', code: 'payouts_out_of_date', message: `The month's revenues changed after the payout run of ${ranAt} (the total in EUR, GBP changed): run the month again.` },
    ]);
    db.prepare("UPDATE revenues SET currency = 'EUR' WHERE external_id = 'ch_2'").run();
    db.prepare("DELETE FROM revenues WHERE external_id = 'ch_2'").run();
    expect(notesOf(db, 'payouts').errors[0]!.message).toBe(`The month's revenues changed after the payout run of ${ranAt} (2 revenues when run, 1 now): run the month again.`);
    seedAgain(db, ['ch_2']);
    // One more revenue of 0.00: the totals per currency hold, the count does not.
    db.prepare("INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, quantity, created_at, updated_at) VALUES (?, 'zero', 'sale', '2026-10-05T00:00:00Z', '2026-10', 0, 'USD', 1, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')").run(ORG);
    expect(notesOf(db, 'payouts').errors[0]!.message).toBe(`The month's revenues changed after the payout run of ${ranAt} (2 revenues when run, 3 now): run the month again.`);
    db.prepare("DELETE FROM revenues WHERE external_id = 'zero'").run();
    db.prepare("UPDATE payout_runs SET stale_reason = 'September was run again' WHERE org_id = ? AND period = ?").run(ORG, OPEN_MONTH);
    expect(notesOf(db, 'payouts').errors).toEqual([{ check: 'payouts', code: 'payouts_stale', message: 'The payout run is stale (September was run again): run the month again.' }]);
    db.prepare('UPDATE payout_runs SET stale_reason = NULL WHERE org_id = ? AND period = ?').run(ORG, OPEN_MONTH);

    const later = '2999-01-01T00:00:00Z';
    db.prepare('UPDATE payees SET updated_at = ? WHERE org_id = ?').run(later, ORG);
    expect(notesOf(db, 'payouts')).toEqual({
      errors: [],
      warnings: [{ check: 'payouts', code: 'payees_changed_after_run', count: 1, message: '1 payee changed after the run (holds, minimums); run the month again if it matters.' }],
    });
    await callOk(core, 'rules.save', { orgId: ORG, record: { external_id: 'ru_Ann_gets_all', name: 'Ann gets all', status: 'active', scope: 'org', effective_from: '2026-01-01', splits: [{ payee_external_id: 'pe-Ann', percentage: '100' }] } });
    await callOk(core, 'rules.save', { orgId: ORG, record: { external_id: 'ru_draft', name: 'A draft', status: 'draft', scope: 'org', effective_from: '2026-01-01', splits: [{ payee_external_id: 'pe-Ann', percentage: '100' }] } });
    db.prepare('UPDATE rule_versions SET saved_at = ?').run(later);
    const both = notesOf(db, 'payouts').warnings;
    expect(both.map((w) => [w.code, w.count, w.message])).toEqual([
      ['rules_saved_after_run', 2, '2 rule versions saved after the run; run the month again if they apply to it.'],
      ['payees_changed_after_run', 1, '1 payee changed after the run (holds, minimums); run the month again if it matters.'],
    ]);
    expect(check(db, 'payouts')).toMatchObject({ outcome: 'warning', message: both.map((w) => w.message).join(' ') });
  });

  it('statements: the cycle ending in the month, by anchor day; not generated, still current, generated', () => {
    const { workspace } = setup();
    const db = workspace.db;
    setAnchorDay(db, ORG, 15);
    const prices = { ppu_price: '0', section_widget_price: '0', column_widget_price: '0', record_storage_price: '0', file_storage_price: '0', backup_price: '0' };
    savePlans(db, ORG, [{ name: 'P', effective_from: '2026-01-15', effective_to: null, is_subscription: true, subscription_price: '10.00', ...prices }]);
    expect(notesOf(db, 'statements').errors).toEqual([
      { check: 'statements', code: 'statement_not_generated', message: 'The statement of the cycle 2026-09-15 – 2026-10-14 is not generated: open Statements (or call statements.list) to generate it.' },
    ]);
    ensureStatements(db, ORG, 'after-write', '2026-10-01'); // the cycle is still the current one on that day
    expect(notesOf(db, 'statements').errors[0]!.message).toBe('The statement of the cycle 2026-09-15 – 2026-10-14 is still marked current: open Statements (or call statements.list) to generate it.');
    ensureStatements(db, ORG, 'on-read', '2026-11-20');
    const sid = db.prepare("SELECT sid FROM statements WHERE org_id = ? AND date_start = '2026-09-15'").pluck().get(ORG) as string;
    expect(check(db, 'statements')).toMatchObject({ outcome: 'pass', message: `Statement ${sid} of the cycle 2026-09-15 – 2026-10-14 is generated.` });
  });
});

describe('close refusals and reopen in words', () => {
  it('a closed month says when it was finalized; the current and a future month say which month it is now', () => {
    const { workspace } = setup();
    const db = workspace.db;
    const finalizedAt = db.prepare('SELECT finalized_at FROM periods WHERE org_id = ? AND period = ?').pluck().get(ORG, CLOSED_MONTH) as string;
    expect(closeRefusal(db, ORG, CLOSED_MONTH)).toMatchObject({
      type: 'conflict',
      code: 'period_finalized',
      message: `September 2026 (2026-09) is already closed (finalized ${finalizedAt}); reopen it first to close it again.`,
      detail: { field: 'period', period: CLOSED_MONTH },
    });
    db.prepare('UPDATE periods SET finalized_at = NULL WHERE org_id = ? AND period = ?').run(ORG, CLOSED_MONTH);
    expect(closeRefusal(db, ORG, CLOSED_MONTH)?.message).toBe('September 2026 (2026-09) is already closed; reopen it first to close it again.');
    const current = currentPeriod(db, ORG);
    // A month the org never wrote into has no periods row: it is open.
    expect(closeReadiness(db, ORG, '2026-08')).toMatchObject({ status: 'in_progress', refusal: null });
    expect(closeRefusal(db, ORG, current)).toMatchObject({
      type: 'validation_error',
      code: 'period_not_over',
      message: `${monthInWords(current)} is the current month: it can be closed once it has ended.`,
      detail: { field: 'period', period: current, current, issues: [{ field: 'period', message: 'has not ended' }] },
    });
    expect(closeRefusal(db, ORG, '2999-12')).toMatchObject({
      type: 'validation_error',
      code: 'period_in_future',
      message: `December 2999 (2999-12) is in the future (this month is ${current}): only a month that has ended can be closed.`,
      detail: { field: 'period', period: '2999-12', current, issues: [{ field: 'period', message: 'is in the future' }] },
    });
  });

  it('reopen: an open month has nothing to reopen; the event keeps the reason at whole seconds; no reopen inside another write', async () => {
    const { core, workspace } = setup();
    const db = workspace.db;
    expect(await callError(core, 'close.reopen', { orgId: ORG, period: OPEN_MONTH, reason: 'why not' })).toMatchObject({
      type: 'conflict',
      code: 'period_not_finalized',
      message: 'October 2026 (2026-10) is not closed, so there is nothing to reopen.',
      detail: { field: 'period', period: OPEN_MONTH },
    });
    const busy = { type: 'conflict', code: 'write_in_progress', message: 'Another write is in progress in this workspace; try again when it ends.' };
    expect(thrownBy(() => db.transaction(() => reopenMonth(db, { orgId: ORG, period: CLOSED_MONTH, reason: 'x' }, 'me'))())).toMatchObject(busy);
    expect(thrownBy(() => db.transaction(() => startClose(db, ORG, OPEN_MONTH, { principal: LOCAL, progress: () => {}, signal: new AbortController().signal }))())).toMatchObject(busy);
    const result = reopenMonth(db, { orgId: ORG, period: CLOSED_MONTH, reason: 'a late refund' }, 'me');
    expect(result).toMatchObject({ orgId: ORG, period: CLOSED_MONTH, status: 'in_progress' });
    const event: CloseEvent = result.event;
    expect(event).toMatchObject({ action: 'reopened', reason: 'a late refund', actor: 'me', period: CLOSED_MONTH });
    expect(event.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(event.at) - Date.now())).toBeLessThan(60_000);
  });

  it('a close cancelled before its first check: Cancelled, who cancelled it said, the month open; progress names close.start', () => {
    const { workspace } = setup();
    const db = workspace.db;
    const controller = new AbortController();
    controller.abort();
    const progress: unknown[] = [];
    const task = startClose(db, ORG, OPEN_MONTH, { principal: LOCAL, progress: (p) => progress.push(p), signal: controller.signal });
    expect(task.status).toBe('Cancelled');
    expect(task.processing_notes.warnings).toEqual([{ check: 'task', code: 'cancelled', message: 'Cancelled by test during the checks; the month stays open.' }]);
    expect(db.prepare('SELECT status FROM periods WHERE org_id = ? AND period = ?').pluck().get(ORG, OPEN_MONTH)).toBe('in_progress');
    expect(progress).toEqual([]);
    const failedTask = startClose(db, ORG, OPEN_MONTH, { principal: LOCAL, progress: (p) => progress.push(p), signal: new AbortController().signal });
    expect(failedTask).toMatchObject({ status: 'Failed', template: 'monthly-close' });
    expect(progress.at(-1)).toEqual({ task: 'close.start', done: 5, total: 5, message: '1 check error(s): the month stays open' });
    expect(progress[0]).toEqual({ task: 'close.start', done: 0, total: 5, message: 'Imports have no unresolved error rows' });
  });

  it('a check that fails unexpectedly leaves the task Failed with the cause, the month open, and the error thrown', () => {
    const { workspace } = setup();
    const db = workspace.db;
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TABLE payout_runs');
    let thrown: unknown;
    try {
      startClose(db, ORG, OPEN_MONTH, { principal: LOCAL, progress: () => {}, signal: new AbortController().signal });
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/no such table: payout_runs/);
    const task = db.prepare("SELECT status, processing_notes FROM tasks WHERE template = 'monthly-close'").get() as { status: string; processing_notes: string };
    expect(task.status).toBe('Failed');
    const errors = (JSON.parse(task.processing_notes) as Task['processing_notes']).errors;
    expect(errors.at(-1)).toEqual({ check: 'task', code: 'internal', message: 'The close stopped on an unexpected error: no such table: payout_runs' });
    expect(db.prepare('SELECT status FROM periods WHERE org_id = ? AND period = ?').pluck().get(ORG, OPEN_MONTH)).toBe('in_progress');
  });
});

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

/** The seed's October revenues again (after a test removed them), or only those named. */
function seedAgain(db: Database.Database, only?: string[]): void {
  const rows = [
    { id: 'ch_1', at: '2026-10-03T09:00:00Z', micros: 120_000_000, currency: 'USD' },
    { id: 'ch_2', at: '2026-10-04T09:00:00Z', micros: 80_500_000, currency: 'EUR' },
  ].filter((r) => !only || only.includes(r.id));
  const payee = db.prepare("SELECT id FROM payees WHERE org_id = ? AND name = 'Ann'").pluck().get(ORG) as number;
  const insert = db.prepare(`INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, payee_id, product_id, amount_micros, currency, quantity, description, refund_of, created_at, updated_at)
    VALUES (?, ?, 'sale', ?, '2026-10', ?, NULL, ?, ?, 1, NULL, NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`);
  for (const r of rows) insert.run(ORG, r.id, r.at, payee, r.micros, r.currency);
}
