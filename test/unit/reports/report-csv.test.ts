import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { reportCsvText, reportInputsSha256 } from '../../../src/main/reports/report-csv';
import type { ReportRow } from '../../../src/main/reports/report-definition';

const INPUT = {
  report_type: 'demo_report',
  period: '2026-10',
  status: 'finalized' as const,
  parameters: { currency: 'USD', note: 'a, b' },
  columns: [
    { name: 'name', type: 'string' as const, description: '' },
    { name: 'count', type: 'integer' as const, description: '' },
    { name: 'amount', type: 'money' as const, description: '', currency_column: 'currency' },
    { name: 'currency', type: 'string' as const, description: '' },
    { name: 'flag', type: 'boolean' as const, description: '' },
  ],
  rows: [
    { name: '=HYPERLINK("x")', count: 2, amount: '-12.50', currency: 'USD', flag: true },
    { name: 'Müller, "Ltd"', count: 0, amount: '0.000001', currency: 'USD', flag: null },
  ],
};

describe('report CSV', () => {
  it('a BOM, comment lines (quoted when they hold a comma), the header, then rows with money bare and text neutralised, CRLF', () => {
    const sha = reportInputsSha256(INPUT);
    expect(reportCsvText(INPUT, sha)).toBe(
      '\uFEFF# report_type: demo_report\r\n# period: 2026-10\r\n# status: finalized\r\n# parameter currency: USD\r\n"# parameter note: a, b"\r\n' +
        `# inputs_sha256: ${sha}\r\n` +
        'name,count,amount,currency,flag\r\n' +
        '"\'=HYPERLINK(""x"")",2,-12.50,USD,true\r\n' +
        '"Müller, ""Ltd""",0,0.000001,USD,\r\n',
    );
  });

  it('the inputs hash follows the rows, the parameters and the month, and nothing else', () => {
    const sha = reportInputsSha256(INPUT);
    expect(reportInputsSha256({ ...INPUT })).toBe(sha);
    expect(reportInputsSha256({ ...INPUT, period: '2026-11' })).not.toBe(sha);
    expect(reportInputsSha256({ ...INPUT, parameters: { currency: 'EUR', note: 'a, b' } })).not.toBe(sha);
    expect(reportInputsSha256({ ...INPUT, rows: [{ ...INPUT.rows[0]!, amount: '-12.51' }, INPUT.rows[1]!] })).not.toBe(sha);
  });
});

describe('report CSV cells', () => {
  const columns = [
    { name: 'n', type: 'integer' as const, description: '' },
    { name: 'd', type: 'decimal' as const, description: '' },
    { name: 'i', type: 'integer' as const, description: '' },
    { name: 'b', type: 'boolean' as const, description: '' },
    { name: 't', type: 'string' as const, description: '' },
  ];
  const rows: ReportRow[] = [{ n: -3, d: '-0.125', i: '-7', b: false, t: null }, { n: 4 }];
  const input = { report_type: 'cells', period: '2026-10', status: 'in_progress' as const, parameters: { limit: null }, columns, rows };

  it('negative numbers, decimals and integers written bare (not neutralised like text), false as false, missing cells empty', () => {
    const text = reportCsvText(input, 'h');
    expect(text.split('\r\n').slice(-4)).toEqual(['n,d,i,b,t', '-3,-0.125,-7,false,', '4,,,,', '']);
    expect(text).toContain('\r\n# parameter limit: \r\n');
  });

  it('the inputs hash is sha256 of the header JSON, then a newline and each row\'s cells in column order', () => {
    const expected = createHash('sha256')
      .update(JSON.stringify({ report_type: 'cells', period: '2026-10', parameters: [['limit', null]] }))
      .update('\n' + JSON.stringify([-3, '-0.125', '-7', false, null]))
      .update('\n' + JSON.stringify([4, null, null, null, null]))
      .digest('hex');
    expect(reportInputsSha256(input)).toBe(expected);
  });
});
