import { REVENUE_COLUMN_LABELS, REVENUE_KIND_LABELS } from '../../shared/contract/revenue-labels';
import type { RevenueColumn, RevenueKind } from '../../shared/contract/revenues';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import type { CancelSignal } from '../api/context';
import { textCell, writeCsvFile, type CsvWriteResult } from '../export/csv-file';
import { orgTimeZone } from '../orgs/org-time-zone';
import { instantToWallText } from '../time/zoned-time';
import { REVENUE_FROM, REVENUE_GRID_COLUMNS } from './columns';
import { compileRevenueView, type RevenueView } from './view';

type Cell = (value: unknown) => string;

const moneyCell: Cell = (v) => microsToDecimal(v as number);
const numberCell: Cell = (v) => (v === null ? '' : String(v));
const plainText: Cell = (v) => textCell(v as string | null);

const kindCell: Cell = (v) => textCell(REVENUE_KIND_LABELS[v as RevenueKind] ?? (v as string));

// Cells as the screen reads them, in forms a spreadsheet takes as what they are: dates as
// 'YYYY-MM-DD HH:MM:SS' on the org's clock (the zone in the heading), kinds by their
// labels, amounts as exact plain decimals.
function cellFor(column: RevenueColumn, timeZone: string): Cell {
  if (column === 'kind') return kindCell;
  if (column === 'occurredAt') return (v) => instantToWallText(v as string, timeZone);
  const kind = REVENUE_GRID_COLUMNS[column].kind;
  if (kind === 'money') return moneyCell;
  if (kind === 'number') return numberCell;
  return plainText;
}

/** The statement an export runs for a view (the benchmark gives sqlite3 this same text). */
export function revenueExportQuery(db: Database.Database, view: RevenueView & { columns: RevenueColumn[] }): { sql: string; params: unknown[] } {
  const { where, params, orderBy } = compileRevenueView(db, view);
  const select = view.columns.map((c) => REVENUE_GRID_COLUMNS[c].sql).join(', ');
  return { sql: `SELECT ${select} ${REVENUE_FROM} WHERE ${where} ORDER BY ${orderBy}`, params };
}

/** Write exactly the rows (filters, sort) and columns (order) of a view to CSV. */
export function exportRevenues(
  db: Database.Database,
  view: RevenueView & { columns: RevenueColumn[]; path: string; bom?: boolean },
  options: { signal?: CancelSignal; onProgress?: (rows: number) => void } = {},
): CsvWriteResult {
  const query = revenueExportQuery(db, view);
  const timeZone = orgTimeZone(db, view.orgId);
  const cells = view.columns.map((c) => cellFor(c, timeZone));
  const statement = db.prepare(query.sql).raw(true);
  const params = query.params;
  function* rows() {
    for (const raw of statement.iterate(...params) as Iterable<unknown[]>) {
      const out = new Array<string>(cells.length);
      for (let i = 0; i < cells.length; i++) out[i] = cells[i](raw[i]);
      yield out;
    }
  }
  return writeCsvFile(
    view.path,
    view.columns.map((c) => (c === 'occurredAt' ? `${REVENUE_COLUMN_LABELS[c]} (${timeZone})` : REVENUE_COLUMN_LABELS[c])),
    rows(),
    { ...options, bom: view.bom ?? true },
  );
}
