import { useCallback } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { ClientSideRowModelModule, RowStyleModule, type CellKeyDownEvent, type RowClickedEvent } from 'ag-grid-community';
import type { PayoutPayeeLine } from '../../../shared/contract/payouts';
import { useGridTheme } from '../../grid/grid-theme';
import { PAYEE_COLUMN_DEFS } from './payout-columns';

// A month has one line per payee and currency (hundreds, not millions), and the whole run
// arrives with payouts.get: the grid sorts and filters it in the page.
const MODULES = [ClientSideRowModelModule, RowStyleModule];
const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true, tooltip: true } as const;

/** The run's lines; a click (or Enter) on a line opens its revenue rows. */
export function PayeesGrid({ lines, onExplain }: { lines: PayoutPayeeLine[]; onExplain: (line: PayoutPayeeLine) => void }) {
  const theme = useGridTheme();
  const onRowClicked = useCallback((event: RowClickedEvent<PayoutPayeeLine>) => event.data && onExplain(event.data), [onExplain]);
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<PayoutPayeeLine>) => {
      if ((event.event as KeyboardEvent | null)?.key === 'Enter' && event.data) onExplain(event.data);
    },
    [onExplain],
  );
  return (
    <div className="grid-frame">
      <div className="grid-host" data-testid="payouts-grid">
        <AgGridReact<PayoutPayeeLine>
          modules={MODULES}
          theme={theme}
          rowData={lines}
          columnDefs={PAYEE_COLUMN_DEFS}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={({ data }) => `${data.payeeId}|${data.currency}`}
          onRowClicked={onRowClicked}
          onCellKeyDown={onCellKeyDown}
          tooltipShowMode="whenTruncated"
          enableCellTextSelection
          rowClass="payouts-row"
        />
      </div>
      {lines.length === 0 && (
        <div className="grid-empty" data-testid="payouts-grid-empty">
          <p>No payee has a share or a balance this month.</p>
        </div>
      )}
    </div>
  );
}
