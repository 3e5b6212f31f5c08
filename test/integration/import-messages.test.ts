import { describe, expect, it } from 'vitest';
import type { ImportCheck, ImportCommitResult } from '../../src/shared/contract/import-files';
import type { OutcomeRow } from '../../src/shared/contract/imports';
import { CLOSED, ok, ORG, setup, writeCsv } from './import-files-support';

// Issue 16, item 6: a row's message names the column as the file calls it and says what to
// do; a locked month is "locked", one word, with the month in words.

describe('row messages in the accountant’s words', () => {
  it('a refund whose sale (row 2) is in a locked month says so; a kind not known names the file’s column and the value map', async () => {
    const { core, dir } = setup();
    const path = writeCsv(dir, 'f.csv', [
      'Txn,Type,Date,Gross,Ccy,Ref',
      `s1,sale,${CLOSED}-20,10.00,USD,`,
      'r1,refund,2026-10-02,-10.00,USD,s1',
      'v1,Verkauf,2026-10-03,5.00,USD,',
      'r2,refund,2026-10-04,-1.00,USD,nowhere',
    ]);
    const mapping = {
      numberConvention: 'dot',
      columns: { external_id: 'Txn', kind: 'Type', occurred_at: 'Date', amount: 'Gross', currency: 'Ccy', refund_of: 'Ref' },
    };
    const check = await ok<ImportCheck>(core, 'imports.check', { orgId: ORG, entity: 'revenues', path, mapping, onError: 'skip' });
    expect(check.problems).toEqual([
      { rowNumber: 2, column: 'Date', message: 'September 2026 (2026-09) is locked, so this row is not written: a locked month cannot change', outcome: 'blocked_locked_period' },
      { rowNumber: 3, column: 'Ref', message: 'Ref: the sale "s1" (row 2) is in a locked month and was not written, so this refund cannot be linked to it' },
      {
        rowNumber: 4,
        column: 'Type',
        message: 'Type: "Verkauf" is not one of sale, refund, adjustment. In a file, map the file\'s word to one of them in the kind value map (Columns step), or correct the row',
      },
      {
        rowNumber: 5,
        column: 'Ref',
        message: 'Ref: no sale with external ID "nowhere" in this organization, stored or earlier in this import. Import the sale first, or leave the refund\'s link empty to record it unlinked',
      },
    ]);
  });

  it('the batch keeps each row’s column as the file calls it, so the outcomes grid and its CSV name it too', async () => {
    const { core, dir } = setup();
    const path = writeCsv(dir, 'g.csv', ['Txn,Type,Date,Gross,Ccy,Ref', `s1,sale,${CLOSED}-20,10.00,USD,`, 'r1,refund,2026-10-02,-10.00,USD,s1', 'v1,Verkauf,2026-10-03,5.00,USD,', 'ok,sale,2026-10-04,1.00,USD,']);
    const mapping = {
      numberConvention: 'dot',
      // File columns named like other fields: the stored column must be the file's, never the field's.
      columns: { external_id: 'Txn', kind: 'Type', occurred_at: 'Date', amount: 'Gross', currency: 'Ccy', refund_of: 'Ref' },
    };
    const commit = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'revenues', path, mapping, onError: 'skip' });
    const page = await ok<{ rows: OutcomeRow[] }>(core, 'imports.outcomes', { batchId: commit.batchId, startRow: 0, endRow: 100 });
    const byRow = Object.fromEntries(page.rows.map((r) => [r.rowNumber, [r.outcome, r.column]]));
    expect(byRow).toEqual({ 2: ['blocked_locked_period', 'Date'], 3: ['error', 'Ref'], 4: ['error', 'Type'], 5: ['created', null] });
  });

  it('field paths and codes stay out of the message, in the row’s details line', async () => {
    const { core, dir } = setup();
    const path = writeCsv(dir, 'h.csv', ['Txn,Type,Date,Gross,Ccy,Ref', `s1,sale,${CLOSED}-20,10.00,USD,`, 'r1,refund,2026-10-02,-10.00,USD,s1', 'v1,Verkauf,2026-10-03,5.00,USD,', 'ok,sale,2026-10-04,1.00,USD,']);
    const mapping = {
      numberConvention: 'dot',
      columns: { external_id: 'Txn', kind: 'Type', occurred_at: 'Date', amount: 'Gross', currency: 'Ccy', refund_of: 'Ref' },
    };
    const commit = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'revenues', path, mapping, onError: 'skip' });
    const page = await ok<{ rows: OutcomeRow[] }>(core, 'imports.outcomes', { batchId: commit.batchId, startRow: 0, endRow: 100 });
    const byRow = Object.fromEntries(page.rows.map((r) => [r.rowNumber, r.details]));
    expect(byRow).toEqual({ 2: 'blocked_locked_period · field occurred_at', 3: 'error · field refund_of', 4: 'error · field kind', 5: null });
    for (const row of page.rows.filter((r) => r.outcome !== 'created')) {
      expect(row.message, `row ${row.rowNumber}`).not.toMatch(/\b(refund_of|occurred_at|blocked_locked_period)\b/);
    }
    // The details are a column of the view too: filtered on, like any other.
    const filtered = await ok<{ rows: OutcomeRow[] }>(core, 'imports.outcomes', {
      batchId: commit.batchId,
      startRow: 0,
      endRow: 100,
      filterModel: { details: { filterType: 'text', type: 'contains', filter: 'refund_of' } },
    });
    expect(filtered.rows.map((r) => r.rowNumber)).toEqual([3]);
  });
});
