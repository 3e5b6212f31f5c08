import { describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { ok, ORG, REVENUE_HEADER, setup, writeCsv } from './import-files-support';

// A date's year must be in 1900–2199 whichever way the record comes in: a file's date cell
// and an API record's occurred_at are refused alike, each message naming the bounds.

describe('the years a date may have, end to end', () => {
  it('revenues.batch and a file import accept 2199 and refuse 2200 and 2999 the same way', async () => {
    const { core, dir } = setup();
    const sale = (id: string, at: string) => ({ external_id: id, kind: 'sale', occurred_at: at, amount: '1.00', currency: 'USD' });
    const api = await ok<BatchResponse>(core, 'revenues.batch', {
      orgId: ORG,
      records: [sale('a1', '2199-12-31T10:00:00Z'), sale('a2', '2200-01-01'), sale('a3', '2999-01-01T00:00:00Z')],
    });
    expect(api.data.map((r) => r.status)).toEqual(['created', 'error', 'error']);
    expect(api.data[1].error).toEqual({ field: 'occurred_at', message: expect.stringContaining('"2200-01-01": the year 2200 is outside 1900–2199') });
    expect(api.data[2].error?.message).toContain('the year 2999 is outside 1900–2199');

    const path = writeCsv(dir, 'years.csv', [REVENUE_HEADER, 'f1,sale,2199-12-31,1.00,USD,last year', 'f2,sale,2200-01-01,1.00,USD,too late', 'f3,sale,2999-01-01,1.00,USD,far too late']);
    const file = await ok<ImportCommitResult>(core, 'imports.commit', { orgId: ORG, entity: 'revenues', path, onError: 'skip' });
    expect(file).toMatchObject({ status: 'committed', counts: { created: 1, error: 2 } });
    expect(file.problems).toEqual([
      { rowNumber: 3, column: 'occurred_at', message: 'occurred_at: "2200-01-01": the year 2200 is outside 1900–2199.' },
      { rowNumber: 4, column: 'occurred_at', message: 'occurred_at: "2999-01-01": the year 2999 is outside 1900–2199.' },
    ]);
  });
});
