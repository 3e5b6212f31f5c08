import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import type { OutcomeRow } from '../../src/shared/contract/imports';
import type { Page } from '../../src/shared/contract/grid';
import type { BillingSettings, StatementDetail, StatementPage, UsageRow } from '../../src/shared/contract/statements';
import { microsToDecimal } from '../../src/shared/money';
import { digest, fails, FIXTURES, ok, ORG, problemsByRow, rejectThenSkip, setup, writeCsv } from './import-files-support';

// The usage import entity: usage per billing cycle from a file (seed 004's usage), with the
// statements rules: past generated cycles never change, the current cycle's statement follows.

const GOOD = join(FIXTURES, 'usage-per-cycle.csv');
const BAD = join(FIXTURES, 'usage-bad-rows.csv');
const HEADER = readFileSync(GOOD, 'utf8').split('\n')[0];
const USAGE_TABLES = ['cycle_usage', 'statements', 'credit_applications'];

async function usageWorkspace() {
  const ctx = setup();
  await ok(ctx.core, 'plans.batch', {
    orgId: ORG,
    records: [{ name: 'Team', effective_from: '2026-01-01', subscription_price: '12', ppu_price: '0.01', backup_price: '2.50', file_storage_price: '30' }],
  });
  return ctx;
}

const commit = (path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity: 'usage', path, ...extra });
const usageOf = async (core: Parameters<typeof ok>[0]) => (await ok<{ usage: UsageRow[] }>(core, 'usage.list', { orgId: ORG })).usage;
const detail = async (core: Parameters<typeof ok>[0]) =>
  (await ok<StatementPage<StatementDetail>>(core, 'statements.list', { orgId: ORG, serializer: 'detail', page_size: 100 })).results;

describe('usage per billing cycle: the usage import entity', () => {
  it('imports a usage file through its built-in profile; the same file again is unchanged, or skipped_duplicate with create_only', async () => {
    const { core } = await usageWorkspace();
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', commit(GOOD));
    expect(inspection).toMatchObject({ profile: 'Usage report per billing cycle', questions: [] });
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(GOOD));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 3, error: 0 }, rowsWritten: 3, amountWritten: [], problems: [] });
    expect((await usageOf(core)).map((u) => [u.cycle_start, u.cycle_end, u.seats, u.record_count, u.section_widget_uses, u.column_widget_uses, u.version_count, u.file_size_mb, u.backups])).toEqual([
      ['2026-06-01', '2026-06-30', 10, 1200, 40, 15, 3000, 450, 4],
      ['2026-07-01', '2026-07-31', 12, 1350, 42, 18, 3200, 520, 4],
      // Empty cells of a new cycle are 0.
      ['2026-08-01', '2026-08-31', 12, 900, 0, 0, 3300, 610, 5],
    ]);
    const again = await ok<ImportCommitResult>(core, 'imports.commit', commit(GOOD));
    expect(again).toMatchObject({ status: 'committed', counts: { unchanged: 3, created: 0, updated: 0 }, rowsWritten: 0, sameFileBatchId: result.batchId });
    const createOnly = await ok<ImportCommitResult>(core, 'imports.commit', commit(GOOD, { operation: 'create_only' }));
    expect(createOnly.counts).toMatchObject({ skipped_duplicate: 3, created: 0 });
    const outcomes = await ok<Page<OutcomeRow>>(core, 'imports.outcomes', { batchId: createOnly.batchId, startRow: 0, endRow: 100 });
    expect(outcomes.rows.map((r) => [r.outcome, r.externalId])).toEqual([
      ['skipped_duplicate', '2026-06-01'],
      ['skipped_duplicate', '2026-07-01'],
      ['skipped_duplicate', '2026-08-01'],
    ]);
  });

  it('an updated file changes only the cycles it changes (an empty cell keeps the count), and the statements are computed from the imported usage', async () => {
    const { core, dir } = await usageWorkspace();
    await ok(core, 'imports.commit', commit(GOOD));
    const changed = writeCsv(dir, 'usage-2.csv', [HEADER, 'org-a,2026-06-01,10,1200,40,15,3000,450,4', 'org-a,2026-07-01,15,,42,18,3200,520,4', 'org-a,2026-08-01,12,900,,,3300,610,5']);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(changed));
    expect(result.counts).toMatchObject({ updated: 1, unchanged: 2, created: 0, error: 0 });
    const outcomes = await ok<Page<OutcomeRow>>(core, 'imports.outcomes', { batchId: result.batchId, startRow: 0, endRow: 100 });
    expect(outcomes.rows.find((r) => r.outcome === 'updated')).toMatchObject({ externalId: '2026-07-01', changes: 'seats' });
    expect((await usageOf(core)).find((u) => u.cycle_start === '2026-07-01')).toMatchObject({ seats: 15, record_count: 1350 });
    const july = (await detail(core)).find((s) => s.date_start === '2026-07-01')!;
    // 15 seats x 12 = 180.00; 1,350 records x 0.01 = 13.50; 4 backups x 2.50 = 10.00; 520 MB x 30 / 100,000 MB = 0.156 -> 0.16.
    expect(july.amounts).toMatchObject({ subscription_cost: '180.00', ppu_cost: '13.50', backup_cost: '10.00', file_storage_cost: '0.16', total: '203.66' });
    expect(july).toMatchObject({ seats: 15, record_count: 1350, is_current: false });
  });

  it('the current cycle statement follows the import; past generated cycles stay as they were, and a row changing one is refused', async () => {
    const { core, dir, workspace } = await usageWorkspace();
    await ok(core, 'imports.commit', commit(GOOD));
    const before = await detail(core);
    const past = before.filter((s) => !s.is_current);
    expect(past.map((s) => s.date_start)).toEqual(expect.arrayContaining(['2026-06-01', '2026-07-01', '2026-08-01']));
    const pastRows = () => workspace.db.prepare('SELECT * FROM statements WHERE is_current = 0 ORDER BY date_start').all();
    const pastBefore = pastRows();
    const { current_cycle: current } = await ok<BillingSettings>(core, 'billing.get', { orgId: ORG });
    const file = writeCsv(dir, 'usage-now.csv', [HEADER, `org-a,${current.date_start},7,100,0,0,0,0,1`, 'org-a,2026-07-01,99,1350,42,18,3200,520,4', 'org-a,2026-06-01,10,1200,40,15,3000,450,4']);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(file, { onError: 'skip' }));
    expect(result.counts).toMatchObject({ created: 1, unchanged: 1, error: 1 });
    expect(result.problems).toEqual([
      {
        rowNumber: 3,
        column: 'Cycle Start',
        message: 'Cycle Start: the cycle 2026-07-01 - 2026-07-31 is past and its statement is generated; its usage can no longer change',
      },
    ]);
    const now = (await detail(core)).find((s) => s.is_current)!;
    expect(now).toMatchObject({ date_start: current.date_start, seats: 7, record_count: 100, is_current: true });
    // 7 x 12 + 100 x 0.01 + 1 x 2.50
    expect(now.amounts.total).toBe('87.50');
    expect(pastRows()).toEqual(pastBefore);
  });

  it('refuses bad rows, each naming its row and column; with reject nothing is stored', async () => {
    const { core, workspace } = await usageWorkspace();
    const { rejected, skipped } = await rejectThenSkip(core, workspace.db, USAGE_TABLES, (onError) => commit(BAD, { onError }));
    expect(rejected).toMatchObject({ status: 'rejected', rowsWritten: 0, counts: { created: 1, error: 8, blocked_locked_period: 1 } });
    expect(skipped).toMatchObject({ status: 'committed', rowsWritten: 1, counts: { created: 1, error: 8, blocked_locked_period: 1 } });
    expect(problemsByRow(skipped)).toEqual({
      2: ['Seats', 'Seats: -3 is negative; usage counts are never below zero', 'error'],
      3: ['Records', 'Records: "1.5" is not a whole number (digits only: no decimals, signs or thousands separators)', 'error'],
      4: ['Cycle Start', 'Cycle Start: no price plan covers the cycle 2025-06-01 - 2025-06-30: add a plan for those dates first', 'error'],
      5: ['Org ID', 'Org ID: there is no organization "org-zz"', 'error'],
      6: ['Cycle Start', 'Cycle Start: 2026-08-15 does not start a billing cycle: with anchor day 1 the cycle holding it runs 2026-08-01 - 2026-08-31', 'error'],
      7: ['Cycle Start', expect.stringMatching(/^Cycle Start: .*2026-13-01/), 'error'],
      9: ['Cycle Start', expect.stringMatching(/^Cycle Start: the cycle 2099-01-01 - 2099-01-31 has not begun \(the current cycle starts \d{4}-\d\d-\d\d\)$/), 'error'],
      10: ['Cycle Start', 'September 2026 (2026-09) is locked, so this row is not written: a locked month cannot change', 'blocked_locked_period'],
      11: ['Seats', 'Seats: "ten" is not a whole number (digits only: no decimals, signs or thousands separators)', 'error'],
    });
    expect((await usageOf(core)).map((u) => [u.cycle_start, u.seats])).toEqual([['2026-05-01', 8]]);
  });

  it('a row naming another existing org is refused; unknown orgs and entities are refused before any row', async () => {
    const { core, dir, workspace } = await usageWorkspace();
    workspace.db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run('org-b', 'Org B', 'x');
    const file = writeCsv(dir, 'other-org.csv', [HEADER, 'org-b,2026-06-01,1,1,1,1,1,1,1']);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(file, { onError: 'skip' }));
    expect(result.problems).toEqual([
      {
        rowNumber: 2,
        column: 'Org ID',
        message: 'Org ID: is "org-b", but this file is imported into "org-a": a usage file\'s rows are for the organization it is imported into',
      },
    ]);
    expect(await fails(core, 'imports.commit', { ...commit(GOOD), orgId: 'org-nope' })).toMatchObject({ code: 'org_not_found' });
    expect(await fails(core, 'imports.commit', { ...commit(GOOD), entity: 'usages' })).toMatchObject({ type: 'validation_error', message: expect.stringContaining('entity') });
  });

  it('two rows for one cycle: the second is skipped when identical, refused when different', async () => {
    const { core, dir } = await usageWorkspace();
    const file = writeCsv(dir, 'twice.csv', [HEADER, 'org-a,2026-06-01,10,1,1,1,1,1,1', 'org-a,2026-06-01,10,1,1,1,1,1,1', 'org-a,2026-06-01,11,1,1,1,1,1,1']);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', commit(file, { onError: 'skip' }));
    expect(result.counts).toMatchObject({ created: 1, skipped_duplicate: 1, error: 1 });
    expect(result.sameRecordRows).toMatchObject({ identical: 1, different: 1 });
    expect((await usageOf(core))[0]).toMatchObject({ cycle_start: '2026-06-01', seats: 10 });
  });

  it('undo restores updated cycles and removes created ones, and the current statement follows', async () => {
    const { core, dir, workspace } = await usageWorkspace();
    const { current_cycle: current } = await ok<BillingSettings>(core, 'billing.get', { orgId: ORG });
    const first = await ok<ImportCommitResult>(core, 'imports.commit', commit(writeCsv(dir, 'a.csv', [HEADER, `org-a,${current.date_start},5,0,0,0,0,0,0`])));
    // Read from the table: statements.list would fix the past cycles (and refuse the June row below).
    const totalOfCurrent = async () => {
      const micros = workspace.db.prepare('SELECT total_micros FROM statements WHERE org_id = ? AND is_current = 1').pluck().get(ORG) as number;
      return microsToDecimal(micros);
    };
    expect(await totalOfCurrent()).toBe('60.00');
    const second = await ok<ImportCommitResult>(core, 'imports.commit', commit(writeCsv(dir, 'b.csv', [HEADER, `org-a,${current.date_start},8,,,,,,`, 'org-a,2026-06-01,3,0,0,0,0,0,0'])));
    expect(second.counts).toMatchObject({ updated: 1, created: 1 });
    expect(await totalOfCurrent()).toBe('96.00');
    // Undoing the first before the second, which changed the same cycle, is refused.
    expect(await fails(core, 'imports.undo', { batchId: first.batchId })).toMatchObject({ code: 'later_batch' });
    const undone = await ok<{ removed: number; restored: number }>(core, 'imports.undo', { batchId: second.batchId });
    expect(undone).toMatchObject({ removed: 1, restored: 1 });
    expect((await usageOf(core)).map((u) => [u.cycle_start, u.seats])).toEqual([[current.date_start, 5]]);
    expect(await totalOfCurrent()).toBe('60.00');
    const outcomes = await ok<Page<OutcomeRow>>(core, 'imports.outcomes', { batchId: second.batchId, startRow: 0, endRow: 100 });
    expect(outcomes.rows.map((r) => [r.rowNumber, r.outcome, r.externalId])).toEqual([
      [2, 'updated', current.date_start],
      [3, 'created', '2026-06-01'],
    ]);
    await ok(core, 'imports.undo', { batchId: first.batchId });
    expect(await usageOf(core)).toEqual([]);
    expect(await totalOfCurrent()).toBe('0.00');
    expect(workspace.db.prepare("SELECT status FROM import_batches WHERE id IN (?, ?)").pluck().all(first.batchId, second.batchId)).toEqual(['undone', 'undone']);
  });

  it('undo is refused, changing nothing, once a cycle it wrote is fixed, written again by usage.batch, or in a locked month', async () => {
    const { core, dir, workspace } = await usageWorkspace();
    const { current_cycle: current } = await ok<BillingSettings>(core, 'billing.get', { orgId: ORG });
    const past = await ok<ImportCommitResult>(core, 'imports.commit', commit(writeCsv(dir, 'past.csv', [HEADER, 'org-a,2026-06-01,3,0,0,0,0,0,0'])));
    await detail(core); // generates and fixes the past cycles
    let before = digest(workspace.db, USAGE_TABLES);
    expect(await fails(core, 'imports.undo', { batchId: past.batchId })).toMatchObject({ code: 'statement_fixed', message: expect.stringContaining('2026-06-01 - 2026-06-30') });
    expect(digest(workspace.db, USAGE_TABLES)).toBe(before);

    const now = await ok<ImportCommitResult>(core, 'imports.commit', commit(writeCsv(dir, 'now.csv', [HEADER, `org-a,${current.date_start},3,0,0,0,0,0,0`])));
    await ok(core, 'usage.batch', { orgId: ORG, records: [{ cycle_start: current.date_start, seats: 4 }] });
    before = digest(workspace.db, USAGE_TABLES);
    expect(await fails(core, 'imports.undo', { batchId: now.batchId })).toMatchObject({ code: 'changed_since' });
    expect(digest(workspace.db, USAGE_TABLES)).toBe(before);

    const again = await ok<ImportCommitResult>(core, 'imports.commit', commit(writeCsv(dir, 'again.csv', [HEADER, `org-a,${current.date_start},6,0,0,0,0,0,0`])));
    const month = current.date_end.slice(0, 7);
    workspace.db.prepare("INSERT INTO periods VALUES (?, ?, 'finalized', 'x') ON CONFLICT DO UPDATE SET status = 'finalized', finalized_at = 'x'").run(ORG, month);
    before = digest(workspace.db, USAGE_TABLES);
    expect(await fails(core, 'imports.undo', { batchId: again.batchId })).toMatchObject({ code: 'period_locked', detail: { period: month } });
    expect(digest(workspace.db, USAGE_TABLES)).toBe(before);
  });
});
