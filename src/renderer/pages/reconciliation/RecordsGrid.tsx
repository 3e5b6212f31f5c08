import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { RowSelectionModule, type GridApi, type RowClassRules, type SelectionChangedEvent } from 'ag-grid-community';
import type { ConsumptionGridRow } from '../../../shared/contract/consumption';
import { api } from '../../api/client';
import { databaseDatasource } from '../../grid/infinite-datasource';
import { toFilterModel, toSortModel } from '../../grid/grid-view-model';
import type { FilterModel, SortModel } from '../../../shared/contract/grid';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { useGridTheme } from '../../grid/grid-theme';
import { setupGridProps, type ScreenSetup } from '../../grid/use-screen-setup';
import { RECORD_COLUMN_DEFS, type ReconGridContext } from './reconciliation-columns';

const MODULES = [RowSelectionModule];
const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true, tooltip: true } as const;
const ROW_CLASS_RULES: RowClassRules<ConsumptionGridRow> = {
  'recon-above-tolerance': ({ data }) => data?.above_tolerance === true,
  'recon-missing-final': ({ data }) => data?.status === 'missing_final',
};

export interface RecordsGridHandle {
  refresh(): void;
  clearSelection(): void;
  /** The grid's sort and filters, for an export of exactly what is shown. */
  view(): { sortModel: SortModel; filterModel: FilterModel };
}

interface Props {
  orgId: string;
  /** The org's records with those of every org below it, with an Organization column. */
  includeChildren: boolean;
  orgNames: ReadonlyMap<string, string>;
  /** Opens the grid as the screen's kept setup says, and keeps what the user changes. */
  setup: Pick<ScreenSetup, 'initialState' | 'noteGridChanged'>;
  period: string | null;
  customerUuid: string | null;
  onSelection: (rows: ConsumptionGridRow[]) => void;
  onError: (error: unknown) => void;
}

/** The month's records, paged from the database; the review selects rows to approve or hold. */
export const RecordsGrid = forwardRef<RecordsGridHandle, Props>(function RecordsGrid({ orgId, includeChildren, orgNames, period, customerUuid, setup, onSelection, onError }, ref) {
  const theme = useGridTheme();
  const gridApi = useRef<GridApi<ConsumptionGridRow> | null>(null);
  const datasource = useMemo(
    () => databaseDatasource((page) => api.call('consumption.grid', { orgId, includeChildren, period, customerUuid, ...page }), onError),
    [orgId, includeChildren, period, customerUuid, onError],
  );
  const context = useMemo<ReconGridContext>(() => ({ orgNames }), [orgNames]);
  useEffect(() => gridApi.current?.setColumnsVisible(['org_id'], includeChildren), [includeChildren]);
  useImperativeHandle(ref, () => ({
    refresh() {
      datasource.invalidate();
      gridApi.current?.purgeInfiniteCache();
    },
    clearSelection() {
      gridApi.current?.deselectAll();
    },
    view() {
      const state = gridApi.current?.getState();
      return { sortModel: toSortModel(state?.sort?.sortModel ?? []), filterModel: toFilterModel(gridApi.current?.getFilterModel() ?? {}) };
    },
  }));
  return (
    <div className="grid-host" data-testid="recon-grid">
      <AgGridReact<ConsumptionGridRow>
        {...SERVER_GRID_PROPS}
        modules={MODULES}
        theme={theme}
        datasource={datasource}
        columnDefs={RECORD_COLUMN_DEFS}
        defaultColDef={DEFAULT_COL_DEF}
        context={context}
        {...setupGridProps<ConsumptionGridRow>(setup)}
        getRowId={({ data }) => data.uuid}
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }}
        rowClassRules={ROW_CLASS_RULES}
        onGridReady={({ api: ready }) => {
          gridApi.current = ready;
          ready.setColumnsVisible(['org_id'], includeChildren);
        }}
        onSelectionChanged={(event: SelectionChangedEvent<ConsumptionGridRow>) => onSelection(event.api.getSelectedRows())}
      />
    </div>
  );
});
