import type { GridOptions } from 'ag-grid-community';

/**
 * What every grid paged from the server shares: the infinite row model in 100-row blocks,
 * at most 40 kept (memory stays flat however far a user scrolls), no block fetched while
 * the scrollbar is dragged past it, the page's own empty states instead of AG Grid's
 * overlay, tooltips for cut-off cells only, text that can be selected and copied, and
 * Tab that leaves the grid rather than walking every heading and cell.
 */
export const SERVER_GRID_PROPS: GridOptions = {
  rowModelType: 'infinite',
  cacheBlockSize: 100,
  maxBlocksInCache: 40,
  maxConcurrentDatasourceRequests: 2,
  blockLoadDebounceMillis: 60,
  suppressOverlays: ['noRows', 'noMatchingRows'],
  tooltipShowMode: 'whenTruncated',
  tooltipShowDelay: 400,
  ensureDomOrder: true,
  enableCellTextSelection: true,
  // Tab leaves the grid (one stop in the page's tab order); arrows move inside it.
  tabToNextCell: () => false,
  tabToNextHeader: () => false,
};
