import type { ReportCellValue, ReportColumnInfo } from './contract/reports';
import { Decimal } from './decimal';

// The local computation of a report's month beside the server's (seed 000, synced): rows
// are matched by their text columns (account, currency, ...), and each figure column
// present on both sides gets the server's value less the local one, exactly (decimal.js).

type Row = Record<string, ReportCellValue>;

const FIGURES = new Set(['money', 'decimal', 'integer']);

export interface ComparedCell {
  local: string | null;
  server: string | null;
  /** server - local (a missing side counts as 0); null when neither side has a value. */
  difference: string | null;
}

export interface ComparedRow {
  /** The matching columns' values, e.g. {account: "acct-1", currency: "USD"}. */
  key: Record<string, ReportCellValue>;
  side: 'both' | 'local_only' | 'server_only';
  cells: Record<string, ComparedCell>;
  /** Some figure differs (or the row is on one side only). */
  differs: boolean;
}

export interface ReportComparison {
  keyColumns: string[];
  figureColumns: string[];
  rows: ComparedRow[];
  /** Rows that differ, of rows. */
  differing: number;
}

const text = (value: ReportCellValue | undefined) => (value === null || value === undefined ? null : String(value));

function keyOf(row: Row, columns: string[]): string {
  return JSON.stringify(columns.map((c) => row[c] ?? null));
}

/** Index rows by key; a key seen twice gets its occurrence number so no row is lost. */
function byKey(rows: Row[], columns: string[]): Map<string, Row> {
  const out = new Map<string, Row>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const base = keyOf(row, columns);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}#${n}`, row);
  }
  return out;
}

function difference(local: string | null, server: string | null): string | null {
  if (local === null && server === null) return null;
  return new Decimal(server ?? '0').minus(new Decimal(local ?? '0')).toFixed();
}

/** Local rows first in their order, then rows only the server has. */
export function compareReportRows(localColumns: ReportColumnInfo[], localRows: Row[], serverColumns: ReportColumnInfo[], serverRows: Row[]): ReportComparison {
  const serverNames = new Set(serverColumns.map((c) => c.name));
  const keyColumns = localColumns.filter((c) => !FIGURES.has(c.type) && serverNames.has(c.name)).map((c) => c.name);
  const figureColumns = localColumns.filter((c) => FIGURES.has(c.type) && serverNames.has(c.name)).map((c) => c.name);
  const local = byKey(localRows, keyColumns);
  const server = byKey(serverRows, keyColumns);
  const rows: ComparedRow[] = [];
  const add = (l: Row | undefined, s: Row | undefined) => {
    const cells: Record<string, ComparedCell> = {};
    let differs = !l || !s;
    for (const column of figureColumns) {
      const cell = { local: text(l?.[column]), server: text(s?.[column]), difference: null as string | null };
      cell.difference = difference(cell.local, cell.server);
      if (cell.difference !== null && !new Decimal(cell.difference).isZero()) differs = true;
      cells[column] = cell;
    }
    const source = (l ?? s)!;
    rows.push({ key: Object.fromEntries(keyColumns.map((c) => [c, source[c] ?? null])), side: l && s ? 'both' : l ? 'local_only' : 'server_only', cells, differs });
  };
  for (const [key, row] of local) add(row, server.get(key));
  for (const [key, row] of server) if (!local.has(key)) add(undefined, row);
  return { keyColumns, figureColumns, rows, differing: rows.filter((r) => r.differs).length };
}
