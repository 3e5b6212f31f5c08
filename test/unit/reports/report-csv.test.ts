import { describe, expect, it } from 'vitest';
import { reportCsvText, reportInputsSha256 } from '../../../src/main/reports/report-csv';

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
