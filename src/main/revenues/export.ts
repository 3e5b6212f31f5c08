import { REVENUE_COLUMN_LABELS } from '../../shared/contract/revenue-labels';
import type { RevenueColumn } from '../../shared/contract/revenues';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import type { CancelSignal } from '../api/context';
import { textCell, writeCsvFile, type CsvWriteResult } from '../export/csv-file';
import { REVENUE_FROM, REVENUE_GRID_COLUMNS } from './columns';
import { compileRevenueView, type RevenueView } from './view';

type Cell = (value: unknown) => string;

const moneyCell: Cell = (v) => microsToDecimal(v as number);
const numberCell: Cell = (v) => (v === null ? '' : String(v));
const plainText: Cell = (v) => textCell(v as string | null);

function cellFor(column: RevenueColumn): Cell {
  const kind = REVENUE_GRID_COLUMNS[column].kind;
  if (kind === 'money') return moneyCell;
  if (kind === 'number') return numberCell;
  return plainText;
}

/** Write exactly the rows (filters, sort) and columns (order) of a view to CSV. */
export function exportRevenues(
  db: Database.Database,
  view: RevenueView & { columns: RevenueColumn[]; path: string },
  options: { signal?: CancelSignal; onProgress?: (rows: number) => void } = {},
): CsvWriteResult {
  const { where, params, orderBy } = compileRevenueView(db, view);
  const select = view.columns.map((c) => REVENUE_GRID_COLUMNS[c].sql).join(', ');
  const cells = view.columns.map(cellFor);
  const statement = db.prepare(`SELECT ${select} ${REVENUE_FROM} WHERE ${where} ORDER BY ${orderBy}`).raw(true);
  function* rows() {
    for (const raw of statement.iterate(...params) as Iterable<unknown[]>) {
      const out = new Array<string>(cells.length);
      for (let i = 0; i < cells.length; i++) out[i] = cells[i](raw[i]);
      yield out;
    }
  }
  return writeCsvFile(
    view.path,
    view.columns.map((c) => REVENUE_COLUMN_LABELS[c]),
    rows(),
    options,
  );
}
