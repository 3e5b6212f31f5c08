import { describe, expect, it } from 'vitest';
import type { ImportCheck, ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import type { ProgressEvent } from '../../src/shared/progress';
import { call, CLOSED, digest, fails, ok, ORG, RECORD_TABLES, REVENUE_HEADER, revenuesOf, setup, writeCsv } from './import-files-support';
import { lockedMonthMessage } from '../../src/main/imports/records/period-locks';

const run = (path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity: 'revenues', path, ...extra });

describe('a file that reads two ways is asked about, never guessed', () => {
  it('inspect shows both readings of 1.000 and 03/04/2026; check and commit refuse, naming the column and readings', async () => {
    const { core, dir, workspace } = setup();
    const path = writeCsv(dir, 'open.csv', [REVENUE_HEADER, 'r1,sale,03/04/2026,1.000,USD,a', 'r2,sale,05/06/2026,2.500,USD,b']);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(path));
    expect(inspection.mappingSource).toBe('guess');
    expect(inspection.questions).toEqual([
      {
        kind: 'number_convention',
        column: 'amount',
        message: expect.stringContaining('"1.000" reads as 1 with a decimal point or 1000 with a decimal comma'),
        choices: [
          { value: 'dot', label: 'Decimal point (1,234.56)', examples: ['1.000 → 1', '2.500 → 2.5'] },
          { value: 'comma', label: 'Decimal comma (1.234,56)', examples: ['1.000 → 1000', '2.500 → 2500'] },
        ],
      },
      {
        kind: 'date_format',
        column: 'occurred_at',
        message: expect.stringContaining('"03/04/2026" could be 2026-03-04 (MM/DD/YYYY) or 2026-04-03 (DD/MM/YYYY)'),
        choices: [
          { value: 'MM/DD/YYYY', label: 'MM/DD/YYYY', examples: ['03/04/2026 → 2026-03-04', '05/06/2026 → 2026-05-06'] },
          { value: 'DD/MM/YYYY', label: 'DD/MM/YYYY', examples: ['03/04/2026 → 2026-04-03', '05/06/2026 → 2026-06-05'] },
        ],
      },
    ]);
    expect(inspection.preview[0]).toMatchObject({ record: null, problem: { rowNumber: 2, column: 'occurred_at' } });
    const before = digest(workspace.db);
    for (const method of ['imports.check', 'imports.commit']) {
      const error = await fails(core, method, run(path));
      expect(error).toMatchObject({ type: 'validation_error', code: 'ambiguous_format' });
      expect(error.message).toContain('amount');
      expect(error.message).toContain('"1.000" reads as 1 with a decimal point or 1000 with a decimal comma');
    }
    expect(digest(workspace.db)).toBe(before);
    // Decided in the mapping: the same file imports.
    const mapping = { ...inspection.mapping, numberConvention: 'comma', dateFormat: 'DD/MM/YYYY' };
    const result = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { mapping }));
    expect(result).toMatchObject({ status: 'committed', amountWritten: [{ currency: 'USD', amount: '3500.00' }] });
    expect(revenuesOf(workspace.db).map((r) => [r.occurred_at, r.amount_micros])).toEqual([
      ['2026-04-03T00:00:00Z', 1_000_000_000],
      ['2026-06-05T00:00:00Z', 2_500_000_000],
    ]);
  });

  it('a value that settles the format decides it for the whole file, wherever it is in the first rows', async () => {
    const { core, dir } = setup();
    const path = writeCsv(dir, 'settled.csv', [REVENUE_HEADER, 'r1,sale,03/04/2026,1.000,USD,a', 'r2,sale,13/04/2026,"1.234,50",USD,b']);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(path));
    expect(inspection.questions).toEqual([]);
    expect(inspection.mapping).toMatchObject({ numberConvention: 'comma', dateFormat: 'DD/MM/YYYY' });
    expect(inspection.preview.map((p) => [p.record?.occurred_at, p.record?.amount])).toEqual([
      ['2026-04-03', '1000.00'],
      ['2026-04-13', '1234.50'],
    ]);
  });

  it('an ambiguous value after the first rows stops the import instead of being read either way', async () => {
    const { core, dir, workspace } = setup();
    const rows = Array.from({ length: 60_000 }, (_, i) => `r${i},sale,2026-10-05,${i + 1},USD,x`);
    rows.push('late,sale,2026-10-05,1.000,USD,x');
    const before = digest(workspace.db);
    const error = await fails(core, 'imports.commit', run(writeCsv(dir, 'late.csv', [REVENUE_HEADER, ...rows]), { onError: 'skip' }));
    expect(error).toMatchObject({ code: 'ambiguous_format' });
    expect(error.message).toMatch(/^Row 60002, column "amount": "1.000" reads as 1 with a decimal point \(1,234.56\) or 1000 with a decimal comma \(1.234,56\), and nothing before it settles which/);
    expect(digest(workspace.db)).toBe(before);
  });
});

describe('check, then commit', () => {
  it('check validates every row against the workspace and writes nothing; commit then does what check said', async () => {
    const { core, dir, workspace } = setup();
    workspace.db
      .prepare("INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at) VALUES (?, 'r2', 'sale', '2026-10-01', '2026-10', 5000000, 'USD', 'x', 'x')")
      .run(ORG);
    const path = writeCsv(dir, 'october.csv', [
      REVENUE_HEADER,
      'r1,sale,2026-10-05,10.00,USD,new',
      'r2,sale,2026-10-01,5.00,USD,same',
      'r3,sale,2026-09-30,7.00,USD,locked',
      'r4,sale,2026-10-06,-1.00,USD,negative sale',
      'r5,sale,2026-10-07,12.5x,USD,bad cell',
    ]);
    const before = digest(workspace.db);
    const check = await ok<ImportCheck>(core, 'imports.check', run(path, { operation: 'create_only' }));
    expect(check).toEqual({
      totalRows: 5,
      counts: { created: 1, updated: 0, unchanged: 0, skipped_duplicate: 1, blocked_locked_period: 1, error: 2 },
      sameRecordRows: { identical: 0, different: 0 },
      problems: [
        { rowNumber: 4, column: 'occurred_at', message: lockedMonthMessage(CLOSED), outcome: 'blocked_locked_period' },
        { rowNumber: 5, column: 'amount', message: expect.stringContaining('a sale cannot be negative') },
        { rowNumber: 6, column: 'amount', message: expect.stringContaining('"12.5x"') },
      ],
      rowsToWrite: 1,
      amountToWrite: [{ currency: 'USD', amount: '10.00' }],
      sameFileBatchId: null,
    });
    expect(digest(workspace.db)).toBe(before);
    const rejected = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { operation: 'create_only' }));
    expect(rejected).toMatchObject({ status: 'rejected', counts: check.counts, rowsWritten: 0, amountWritten: [], problems: check.problems });
    expect(revenuesOf(workspace.db)).toHaveLength(1);
    const skipped = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { operation: 'create_only', onError: 'skip' }));
    expect(skipped).toMatchObject({ status: 'committed', counts: check.counts, rowsWritten: 1, amountWritten: [{ currency: 'USD', amount: '10.00' }] });
    expect(revenuesOf(workspace.db).map((r) => r.external_id)).toEqual(['r2', 'r1']);
  });

  it('importing the same file twice creates nothing the second time and says so', async () => {
    const { core, dir, workspace } = setup();
    const path = writeCsv(dir, 'twice.csv', [REVENUE_HEADER, 'a1,sale,2026-10-05,10.00,USD,x', 'a2,refund,2026-10-06,-2.00,USD,y', ',sale,2026-10-07,3.00,USD,no id']);
    const first = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { operation: 'create_only' }));
    expect(first).toMatchObject({ status: 'committed', counts: { created: 3 }, sameFileBatchId: null });
    const before = digest(workspace.db, RECORD_TABLES);
    const check = await ok<ImportCheck>(core, 'imports.check', run(path, { operation: 'create_only' }));
    expect(check).toMatchObject({ sameFileBatchId: first.batchId, counts: { created: 0, skipped_duplicate: 3 }, rowsToWrite: 0 });
    const second = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { operation: 'create_only' }));
    expect(second).toMatchObject({ status: 'committed', sameFileBatchId: first.batchId, counts: { created: 0, skipped_duplicate: 3 }, rowsWritten: 0, amountWritten: [] });
    expect(digest(workspace.db, RECORD_TABLES)).toBe(before);
  });

  it('create_or_update and update_only change existing rows by external_id; unchanged rows are counted as such', async () => {
    const { core, dir, workspace } = setup();
    await ok(core, 'imports.commit', run(writeCsv(dir, 'v1.csv', [REVENUE_HEADER, 'u1,sale,2026-10-05,10.00,USD,first', 'u2,sale,2026-10-05,20.00,USD,second'])));
    const v2 = writeCsv(dir, 'v2.csv', [REVENUE_HEADER, 'u1,sale,2026-10-05,10.00,USD,first', 'u2,sale,2026-10-05,25.00,USD,second', 'u3,sale,2026-10-05,1.00,USD,third']);
    const onlyUpdates = await ok<ImportCommitResult>(core, 'imports.commit', run(v2, { operation: 'update_only', onError: 'skip' }));
    expect(onlyUpdates.counts).toMatchObject({ unchanged: 1, updated: 1, error: 1 });
    expect(onlyUpdates.problems).toEqual([{ rowNumber: 4, column: 'external_id', message: expect.stringContaining('no revenue with external_id "u3"') }]);
    const upsert = await ok<ImportCommitResult>(core, 'imports.commit', run(v2, { operation: 'create_or_update' }));
    expect(upsert.counts).toMatchObject({ unchanged: 2, created: 1 });
    expect(revenuesOf(workspace.db).map((r) => [r.external_id, r.amount_micros])).toEqual([
      ['u1', 10_000_000],
      ['u2', 25_000_000],
      ['u3', 1_000_000],
    ]);
  });

  it('reports progress in rows with rows/s, and a cancel rolls everything back', async () => {
    const { core, dir, workspace } = setup();
    const rows = Array.from({ length: 60_000 }, (_, i) => `p${i},sale,2026-10-05T10:00:00Z,${i}.25,USD,row ${i}`);
    const path = writeCsv(dir, 'big.csv', [REVENUE_HEADER, ...rows]);
    const events: ProgressEvent[] = [];
    const done = await ok<ImportCommitResult>(core, 'imports.check', run(path), (e) => events.push(e));
    expect(done).toMatchObject({ totalRows: 60_000 });
    expect(events.at(-1)).toMatchObject({ task: 'imports.check', done: 60_000, total: 60_000, message: expect.stringMatching(/^60,000 rows \(.* MB of .* MB\), [\d,]+ rows\/s$/) });
    // Totals before the end are projected from the bytes read, and say so; the last is exact.
    expect(events.at(-1)!.totalIsEstimate).toBe(false);
    expect(events.slice(0, -1).filter((e) => e.total !== null && e.total !== e.done).every((e) => e.totalIsEstimate === true)).toBe(true);
    const before = digest(workspace.db);
    const call_ = core.call('imports.commit', run(path), { name: 't', permissions: 'all' }, (event) => {
      if (event.done > 0) call_.cancel();
    });
    const result = await call_.result;
    expect(result).toMatchObject({ ok: false, error: { type: 'conflict', code: 'cancelled', message: expect.stringContaining('nothing was written') } });
    expect(digest(workspace.db)).toBe(before);
    expect(workspace.db.inTransaction).toBe(false);
    // The workspace takes the next import as usual.
    expect(await call(core, 'imports.commit', run(path))).toMatchObject({ ok: true, value: { counts: { created: 60_000 } } });
  });
});
