import { CONSUMPTION_COLUMN_LABELS, type ConsumptionGridColumn, type ConsumptionGridRow } from '../../shared/contract/consumption';
import type { FilterModel, SortModel } from '../../shared/contract/grid';
import type { CancelSignal } from '../api/context';
import type { Database } from '../db/driver';
import { textCell, writeCsvFile, type CsvWriteResult } from '../export/csv-file';
import { compileScopedView } from '../grid/page-query';
import { readTolerance } from '../reconciliation/settings';
import { consumptionQuery, GRID_SELECT, toGridRow, type ConsumptionScope } from './grid';

const NUMERIC = new Set<ConsumptionGridColumn>(['consumed_sell', 'final_sell', 'adjustment', 'percent_difference', 'consumed_buy', 'final_buy', 'margin']);

/** consumption.export: exactly the rows (filters, sort) and columns of the grid, amounts exact. */
export function exportConsumption(
  db: Database.Database,
  input: ConsumptionScope & { sortModel: SortModel; filterModel: FilterModel; columns: ConsumptionGridColumn[]; path: string; bom: boolean },
  options: { signal?: CancelSignal } = {},
): CsvWriteResult {
  const query = consumptionQuery(db, input, GRID_SELECT);
  const { where, params, orderBy } = compileScopedView(query, input);
  const tolerance = readTolerance(db);
  const statement = db.prepare(`${GRID_SELECT} FROM consumption_records c WHERE ${where} ORDER BY ${orderBy}`);
  function* rows() {
    for (const stored of statement.iterate(...params) as Iterable<Parameters<typeof toGridRow>[0]>) {
      const row = toGridRow(stored, tolerance) as unknown as Record<string, unknown> & ConsumptionGridRow;
      yield input.columns.map((c) => (row[c] == null ? '' : NUMERIC.has(c) ? String(row[c]) : textCell(String(row[c]))));
    }
  }
  return writeCsvFile(input.path, input.columns.map((c) => CONSUMPTION_COLUMN_LABELS[c]), rows(), { ...options, bom: input.bom });
}
