import { useCallback, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { FilterModel, SortModel } from '../../shared/contract/grid';
import type { ProgressEvent } from '../../shared/progress';
import { asApiCallError, isAbort, type ApiCallError } from '../api/api-call-error';
import type { SavedFile } from '../api/transport';
import { sortModelOfColumns, toFilterModel } from './grid-view-model';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; rows: number | null }
  | { status: 'done'; rowCount: number; savedAs: string }
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiCallError };

export interface GridViewToExport<Column extends string> {
  sortModel: SortModel;
  filterModel: FilterModel;
  columns: Column[];
}

/**
 * Exports exactly what a grid shows: its sort, its filters, and the displayed columns in
 * their displayed order (moved or hidden columns included), read from the grid itself at
 * the moment of export. `save` sends it to the area's export method.
 */
export function useGridExport<Row, Column extends string>(
  gridApi: GridApi<Row> | null,
  method: string,
  isColumn: (id: string) => id is Column,
  save: (view: GridViewToExport<Column>, onProgress: (event: ProgressEvent) => void) => Promise<SavedFile | null>,
) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef(false);

  const start = useCallback(async () => {
    if (!gridApi || running.current) return;
    const columns = gridApi
      .getAllDisplayedColumns()
      .map((column) => column.getColId())
      .filter(isColumn);
    if (columns.length === 0) return;
    running.current = true;
    setState({ status: 'running', rows: null });
    try {
      const view = { sortModel: sortModelOfColumns(gridApi.getColumnState()), filterModel: toFilterModel(gridApi.getFilterModel()), columns };
      const saved = await save(view, (event) => setState({ status: 'running', rows: event.done }));
      setState(saved ? { status: 'done', rowCount: saved.rowCount, savedAs: saved.savedAs } : { status: 'cancelled' });
    } catch (thrown) {
      setState(isAbort(thrown) ? { status: 'cancelled' } : { status: 'failed', error: asApiCallError(method, thrown) });
    } finally {
      running.current = false;
    }
  }, [gridApi, method, isColumn, save]);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, dismiss };
}
