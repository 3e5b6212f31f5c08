import type { ColumnState, GridApi, GridState } from 'ag-grid-community';
import type { FilterModel } from '../../shared/contract/grid';
import type { GridSetup } from '../../shared/contract/views';
import { sortModelOfColumns, toFilterModel } from './grid-view-model';

// A grid's review setup (column order, hidden columns, widths, sort, filters) as the
// workspace keeps it (GridSetup), read from a live grid and given back to a new one.

/** What the grid shows now. Widths only for fixed-width columns: a flex column fills the space left. */
export function gridSetupOf(api: GridApi): GridSetup {
  const state = api.getColumnState();
  return {
    columns: state.map((c) => ({ colId: c.colId, hide: c.hide === true, ...(c.flex == null && c.width ? { width: Math.round(c.width) } : {}) })),
    sortModel: sortModelOfColumns(state),
    filterModel: toFilterModel(api.getFilterModel()),
  };
}

export interface RestoredGridSetup {
  /** The setup without what names a column the grid no longer has. */
  setup: GridSetup;
  /** Column ids the saved setup named that the grid does not have, in the order met. */
  missing: string[];
}

/**
 * A saved setup made fit for a grid whose columns are `known`: columns, sorts and filters on
 * columns that no longer exist are left out (and listed, so the screen can say so); columns
 * added since keep their place at the end, shown.
 */
export function restoreGridSetup(saved: GridSetup, known: readonly string[]): RestoredGridSetup {
  const missing: string[] = [];
  const keep = (colId: string) => {
    if (known.includes(colId)) return true;
    if (!missing.includes(colId)) missing.push(colId);
    return false;
  };
  const columns = saved.columns.filter((c) => keep(c.colId));
  for (const colId of known) if (!columns.some((c) => c.colId === colId)) columns.push({ colId, hide: false });
  const sortModel = saved.sortModel.filter((s) => keep(s.colId));
  const filterModel: FilterModel = {};
  for (const [colId, filter] of Object.entries(saved.filterModel)) if (keep(colId)) filterModel[colId] = filter;
  // A view hiding every column would leave nothing to show or export.
  if (columns.length > 0 && columns.every((c) => c.hide)) columns[0] = { ...columns[0], hide: false };
  return { setup: { columns, sortModel, filterModel }, missing };
}

/** AG Grid's initialState for a setup: a new grid opens with it, its first request already filtered. */
export function initialGridState(setup: GridSetup): GridState {
  return {
    columnOrder: { orderedColIds: setup.columns.map((c) => c.colId) },
    columnVisibility: { hiddenColIds: setup.columns.filter((c) => c.hide).map((c) => c.colId) },
    columnSizing: { columnSizingModel: setup.columns.filter((c) => c.width !== undefined).map((c) => ({ colId: c.colId, width: c.width })) },
    sort: { sortModel: setup.sortModel.map(({ colId, sort }) => ({ colId, sort })) },
    filter: { filterModel: setup.filterModel },
  };
}

/** Puts a setup on a live grid (a named view opened). */
export function applyGridSetup(api: GridApi, setup: GridSetup): void {
  const state: ColumnState[] = setup.columns.map((c) => {
    const sortIndex = setup.sortModel.findIndex((s) => s.colId === c.colId);
    return {
      colId: c.colId,
      hide: c.hide,
      ...(c.width !== undefined ? { width: c.width } : {}),
      sort: sortIndex >= 0 ? setup.sortModel[sortIndex].sort : null,
      sortIndex: sortIndex >= 0 ? sortIndex : null,
    };
  });
  api.applyColumnState({ state, applyOrder: true });
  api.setFilterModel(setup.filterModel);
}
