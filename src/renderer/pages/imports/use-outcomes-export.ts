import { useCallback } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { OutcomeColumn, OutcomeRow } from '../../../shared/contract/imports';
import { api } from '../../api/client';
import { useGridExport, type GridViewToExport } from '../../grid/use-grid-export';
import { isOutcomeColumn } from './outcome-columns';

/** Exports a batch's outcomes as the grid shows them: its sort, filters and displayed columns. */
export function useOutcomesExport(gridApi: GridApi<OutcomeRow> | null, batchId: number) {
  const save = useCallback(
    (view: GridViewToExport<OutcomeColumn>, onProgress: Parameters<typeof api.saveFile>[2]['onProgress']) =>
      api.saveFile('imports.exportOutcomes', { batchId, ...view }, {
        title: `Export the outcomes of import batch ${batchId}`,
        fileName: `import-batch-${batchId}-outcomes.csv`,
        onProgress,
      }),
    [batchId],
  );
  return useGridExport(gridApi, 'imports.exportOutcomes', isOutcomeColumn, save);
}
