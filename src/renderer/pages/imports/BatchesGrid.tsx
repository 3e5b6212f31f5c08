import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { RowApiModule, RowSelectionModule, type CellKeyDownEvent, type GridApi, type GridReadyEvent, type RowClickedEvent, type RowSelectionOptions, type SelectionChangedEvent } from 'ag-grid-community';
import type { ImportBatchRow } from '../../../shared/contract/imports';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ColumnChooser } from '../../grid/ColumnChooser';
import { ClearFiltersButton } from '../../grid/GridViewButtons';
import { useGridTheme } from '../../grid/grid-theme';
import { databaseDatasource } from '../../grid/infinite-datasource';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { periodLabel } from '../../format/period-label';
import { setupGridProps, type ScreenSetup } from '../../grid/use-screen-setup';
import { BATCH_COLUMN_DEFS, type BatchGridContext } from './batch-columns';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

interface BatchesGridProps {
  orgId: string;
  /** The org's batches with those of every org below it, with an Organization column. */
  includeChildren?: boolean;
  /** Org id -> name, for that column. */
  orgNames?: ReadonlyMap<string, string>;
  /** Opens the grid as the screen's kept setup says, and keeps what the user changes. */
  setup?: Pick<ScreenSetup, 'initialState' | 'noteGridChanged'>;
  /** The period picker's month: only the batches that wrote rows into it. null: every batch. */
  period: string | null;
  /** Changes after an import or undo: the list is read again. */
  refreshKey: number;
  selectedBatchId: number | null;
  onSelect: (batchId: number | null) => void;
  onOpenWizard: () => void;
  /** A batch is open below: the list takes only the height its rows need (up to COMPACT_ROWS), not half the screen. */
  compact?: boolean;
}

const COMPACT_ROWS = 5;
// The theme's header and row heights, and room for the horizontal scroll bar.
const HEADER_PX = 42;
const ROW_PX = 37;
const SCROLLBAR_PX = 18;

// Row selection and forEachNode (to show the selected batch) for this grid only.
const MODULES = [RowSelectionModule, RowApiModule];
// The page decides what is selected (a click or Enter on a loaded row, Space, or the
// wizard's "Show batch"); the grid shows it. A click on a row still loading does nothing.
const ROW_SELECTION: RowSelectionOptions<ImportBatchRow> = { mode: 'singleRow', checkboxes: false, enableClickSelection: false };
const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true, tooltip: true } as const;

/** Every import batch of the org, newest first, paged, sorted and filtered in the database. */
export function BatchesGrid({ orgId, includeChildren = false, orgNames = NO_NAMES, setup, period, refreshKey, selectedBatchId, onSelect, onOpenWizard, compact = false }: BatchesGridProps) {
  const theme = useGridTheme();
  const [gridApi, setGridApi] = useState<GridApi<ImportBatchRow> | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [filtered, setFiltered] = useState(false);
  const currentOrg = useRef(orgId);
  const currentChildren = useRef(includeChildren);
  const currentPeriod = useRef(period);
  // The period the shown count belongs to (the count is replaced when the list is read again).
  const [countedPeriod, setCountedPeriod] = useState(period);

  const datasource = useMemo(
    () =>
      databaseDatasource<ImportBatchRow>(
        async (request) => {
          const asked = currentPeriod.current;
          const page = await api.call('imports.list', { orgId: currentOrg.current, includeChildren: currentChildren.current, period: asked, ...request });
          if (request.startRow === 0) {
            setRowCount(page.rowCount);
            setCountedPeriod(asked);
          }
          return page;
        },
        (thrown) => setError(asApiCallError('imports.list', thrown)),
      ),
    [],
  );

  const reload = useCallback(() => {
    if (!gridApi) return;
    setError(null);
    datasource.invalidate();
    gridApi.purgeInfiniteCache();
  }, [gridApi, datasource]);

  // An org or period switch, or a new batch: same grid, fresh rows (the selection, by batch id, survives a refresh).
  const lastRefresh = useRef({ orgId, includeChildren, period, refreshKey });
  useEffect(() => {
    const last = lastRefresh.current;
    if (last.orgId === orgId && last.includeChildren === includeChildren && last.period === period && last.refreshKey === refreshKey) return;
    lastRefresh.current = { orgId, includeChildren, period, refreshKey };
    currentOrg.current = orgId;
    currentChildren.current = includeChildren;
    currentPeriod.current = period;
    if (last.period !== period || last.includeChildren !== includeChildren) setRowCount(null);
    reload();
  }, [orgId, includeChildren, period, refreshKey, reload]);
  useEffect(() => gridApi?.setColumnsVisible(['orgId'], includeChildren), [gridApi, includeChildren]);
  const context = useMemo<BatchGridContext>(() => ({ orgNames }), [orgNames]);

  // Keep the grid's selection in step with the page's (a batch opened from the wizard),
  // also for rows that load later.
  const selected = useRef(selectedBatchId);
  const syncSelection = useCallback((api: GridApi<ImportBatchRow>) => {
    api.forEachNode((node) => {
      const wanted = node.data?.id === selected.current;
      // A row still loading has no id yet and cannot be selected.
      if (node.data && node.id !== undefined && node.isSelected() !== wanted) node.setSelected(wanted);
    });
  }, []);
  useEffect(() => {
    selected.current = selectedBatchId;
    if (gridApi) syncSelection(gridApi);
  }, [gridApi, selectedBatchId, syncSelection]);

  const onRowClicked = useCallback(
    (event: RowClickedEvent<ImportBatchRow>) => {
      if (event.data) onSelect(event.data.id);
    },
    [onSelect],
  );

  // Enter on a focused row opens it, like a click; Space selects through the grid itself.
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<ImportBatchRow>) => {
      const keyboard = event.event as KeyboardEvent | undefined;
      if (keyboard?.key === 'Enter' && event.node.data) onSelect(event.node.data.id);
    },
    [onSelect],
  );
  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<ImportBatchRow>) => {
      if (event.source !== 'spaceKey') return;
      const row = event.api.getSelectedRows()[0];
      onSelect(row ? row.id : null);
    },
    [onSelect],
  );

  const empty = rowCount === 0;
  const shownRows = Math.min(Math.max(rowCount ?? 1, 1), COMPACT_ROWS);
  const frameStyle = compact ? { height: `${HEADER_PX + shownRows * ROW_PX + SCROLLBAR_PX}px`, minHeight: 0, flex: 'none' } : undefined;
  return (
    <div className={compact ? 'batches-panel batches-compact' : 'batches-panel'}>
      <div className="toolbar">
        <p className="row-count" data-testid="batch-count" data-row-count={rowCount ?? ''}>
          {rowCount === null
            ? 'Loading batches…'
            : `${rowCount} ${rowCount === 1 ? 'batch' : 'batches'}${countedPeriod ? ` wrote rows into ${periodLabel(countedPeriod)}` : ''}`}
        </p>
        <div className="toolbar-actions">
          <ClearFiltersButton gridApi={gridApi} filtered={filtered} />
          <ColumnChooser gridApi={gridApi} />
        </div>
      </div>
      {error && <ErrorNotice error={error} title="Could not load the import batches" onRetry={reload} />}
      <div className="grid-frame" style={frameStyle}>
        <div className="grid-host" data-testid="batches-grid" aria-label="Import batches">
          <AgGridReact<ImportBatchRow>
            {...SERVER_GRID_PROPS}
            modules={MODULES}
            theme={theme}
            columnDefs={BATCH_COLUMN_DEFS}
            defaultColDef={DEFAULT_COL_DEF}
            context={context}
            {...(setup ? setupGridProps<ImportBatchRow>(setup) : {})}
            datasource={datasource}
            getRowId={({ data }) => String(data.id)}
            rowSelection={ROW_SELECTION}
            onGridReady={(event: GridReadyEvent<ImportBatchRow>) => setGridApi(event.api)}
            onRowClicked={onRowClicked}
            onSelectionChanged={onSelectionChanged}
            onModelUpdated={(event) => syncSelection(event.api)}
            onCellKeyDown={onCellKeyDown}
            onFilterChanged={(event) => {
              setError(null);
              setFiltered(Object.keys(event.api.getFilterModel() ?? {}).length > 0);
            }}
            onSortChanged={() => setError(null)}
          />
        </div>
        {empty && (
          <div className="grid-empty" data-testid="batches-empty">
            <p>
              {filtered
                ? 'No batches match these filters.'
                : period
                  ? `No batch wrote rows into ${periodLabel(period)}. Choose “All periods” to see every batch, rejected ones included.`
                  : 'Nothing has been imported into this organization yet.'}
            </p>
            {!filtered && !period && (
              <button type="button" className="button button-primary" onClick={onOpenWizard}>
                Import a file…
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
