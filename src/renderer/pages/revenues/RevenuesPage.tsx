import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, FilterChangedEvent, GridApi, GridReadyEvent, SortChangedEvent, StateUpdatedEvent } from 'ag-grid-community';
import type { FilterModel, SortModel } from '../../../shared/contract/grid';
import { REVENUE_COLUMNS, type RevenueRow } from '../../../shared/contract/revenues';
import type { ViewState } from '../../../shared/contract/views';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import { subtreeIds } from '../../app/org-tree';
import { useViewExport } from '../../app/view-export';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExactAmountsToggle } from '../../format/ExactAmountsToggle';
import { periodLabel } from '../../format/period-label';
import { ColumnChooser } from '../../grid/ColumnChooser';
import { CsvBomToggle } from '../../grid/csv-bom-setting';
import { IncludeChildrenToggle } from '../../grid/IncludeChildrenToggle';
import { ActiveFilters } from '../../grid/ActiveFilters';
import { ExportCsvButton } from '../../grid/GridViewButtons';
import { useGridTheme } from '../../grid/grid-theme';
import { applyGridSetup, gridSetupOf, restoreGridSetup } from '../../grid/grid-setup';
import { CrossCurrencyNotice } from '../../grid/CrossCurrencyNotice';
import { crossCurrencyComparison, currencyFilterOf, setCurrencyFilter } from '../../grid/currency-filter';
import { sortModelOfColumns, toFilterModel } from '../../grid/grid-view-model';
import { databaseDatasource } from '../../grid/infinite-datasource';
import { MissingColumnsNotice } from '../../grid/MissingColumnsNotice';
import { SavedViewsMenu } from '../../grid/SavedViewsMenu';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { isSetupChange, useScreenSetup, type ScreenSetup } from '../../grid/use-screen-setup';
import { GridKeysHint } from '../../grid/GridKeysHint';
import { openFilterFromHeading, useGridKeyboard, withRangeHighlight, type CellRangeContext } from '../../grid/use-grid-keyboard';
import { ExportStatus } from './ExportStatus';
import { REVENUE_COLUMN_DEFS, type RevenueGridContext } from './revenue-columns';
import { RevenueSummary } from './RevenueSummary';
import { useRevenueExport } from './use-revenue-export';

type AppView = { orgId: string; period: string | null };
type RevenueView = AppView & { includeChildren: boolean };

export function RevenuesPage() {
  const { view, orgs, loading, error } = useAppState();
  const setup = useScreenSetup(SCREEN, REVENUE_COLUMNS);
  if (view && setup.ready) {
    const org = orgs.find((o) => o.id === view.orgId);
    const below = subtreeIds(orgs, view.orgId);
    const childNames = orgs.filter((o) => o.id !== view.orgId && below.has(o.id)).map((o) => o.name);
    return <RevenuesGrid view={view} orgName={org?.name ?? view.orgId} timeZone={org?.timeZone ?? 'UTC'} childNames={childNames} setup={setup} />;
  }
  if (error) return null; // the shell shows it
  return (
    <div className="page-message" data-testid="revenues-empty">
      {loading || view ? (
        <>
          <span className="spinner" aria-hidden="true" /> Opening the workspace…
        </>
      ) : (
        // The welcome panel stands in for this screen while the workspace has no organization.
        'Choose an organization in the sidebar to see its revenues.'
      )}
    </div>
  );
}

/** The screen's id for its kept setup and saved views. */
const SCREEN = 'revenues';

// What changes of the grid's state are the user's review setup (not its scroll or focus).

const DEFAULT_COL_DEF: ColDef<RevenueRow> = {
  sortable: true,
  resizable: true,
  // Values are shown as the API sends them; no type guessing from the first rows.
  cellDataType: false,
  suppressHeaderMenuButton: true,
  // Alt+↓ on a heading opens its filter (shown in GridKeysHint).
  suppressHeaderKeyboardEvent: openFilterFromHeading,
  // The displayed value; with tooltipShowMode 'whenTruncated', only for a cut-off name or amount.
  tooltip: true,
};

// Cells of a block picked with Shift+arrows are marked (use-grid-keyboard.ts).
const COLUMN_DEFS = withRangeHighlight(REVENUE_COLUMN_DEFS);

interface RevenuesGridProps {
  view: AppView;
  orgName: string;
  timeZone: string;
  /** Every org below the viewed one: the "Include child orgs" switch is offered when there are any. */
  childNames: string[];
  setup: ScreenSetup;
}

function RevenuesGrid({ view: appView, orgName, timeZone, childNames, setup }: RevenuesGridProps) {
  const theme = useGridTheme();
  // Dates are shown on the org's clock; a new zone (another org) draws the rows again.
  const [gridApi, setGridApi] = useState<GridApi<RevenueRow> | null>(null);
  // Ctrl/Cmd+C copies the focused cell or a Shift+arrows block: as shown, amounts exact.
  const keyboard = useGridKeyboard(gridApi);
  const gridContext = useMemo<RevenueGridContext & CellRangeContext>(() => ({ timeZone, cellRange: keyboard.cellRange }), [timeZone, keyboard.cellRange]);
  useEffect(() => gridApi?.refreshCells({ columns: ['occurredAt'], force: true }), [gridApi, gridContext]);
  const [filterModel, setFilterModel] = useState<FilterModel>(() => setup.opened.grid?.filterModel ?? {});
  const [sortModel, setSortModel] = useState<SortModel>(() => setup.opened.grid?.sortModel ?? []);
  // Columns a kept or named view named that the grid no longer has: said once, then dismissed.
  const [missing, setMissing] = useState<{ viewName: string | null; columns: string[] }>(() => ({ viewName: null, columns: setup.missing }));
  const [gridError, setGridError] = useState<ApiCallError | null>(null);
  // A parent's consolidated view: kept with the screen's setup; an org without children has nothing to add.
  const [includeChildrenChosen, setIncludeChildrenChosen] = useState(() => setup.opened.includeChildren === true);
  const includeChildren = includeChildrenChosen && childNames.length > 0;
  const view = useMemo<RevenueView>(() => ({ ...appView, includeChildren }), [appView, includeChildren]);
  const { update: updateSetup } = setup;
  const chooseIncludeChildren = useCallback(
    (checked: boolean) => {
      setIncludeChildrenChosen(checked);
      updateSetup({ includeChildren: checked });
    },
    [updateSetup],
  );

  // The datasource is made once; it reads the view at request time, so an org or period
  // change needs only a cache purge, not a new grid.
  const currentView = useRef(view);
  const datasource = useMemo(
    () =>
      databaseDatasource<RevenueRow>(
        (request) => api.call('revenues.list', { ...currentView.current, ...request }),
        (thrown) => setGridError(asApiCallError('revenues.list', thrown)),
      ),
    [],
  );

  const { clear: clearRange } = keyboard;
  const reloadRows = useCallback(() => {
    if (!gridApi) return;
    clearRange();
    setGridError(null);
    datasource.invalidate();
    gridApi.purgeInfiniteCache();
  }, [gridApi, datasource, clearRange]);

  useEffect(() => {
    if (currentView.current === view) return;
    currentView.current = view;
    if (!gridApi) return;
    reloadRows();
    gridApi.ensureIndexVisible(0, 'top');
  }, [view, gridApi, reloadRows]);

  // The Organization column says whose row it is when children's rows are in view.
  useEffect(() => gridApi?.setColumnsVisible(['orgName'], includeChildren), [gridApi, includeChildren]);

  const summary = useApiQuery('revenues.summary', { orgId: view.orgId, period: view.period, includeChildren, filterModel });
  const exporter = useRevenueExport(gridApi, { orgId: view.orgId, orgName, period: view.period, includeChildren });
  useViewExport(exporter.start);

  const onGridReady = useCallback((event: GridReadyEvent<RevenueRow>) => setGridApi(event.api), []);
  const onFilterChanged = useCallback((event: FilterChangedEvent<RevenueRow>) => {
    // The grid asks again with the new filters; an error about the old ones no longer applies.
    setGridError(null);
    clearRange(); // other rows take the picked block's places
    setFilterModel(toFilterModel(event.api.getFilterModel()));
  }, [clearRange]);
  const onSortChanged = useCallback((event: SortChangedEvent<RevenueRow>) => {
    setGridError(null);
    clearRange();
    setSortModel(sortModelOfColumns(event.api.getColumnState()));
  }, [clearRange]);
  const currency = currencyFilterOf(filterModel, 'currency');
  const pickCurrency = useCallback((code: string | null) => gridApi && setCurrencyFilter(gridApi, 'currency', code), [gridApi]);
  const currencies = summary.current ? (summary.data?.totals.map((t) => t.currency) ?? []) : [];
  const comparison = crossCurrencyComparison({ sortModel, filterModel }, ['amount'], currencies);
  const { noteGridChanged } = setup;
  const onStateUpdated = useCallback(
    (event: StateUpdatedEvent<RevenueRow>) => {
      if (isSetupChange(event)) noteGridChanged(event.api);
    },
    [noteGridChanged],
  );
  const currentState = useCallback((): ViewState => (gridApi ? { grid: gridSetupOf(gridApi), includeChildren: includeChildrenChosen } : {}), [gridApi, includeChildrenChosen]);
  const openView = useCallback(
    (name: string, state: ViewState) => {
      if (!gridApi) return;
      const restored = state.grid ? restoreGridSetup(state.grid, REVENUE_COLUMNS) : null;
      if (restored) applyGridSetup(gridApi, restored.setup);
      if (state.includeChildren !== undefined) chooseIncludeChildren(state.includeChildren);
      setMissing({ viewName: name, columns: restored?.missing ?? [] });
    },
    [gridApi, chooseIncludeChildren],
  );

  const filtered = Object.keys(filterModel).length > 0;
  const empty = summary.current && summary.data?.rowCount === 0;

  return (
    <div className="revenues-page">
      <div className="toolbar">
        <RevenueSummary summary={summary} currency={currency} onPickCurrency={pickCurrency} />
        <div className="toolbar-actions">
          {childNames.length > 0 && <IncludeChildrenToggle checked={includeChildren} onChange={chooseIncludeChildren} childNames={childNames} />}
          <ExactAmountsToggle />
          <SavedViewsMenu screen={SCREEN} currentState={currentState} onOpen={openView} disabled={!gridApi} />
          <ColumnChooser gridApi={gridApi}>
            <CsvBomToggle />
          </ColumnChooser>
          <ExportCsvButton gridApi={gridApi} exporter={exporter} testId="export-csv" title="Export the rows and columns shown, with this sort and these filters" />
        </div>
      </div>
      <ActiveFilters gridApi={gridApi} filterModel={filterModel} />
      <ExportStatus state={exporter.state} onDismiss={exporter.dismiss} />
      <CrossCurrencyNotice comparison={comparison} onPick={pickCurrency} />
      <MissingColumnsNotice missing={missing.columns} viewName={missing.viewName} onDismiss={() => setMissing({ viewName: null, columns: [] })} />
      {/* A bad filter fails both calls with the same message: show it once. */}
      {summary.error && summary.error.message !== gridError?.message && (
        <ErrorNotice error={summary.error} title="Could not total the revenues" onRetry={summary.reload} />
      )}
      {gridError && <ErrorNotice error={gridError} title="Could not load revenues" onRetry={reloadRows} />}
      <div className="grid-frame">
        <div className="grid-host" data-testid="revenues-grid">
          <AgGridReact<RevenueRow>
            {...SERVER_GRID_PROPS}
            theme={theme}
            columnDefs={COLUMN_DEFS}
            context={gridContext}
            defaultColDef={DEFAULT_COL_DEF}
            initialState={setup.initialState}
            onStateUpdated={onStateUpdated}
            datasource={datasource}
            getRowId={({ data }) => String(data.id)}
            onGridReady={onGridReady}
            onFilterChanged={onFilterChanged}
            onSortChanged={onSortChanged}
            onCellKeyDown={keyboard.onCellKeyDown}
            onCellClicked={keyboard.onCellClicked}
          />
        </div>
        <GridKeysHint />
        {empty && (
          <div className="grid-empty" data-testid="grid-empty">
            <p>{filtered ? 'No revenues match these filters.' : view.period ? `No revenues in ${periodLabel(view.period)}.` : 'No revenues yet.'}</p>
            {filtered && (
              <button type="button" className="button" onClick={() => gridApi?.setFilterModel(null)}>
                Clear filters
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
