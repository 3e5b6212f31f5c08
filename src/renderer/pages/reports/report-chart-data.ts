import type { ReportColumnInfo, ReportCellValue } from '../../../shared/contract/reports';
import { decimalToMicros, microsToDecimal } from '../../../shared/money';

type Row = Record<string, ReportCellValue>;

/** The money columns a chart can show, with the column naming each one's currency. */
export function moneyColumns(columns: readonly ReportColumnInfo[]): ReportColumnInfo[] {
  return columns.filter((c) => c.type === 'money' && c.currency_column);
}

/** The currencies in the rows for a money column, in first-seen order. */
export function currenciesOf(rows: readonly Row[], column: ReportColumnInfo): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const currency = row[column.currency_column ?? ''];
    if (typeof currency === 'string') seen.add(currency);
  }
  return [...seen];
}

/** What names a row in a chart: its first two text columns other than currencies, ids and free text, joined. */
export function rowLabel(row: Row, columns: readonly ReportColumnInfo[]): string {
  const currencyColumns = new Set(columns.map((c) => c.currency_column).filter(Boolean));
  const parts = columns
    // Ids repeat what the names say, and free text (a reason, a note) is no category.
    .filter((c) => (c.type === 'string' || c.type === 'date') && !currencyColumns.has(c.name) && !/(_id|_uuid|reason|note|description)$/.test(c.name))
    .map((c) => row[c.name])
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .slice(0, 2);
  return parts.join(' · ') || '(none)';
}

export interface ChartPoint {
  label: string;
  /** The exact sum, as the grid and CSV show it. */
  exact: string;
  /** For drawing only: the chart library plots numbers. */
  value: number;
}

/**
 * The month's breakdown of one money column in one currency: the largest parts by size
 * (the rest summed into one "other" bar, exactly), so a chart of hundreds of rows stays readable.
 */
export function breakdown(rows: readonly Row[], columns: readonly ReportColumnInfo[], column: ReportColumnInfo, currency: string, top = 12): ChartPoint[] {
  const parts = new Map<string, bigint>();
  for (const row of rows) {
    if (row[column.currency_column ?? ''] !== currency) continue;
    const amount = row[column.name];
    if (typeof amount !== 'string') continue;
    const label = rowLabel(row, columns);
    parts.set(label, (parts.get(label) ?? 0n) + decimalToMicros(amount));
  }
  const sorted = [...parts].sort((a, b) => (abs(b[1]) > abs(a[1]) ? 1 : abs(b[1]) < abs(a[1]) ? -1 : a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, top);
  const rest = sorted.slice(top);
  if (rest.length > 0) shown.push([`${rest.length} others`, rest.reduce((sum, [, v]) => sum + v, 0n)]);
  return shown.map(([label, micros]) => point(label, micros));
}

/** One month's total of a money column in one currency, exactly. */
export function monthTotal(rows: readonly Row[], column: ReportColumnInfo, currency: string): ChartPoint & { rows: number } {
  let total = 0n;
  let count = 0;
  for (const row of rows) {
    const amount = row[column.name];
    if (row[column.currency_column ?? ''] !== currency || typeof amount !== 'string') continue;
    total += decimalToMicros(amount);
    count++;
  }
  return { ...point('', total), rows: count };
}

function point(label: string, micros: bigint): ChartPoint {
  const exact = microsToDecimal(micros);
  return { label, exact, value: Number(exact) };
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
