import { useCallback } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { ClientSideRowModelModule, RowStyleModule, type CellKeyDownEvent, type ColDef, type RowClickedEvent } from 'ag-grid-community';
import type { PayoutPayeeLine } from '../../../shared/contract/payouts';
import { useGridTheme } from '../../grid/grid-theme';
import { setupGridProps, type ScreenSetup } from '../../grid/use-screen-setup';
import { GROUP_COLUMN_DEFS, PAYEE_COLUMN_DEFS } from './payout-columns';

// A month has one line per payee and currency (hundreds, not millions), and the whole run
// arrives with payouts.get: the grid sorts and filters it in the page.
const MODULES = [ClientSideRowModelModule, RowStyleModule];
const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true, tooltip: true } as const;

/** The run's lines (with an Organization column for a consolidated view); a click (or Enter) on a line opens its revenue rows. */
export function PayeesGrid<Line extends PayoutPayeeLine>({
  lines,
  onExplain,
  grouped = false,
  setup,
}: {
  lines: Line[];
  onExplain: (line: Line) => void;
  grouped?: boolean;
  /** Opens the grid as the screen's kept setup says (sort, filters, columns), and keeps what the user changes. */
  setup?: Pick<ScreenSetup, 'initialState' | 'noteGridChanged'>;
}) {
  const theme = useGridTheme();
  const onRowClicked = useCallback((event: RowClickedEvent<Line>) => event.data && onExplain(event.data), [onExplain]);
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<Line>) => {
      if ((event.event as KeyboardEvent | null)?.key === 'Enter' && event.data) onExplain(event.data);
    },
    [onExplain],
  );
  return (
    <div className="grid-frame">
      <div className="grid-host" data-testid="payouts-grid">
        <AgGridReact<Line>
          modules={MODULES}
          theme={theme}
          rowData={lines}
          columnDefs={(grouped ? GROUP_COLUMN_DEFS : PAYEE_COLUMN_DEFS) as ColDef<Line>[]}
          defaultColDef={DEFAULT_COL_DEF}
          {...(setup ? setupGridProps<Line>(setup) : {})}
          getRowId={({ data }) => ('orgId' in data ? `${String(data.orgId)}|${data.payeeId}|${data.currency}` : `${data.payeeId}|${data.currency}`)}
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
