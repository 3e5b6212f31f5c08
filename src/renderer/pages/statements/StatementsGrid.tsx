import { useCallback } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { ClientSideRowModelModule, CsvExportModule, RowStyleModule, type CellKeyDownEvent, type GridReadyEvent, type GridApi, type RowClickedEvent } from 'ag-grid-community';
import type { StatementDetail } from '../../../shared/contract/statements';
import { useGridTheme } from '../../grid/grid-theme';
import { STATEMENT_COLUMN_DEFS } from './statement-columns';

// An org has a statement per billing cycle (a dozen a year): all of them come with
// statements.list and the grid sorts them in the page; the CSV is AG Grid's own export.
const MODULES = [ClientSideRowModelModule, CsvExportModule, RowStyleModule];
const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true, useValueFormatterForExport: false } as const;

interface Props {
  statements: StatementDetail[];
  selectedSid: string | null;
  onOpen: (statement: StatementDetail) => void;
  onGridReady: (api: GridApi<StatementDetail>) => void;
}

/** The org's statements; a click (or Enter) on one opens it as the customer's document. */
export function StatementsGrid({ statements, selectedSid, onOpen, onGridReady }: Props) {
  const theme = useGridTheme();
  const onRowClicked = useCallback((event: RowClickedEvent<StatementDetail>) => event.data && onOpen(event.data), [onOpen]);
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<StatementDetail>) => {
      if ((event.event as KeyboardEvent | null)?.key === 'Enter' && event.data) onOpen(event.data);
    },
    [onOpen],
  );
  return (
    <div className="grid-frame statements-grid">
      <div className="grid-host" data-testid="statements-grid">
        <AgGridReact<StatementDetail>
          modules={MODULES}
          theme={theme}
          rowData={statements}
          columnDefs={STATEMENT_COLUMN_DEFS}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={({ data }) => data.sid}
          onRowClicked={onRowClicked}
          onCellKeyDown={onCellKeyDown}
          onGridReady={(event: GridReadyEvent<StatementDetail>) => onGridReady(event.api)}
          rowClassRules={{ 'statements-row-open': (p) => p.data?.sid === selectedSid }}
          enableCellTextSelection
        />
      </div>
      {statements.length === 0 && (
        <div className="grid-empty" data-testid="statements-grid-empty">
          <p>No statements yet: they are generated from the org&apos;s price plans and usage (plans.batch, usage.batch).</p>
        </div>
      )}
    </div>
  );
}
