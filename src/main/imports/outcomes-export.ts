import { OUTCOME_COLUMN_LABELS, type OutcomeColumn } from '../../shared/contract/imports';
import type { CancelSignal } from '../api/context';
import type { Database } from '../db/driver';
import { textCell, writeCsvFile, type CsvWriteResult } from '../export/csv-file';
import { compileOutcomeView, OUTCOME_GRID_COLUMNS, type OutcomeView } from './outcomes-view';

const numberCell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const plainText = (v: unknown) => textCell(v as string | null);

/** Write the rows (filters, sort) and columns (order) of a batch's outcomes view to CSV. */
export function exportOutcomes(
  db: Database.Database,
  view: OutcomeView & { columns: OutcomeColumn[]; path: string },
  options: { signal?: CancelSignal; onProgress?: (rows: number) => void } = {},
): CsvWriteResult {
  const select = view.columns.map((c) => OUTCOME_GRID_COLUMNS[c].sql).join(', ');
  const cells = view.columns.map((c) => (OUTCOME_GRID_COLUMNS[c].kind === 'number' ? numberCell : plainText));
  const { sql, orderBy, params, named } = compileOutcomeView(db, view, select);
  const statement = db.prepare(`${sql} ORDER BY ${orderBy}`).raw(true);
  function* rows() {
    for (const raw of statement.iterate(...params, named) as Iterable<unknown[]>) {
      const out = new Array<string>(cells.length);
      for (let i = 0; i < cells.length; i++) out[i] = cells[i](raw[i]);
      yield out;
    }
  }
  return writeCsvFile(
    view.path,
    view.columns.map((c) => OUTCOME_COLUMN_LABELS[c]),
    rows(),
    options,
  );
}
