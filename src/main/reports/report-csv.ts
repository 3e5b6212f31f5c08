import { createHash } from 'node:crypto';
import type { ReportColumnInfo, ReportParamValues, ReportPeriodStatus } from '../../shared/contract/reports';
import { textCell } from '../export/csv-file';
import type { ReportCell, ReportRow } from './report-definition';

export interface ReportCsvInput {
  report_type: string;
  period: string;
  status: ReportPeriodStatus;
  parameters: ReportParamValues;
  columns: readonly ReportColumnInfo[];
  rows: readonly ReportRow[];
}

/**
 * sha256 of what the CSV is made from: the report type, month, parameters (in declared
 * order) and every row's cells in column order, as JSON. The same rows and parameters give
 * the same hash on any machine; it says nothing of when the export ran.
 */
export function reportInputsSha256(input: Omit<ReportCsvInput, 'status'>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ report_type: input.report_type, period: input.period, parameters: Object.entries(input.parameters) }));
  for (const row of input.rows) hash.update('\n' + JSON.stringify(input.columns.map((c) => row[c.name] ?? null)));
  return hash.digest('hex');
}

/**
 * The CSV text: a UTF-8 byte-order mark, then "# key: value" comment lines (each one cell,
 * quoted when it holds a comma), the header row and the rows, CRLF line ends. Money and
 * integers are bare numbers (exact decimal strings); text is neutralised against formulas.
 */
export function reportCsvText(input: ReportCsvInput, inputsSha256: string): string {
  const comments = [
    `# report_type: ${input.report_type}`,
    `# period: ${input.period}`,
    `# status: ${input.status}`,
    ...Object.entries(input.parameters).map(([name, value]) => `# parameter ${name}: ${value === null ? '' : String(value)}`),
    `# inputs_sha256: ${inputsSha256}`,
  ];
  const lines = comments.map(textCell);
  lines.push(input.columns.map((c) => textCell(c.name)).join(','));
  for (const row of input.rows) lines.push(input.columns.map((c) => cell(c, row[c.name] ?? null)).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function cell(column: ReportColumnInfo, value: ReportCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  // Money and decimals are exact decimal strings: written bare, like numbers.
  if (column.type === 'money' || column.type === 'decimal' || column.type === 'integer') return value;
  return textCell(value);
}
