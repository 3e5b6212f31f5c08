import { describe, expect, it } from 'vitest';
import type { ReportColumnInfo } from '../../../src/shared/contract/reports';
import { compareReportRows } from '../../../src/shared/report-compare';

const columns: ReportColumnInfo[] = [
  { name: 'account', type: 'string', description: '' },
  { name: 'currency', type: 'string', description: '' },
  { name: 'premium', type: 'money', description: '', currency_column: 'currency' },
  { name: 'count', type: 'integer', description: '' },
];

describe('compareReportRows', () => {
  it('matches rows by their text columns and gives server - local per figure, exactly', () => {
    const local = [
      { account: 'a', currency: 'USD', premium: '10.10', count: 3 },
      { account: 'b', currency: 'USD', premium: '0.1', count: 1 },
    ];
    const server = [
      { account: 'b', currency: 'USD', premium: '0.3', count: 1 },
      { account: 'a', currency: 'USD', premium: '10.1', count: 3 },
    ];
    const result = compareReportRows(columns, local, columns, server);
    expect(result.keyColumns).toEqual(['account', 'currency']);
    expect(result.figureColumns).toEqual(['premium', 'count']);
    expect(result.rows.map((r) => [r.key.account, r.side, r.differs])).toEqual([
      ['a', 'both', false],
      ['b', 'both', true],
    ]);
    // 0.3 - 0.1 in floats is 0.19999999999999998.
    expect(result.rows[1]!.cells.premium).toEqual({ local: '0.1', server: '0.3', difference: '0.2' });
    expect(result.rows[0]!.cells.premium!.difference).toBe('0');
    expect(result.differing).toBe(1);
  });

  it('a row on one side only differs by its whole value; the same account in two currencies are two rows', () => {
    const local = [{ account: 'a', currency: 'USD', premium: '5', count: 1 }];
    const server = [
      { account: 'a', currency: 'EUR', premium: '2.5', count: 2 },
      { account: 'a', currency: 'USD', premium: '5', count: 1 },
    ];
    const result = compareReportRows(columns, local, columns, server);
    expect(result.rows.map((r) => [r.key.currency, r.side])).toEqual([
      ['USD', 'both'],
      ['EUR', 'server_only'],
    ]);
    expect(result.rows[1]!.cells).toEqual({ premium: { local: null, server: '2.5', difference: '2.5' }, count: { local: null, server: '2', difference: '2' } });
    expect(compareReportRows(columns, local, columns, []).rows[0]).toMatchObject({ side: 'local_only', differs: true, cells: { premium: { difference: '-5' } } });
  });

  it('only columns both sides declare are compared; a key seen twice keeps both rows', () => {
    const serverColumns = columns.filter((c) => c.name !== 'count');
    const local = [
      { account: 'a', currency: 'USD', premium: '1', count: 1 },
      { account: 'a', currency: 'USD', premium: '2', count: 1 },
    ];
    const result = compareReportRows(columns, local, serverColumns, [{ account: 'a', currency: 'USD', premium: '1' }]);
    expect(result.figureColumns).toEqual(['premium']);
    expect(result.rows.map((r) => [r.side, r.cells.premium!.difference])).toEqual([
      ['both', '0'],
      ['local_only', '-2'],
    ]);
  });
});
