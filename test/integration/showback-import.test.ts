import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import type { OutcomeRow } from '../../src/shared/contract/imports';
import type { Page } from '../../src/shared/contract/grid';
import type { CommitmentRow, ShowbackBatchResponse, ShowbackUsageRow } from '../../src/shared/contract/showback';
import { digest, fails, FIXTURES, ok, ORG, problemsByRow, rejectThenSkip, setup, writeCsv } from './import-files-support';

// Showback data from files: the import entities commitments and showback_usage (issue 12,
// item 2), through imports.inspect / check / commit / undo, with the rules of
// commitments.batch and showback.usageBatch (the same readers refuse the same things).

const COMMITMENTS = join(FIXTURES, 'showback-commitments.csv');
const COMMITMENTS_BAD = join(FIXTURES, 'showback-commitments-bad-rows.csv');
const USAGE = join(FIXTURES, 'showback-usage.csv');
const USAGE_BAD = join(FIXTURES, 'showback-usage-bad-rows.csv');
const COMMITMENT_HEADER = 'Commitment ID,Name,Currency,Purchase Date,Term Start,Term End,Monthly Premium,Commitment Cost,Rebates,Allocation,Fixed Shares';
const USAGE_HEADER = 'Month,Account,Service,Child Org,Currency,On-Demand Cost,Covered Cost';
// What a refused import must leave as it was (a rejected batch is itself kept, to be shown).
const TABLES = ['showback_commitments', 'showback_usage', 'periods'];

function showbackSetup() {
  const ctx = setup();
  const org = ctx.workspace.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, ?, 'x')");
  org.run('org-a-child', 'Org A child', ORG);
  org.run('org-b', 'Org B', null);
  return ctx;
}

type Core = ReturnType<typeof setup>['core'];
const input = (entity: string, path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity, path, ...extra });
const commitmentsOf = async (core: Core) => (await ok<{ commitments: CommitmentRow[] }>(core, 'commitments.list', { orgId: ORG })).commitments;
const usageOf = async (core: Core) => (await ok<{ usage: ShowbackUsageRow[] }>(core, 'showback.usageList', { orgId: ORG })).usage;
const outcomesOf = async (core: Core, batchId: number | null) => (await ok<Page<OutcomeRow>>(core, 'imports.outcomes', { batchId, startRow: 0, endRow: 100 })).rows;
type Ctx = ReturnType<typeof showbackSetup>;
/** Writes the lines as a file and commits it. */
const commitLines = (ctx: Ctx, entity: string, name: string, lines: string[]) => ok<ImportCommitResult>(ctx.core, 'imports.commit', input(entity, writeCsv(ctx.dir, name, lines)));
const finalize = (ctx: Ctx, period: string) =>
  ctx.workspace.db.prepare("INSERT INTO periods VALUES (?, ?, 'finalized', 'x') ON CONFLICT DO UPDATE SET status = 'finalized', finalized_at = 'x'").run(ORG, period);

/** The file committed with onError reject (nothing stored), then with skip. */
const rejectThenSkipFile = (ctx: Ctx, entity: string, path: string) => rejectThenSkip(ctx.core, ctx.workspace.db, TABLES, (onError) => input(entity, path, { onError }));

/** Undo of the batch is refused, leaving everything as it was; returns the refusal. */
async function undoRefused(ctx: Ctx, batchId: number | null) {
  const before = digest(ctx.workspace.db, TABLES);
  const error = await fails(ctx.core, 'imports.undo', { batchId });
  expect(digest(ctx.workspace.db, TABLES)).toBe(before);
  return error;
}

describe('the commitments import entity', () => {
  it('imports a commitments file through its built-in profile; again it is unchanged, with create_only skipped_duplicate', async () => {
    const { core } = showbackSetup();
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', input('commitments', COMMITMENTS));
    expect(inspection).toMatchObject({ profile: 'Commitments list', questions: [] });
    const check = await ok<{ counts: Record<string, number> }>(core, 'imports.check', input('commitments', COMMITMENTS));
    expect(check.counts).toMatchObject({ created: 3, error: 0 });
    const result = await ok<ImportCommitResult>(core, 'imports.commit', input('commitments', COMMITMENTS));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 3, error: 0 }, rowsWritten: 3, problems: [] });
    expect(await commitmentsOf(core)).toEqual([
      expect.objectContaining({
        external_id: 'cm-compute',
        currency: 'USD',
        purchase_date: '2026-09-20',
        term_start: '2026-10-01',
        term_end: '2027-09-30',
        monthly_premium: '1200.00',
        commitment_cost: '150.00',
        rebates: '25.50',
        allocation_method: 'proportional',
        fixed_shares: null,
      }),
      // Empty cells: the defaults of commitments.batch (0, the org's currency).
      expect.objectContaining({ external_id: 'cm-storage', commitment_cost: '0.00', rebates: '0.00', allocation_method: 'even' }),
      expect.objectContaining({
        external_id: 'cm-db',
        currency: 'USD',
        monthly_premium: '450.125',
        allocation_method: 'fixed',
        fixed_shares: { dimension: 'service', shares: [{ target: 'database', percent: '70.00' }, { target: 'analytics', percent: '30.00' }] },
      }),
    ]);
    const again = await ok<ImportCommitResult>(core, 'imports.commit', input('commitments', COMMITMENTS));
    expect(again).toMatchObject({ counts: { unchanged: 3, created: 0, updated: 0 }, rowsWritten: 0, sameFileBatchId: result.batchId });
    const createOnly = await ok<ImportCommitResult>(core, 'imports.commit', input('commitments', COMMITMENTS, { operation: 'create_only' }));
    expect(createOnly.counts).toMatchObject({ skipped_duplicate: 3, created: 0 });
    expect((await outcomesOf(core, createOnly.batchId)).map((r) => [r.outcome, r.externalId])).toEqual([
      ['skipped_duplicate', 'cm-compute'],
      ['skipped_duplicate', 'cm-storage'],
      ['skipped_duplicate', 'cm-db'],
    ]);
  });

  it('refuses each bad row naming its row and column, as commitments.batch refuses the same record; with reject nothing is stored', async () => {
    const ctx = showbackSetup();
    const { core } = ctx;
    const { rejected, skipped } = await rejectThenSkipFile(ctx, 'commitments', COMMITMENTS_BAD);
    expect(rejected).toMatchObject({ status: 'rejected', rowsWritten: 0, counts: { created: 1, error: 10, blocked_locked_period: 1 } });
    expect(skipped).toMatchObject({ status: 'committed', rowsWritten: 1, counts: { created: 1, error: 10, blocked_locked_period: 1 } });
    expect(problemsByRow(skipped)).toEqual({
      3: ['Term End', 'Term End: 2026-10-31 is before term_start 2026-11-01: a term ends on or after its start', 'error'],
      4: ['Monthly Premium', 'Monthly Premium: must not be negative (-5.00)', 'error'],
      5: ['Fixed Shares', 'Fixed Shares: shares: the percentages add up to 90.00, not exactly 100', 'error'],
      6: ['Allocation', 'Allocation: must be one of proportional, even, fixed', 'error'],
      7: ['Fixed Shares', "Fixed Shares: applies to allocation_method fixed only (this commitment's is even)", 'error'],
      8: ['Fixed Shares', 'Fixed Shares: shares.0.target: "org-b" is not this org or an org below it', 'error'],
      9: ['Purchase Date', 'Purchase Date: 2026-11-02 is after term_start 2026-11-01: a commitment is bought before its term starts', 'error'],
      10: ['Term Start', 'September 2026 (2026-09) is locked, so this row is not written: a locked month cannot change', 'blocked_locked_period'],
      11: ['Term End', expect.stringMatching(/^Term End: .*2026-02-30/), 'error'],
      12: ['Commitment ID', 'Commitment ID: is required', 'error'],
      13: ['Currency', 'Currency: must be at most 3 characters', 'error'],
    });
    expect((await commitmentsOf(core)).map((c) => c.external_id)).toEqual(['cm-good']);

    // The batch method refuses the same records with the same words (its field names for the file's columns).
    const api = await ok<ShowbackBatchResponse>(core, 'commitments.batch', {
      orgId: ORG,
      records: [
        { external_id: 'cm-backwards', name: 'B', purchase_date: '2026-09-01', term_start: '2026-11-01', term_end: '2026-10-31', monthly_premium: '100.00' },
        { external_id: 'cm-locked', name: 'L', purchase_date: '2026-08-01', term_start: '2026-09-01', term_end: '2026-12-31', monthly_premium: '100.00' },
      ],
    });
    expect(api.data.map((r) => [r.status, r.error?.message])).toEqual([
      ['error', '2026-10-31 is before term_start 2026-11-01: a term ends on or after its start'],
      ['blocked_locked_period', 'September 2026 (2026-09) is locked, so this row is not written: a locked month cannot change'],
    ]);
  });

  it('an update whose stored or new term reaches a finalized month is blocked; other rows update and list their changes', async () => {
    const { core, dir } = showbackSetup();
    await ok(core, 'imports.commit', input('commitments', COMMITMENTS));
    const file = writeCsv(dir, 'c2.csv', [
      COMMITMENT_HEADER,
      'cm-compute,Compute savings plan,USD,2026-09-20,2026-10-01,2027-09-30,1300.00,150.00,25.50,proportional,',
      // Moving the term back into September 2026 (finalized).
      'cm-storage,Storage reservation,USD,2026-09-01,2026-09-01,2026-12-31,300.00,,,even,',
    ]);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', input('commitments', file, { onError: 'skip' }));
    expect(result).toMatchObject({ status: 'committed', counts: { updated: 1, blocked_locked_period: 1 } });
    const outcomes = await outcomesOf(core, result.batchId);
    expect(outcomes.map((r) => [r.rowNumber, r.outcome, r.externalId, r.changes ?? null])).toEqual([
      [2, 'updated', 'cm-compute', 'monthly_premium'],
      [3, 'blocked_locked_period', 'cm-storage', null],
    ]);
    expect((await commitmentsOf(core)).map((c) => [c.external_id, c.monthly_premium, c.term_start])).toEqual([
      ['cm-compute', '1300.00', '2026-10-01'],
      ['cm-storage', '300.00', '2026-10-01'],
      ['cm-db', '450.125', '2026-11-01'],
    ]);
  });

  it('undo restores what a batch updated and removes what it created, in order; refused once a row was written again or a month is locked', async () => {
    const ctx = showbackSetup();
    const { core } = ctx;
    const first = await ok<ImportCommitResult>(core, 'imports.commit', input('commitments', COMMITMENTS));
    const second = await commitLines(ctx, 'commitments', 'c2.csv', [
      COMMITMENT_HEADER,
      'cm-compute,Compute plan v2,USD,2026-09-20,2026-10-01,2027-12-31,1300.00,150.00,25.50,even,',
      'cm-new,New plan,USD,2026-10-01,2026-10-01,2026-10-31,5.00,,,,',
    ]);
    expect(second.counts).toMatchObject({ updated: 1, created: 1 });
    expect(await fails(core, 'imports.undo', { batchId: first.batchId })).toMatchObject({ code: 'later_batch' });
    expect(await ok(core, 'imports.undo', { batchId: second.batchId })).toMatchObject({ removed: 1, restored: 1 });
    expect((await commitmentsOf(core)).find((c) => c.external_id === 'cm-compute')).toMatchObject({
      name: 'Compute savings plan',
      term_end: '2027-09-30',
      monthly_premium: '1200.00',
      allocation_method: 'proportional',
    });
    expect((await commitmentsOf(core)).map((c) => c.external_id)).toEqual(['cm-compute', 'cm-storage', 'cm-db']);

    // Written again by commitments.batch since: refused, nothing changed.
    await ok(core, 'commitments.batch', {
      orgId: ORG,
      records: [{ external_id: 'cm-storage', name: 'Storage reservation', purchase_date: '2026-10-01', term_start: '2026-10-01', term_end: '2026-12-31', monthly_premium: '310.00', allocation_method: 'even' }],
    });
    expect(await undoRefused(ctx, first.batchId)).toMatchObject({ code: 'changed_since', message: expect.stringContaining('cm-storage') });

    // A month of a term the batch wrote is finalized: refused, nothing changed.
    const third = await commitLines(ctx, 'commitments', 'c3.csv', [COMMITMENT_HEADER, 'cm-late,Late plan,USD,2026-10-01,2026-11-01,2027-01-31,9.00,,,,']);
    finalize(ctx, '2026-12');
    expect(await undoRefused(ctx, third.batchId)).toMatchObject({ code: 'period_locked', detail: { period: '2026-12' } });
  });
});

describe('the showback_usage import entity', () => {
  it('imports a usage file through its built-in profile (an empty child org is the org itself); again it is unchanged', async () => {
    const { core, workspace } = showbackSetup();
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', input('showback_usage', USAGE));
    expect(inspection).toMatchObject({ profile: 'Showback usage report', questions: [] });
    const result = await ok<ImportCommitResult>(core, 'imports.commit', input('showback_usage', USAGE));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 4, error: 0 }, rowsWritten: 4 });
    expect((await usageOf(core)).map((u) => [u.month, u.account, u.service, u.child_org_id, u.on_demand_cost, u.covered_cost])).toEqual([
      ['2026-10', 'acct-data', 'database', 'org-a-child', '0.00', '610.00'],
      ['2026-10', 'acct-retail', 'compute', 'org-a', '120.00', '980.50'],
      ['2026-10', 'acct-retail', 'storage', 'org-a', '15.25', '300.00'],
      ['2026-11', 'acct-retail', 'compute', 'org-a', '90.10', '1010.00'],
    ]);
    // The months written are the org's periods and the batch's months, as with every import.
    expect(workspace.db.prepare('SELECT period FROM import_batch_periods WHERE batch_id = ? ORDER BY period').pluck().all(result.batchId)).toEqual(['2026-10', '2026-11']);
    const again = await ok<ImportCommitResult>(core, 'imports.commit', input('showback_usage', USAGE));
    expect(again.counts).toMatchObject({ unchanged: 4, created: 0 });
    expect((await outcomesOf(core, again.batchId)).map((r) => r.externalId)).toEqual([
      '2026-10 acct-retail compute org-a USD',
      '2026-10 acct-retail storage org-a USD',
      '2026-10 acct-data database org-a-child USD',
      '2026-11 acct-retail compute org-a USD',
    ]);
  });

  it('refuses each bad row naming its row and column; a finalized month is blocked; with reject nothing is stored', async () => {
    const ctx = showbackSetup();
    const { core } = ctx;
    const { rejected, skipped } = await rejectThenSkipFile(ctx, 'showback_usage', USAGE_BAD);
    expect(rejected).toMatchObject({ status: 'rejected', rowsWritten: 0, counts: { created: 1, error: 7, blocked_locked_period: 1 } });
    expect(problemsByRow(skipped)).toEqual({
      3: ['Month', 'Month: "2026-13" is not a calendar month YYYY-MM', 'error'],
      4: ['On-Demand Cost', 'On-Demand Cost: must not be negative (-1.00)', 'error'],
      5: ['On-Demand Cost', 'On-Demand Cost: "ten" is not a number.', 'error'],
      6: ['Child Org', 'Child Org: "org-b" is not this org or an org below it', 'error'],
      7: ['Account', 'Account: is required', 'error'],
      8: ['Currency', 'Currency: "ZZZ" is not an ISO 4217 currency code (such as USD or EUR, in capitals)', 'error'],
      9: ['Month', 'September 2026 (2026-09) is locked, so this row is not written: a locked month cannot change', 'blocked_locked_period'],
      10: ['Covered Cost', 'Covered Cost: is required', 'error'],
    });
    expect((await usageOf(core)).map((u) => [u.month, u.service])).toEqual([['2026-10', 'compute']]);
  });

  it('two rows for one usage key: the second is skipped when identical, refused when different', async () => {
    const { core, dir } = showbackSetup();
    const file = writeCsv(dir, 'twice.csv', [USAGE_HEADER, '2026-10,a,s,,USD,1.00,2.00', '2026-10,a,s,org-a,USD,1.00,2.00', '2026-10,a,s,,USD,1.50,2.00']);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', input('showback_usage', file, { onError: 'skip' }));
    expect(result.counts).toMatchObject({ created: 1, skipped_duplicate: 1, error: 1 });
    expect(result.problems).toEqual([
      expect.objectContaining({ rowNumber: 3, outcome: 'skipped_duplicate', sameAsRow: 2, message: 'same record as row 2, with the same values (skipped)' }),
      expect.objectContaining({
        rowNumber: 4,
        column: 'Month',
        sameAsRow: 2,
        message: 'same record as row 2, with a different On-Demand Cost; a file writes each record once, so keep one of the two',
      }),
    ]);
  });

  it('undo: restores updated costs and removes created rows; refused once the month is locked or the row was written by showback.usageBatch', async () => {
    const ctx = showbackSetup();
    const { core } = ctx;
    const first = await ok<ImportCommitResult>(core, 'imports.commit', input('showback_usage', USAGE));
    const second = await commitLines(ctx, 'showback_usage', 'u2.csv', [USAGE_HEADER, '2026-10,acct-retail,compute,org-a,USD,125.00,980.50', '2026-12,acct-retail,compute,,USD,1.00,1.00']);
    expect(second.counts).toMatchObject({ updated: 1, created: 1 });
    expect(await ok(core, 'imports.undo', { batchId: second.batchId })).toMatchObject({ removed: 1, restored: 1 });
    expect((await usageOf(core)).find((u) => u.service === 'compute' && u.month === '2026-10')).toMatchObject({ on_demand_cost: '120.00' });
    expect((await usageOf(core)).length).toBe(4);

    await ok(core, 'showback.usageBatch', { orgId: ORG, records: [{ month: '2026-11', account: 'acct-retail', service: 'compute', on_demand_cost: '91.00', covered_cost: '1010.00' }] });
    expect(await undoRefused(ctx, first.batchId)).toMatchObject({ code: 'changed_since' });

    const third = await commitLines(ctx, 'showback_usage', 'u3.csv', [USAGE_HEADER, '2026-12,acct-x,compute,,USD,1.00,1.00']);
    finalize(ctx, '2026-12');
    expect(await undoRefused(ctx, third.batchId)).toMatchObject({ code: 'period_locked', detail: { period: '2026-12' } });
  });
});
