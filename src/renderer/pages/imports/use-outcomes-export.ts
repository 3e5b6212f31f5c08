import { useCallback, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { OutcomeRow } from '../../../shared/contract/imports';
import { asApiCallError, isAbort } from '../../api/api-call-error';
import { api } from '../../api/client';
import { sortModelOfColumns, toFilterModel } from '../../grid/grid-view-model';
import type { ExportState } from '../revenues/use-revenue-export';
import { isOutcomeColumn } from './outcome-columns';

/** Exports a batch's outcomes as the grid shows them: its sort, filters and displayed columns. */
export function useOutcomesExport(gridApi: GridApi<OutcomeRow> | null, batchId: number) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef(false);

  const start = useCallback(async () => {
    if (!gridApi || running.current) return;
    const columns = gridApi
      .getAllDisplayedColumns()
      .map((column) => column.getColId())
      .filter(isOutcomeColumn);
    if (columns.length === 0) return;
    running.current = true;
    setState({ status: 'running', rows: null });
    try {
      const saved = await api.saveFile(
        'imports.exportOutcomes',
        { batchId, sortModel: sortModelOfColumns(gridApi.getColumnState()), filterModel: toFilterModel(gridApi.getFilterModel()), columns },
        {
          title: `Export the outcomes of import batch ${batchId}`,
          fileName: `import-batch-${batchId}-outcomes.csv`,
          onProgress: (event) => setState({ status: 'running', rows: event.done }),
        },
      );
      setState(saved ? { status: 'done', rowCount: saved.rowCount, savedAs: saved.savedAs } : { status: 'cancelled' });
    } catch (thrown) {
      setState(isAbort(thrown) ? { status: 'cancelled' } : { status: 'failed', error: asApiCallError('imports.exportOutcomes', thrown) });
    } finally {
      running.current = false;
    }
  }, [gridApi, batchId]);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, dismiss };
}
