import type { ColDef } from 'ag-grid-community';

// Column filters for the database-paged grids (payees, products, import batches and
// outcomes), limited to what the server compiles (src/shared/contract/grid.ts), as on Revenues.

export const TEXT_FILTER = {
  filter: 'agTextColumnFilter',
  filterParams: {
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
    maxNumConditions: 2,
  },
} satisfies ColDef;

export const NUMBER_FILTER = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'],
    inRangeInclusive: true,
    maxNumConditions: 2,
  },
} satisfies ColDef;

export const DATE_FILTER = {
  filter: 'agDateColumnFilter',
  filterParams: {
    filterOptions: ['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'],
    inRangeInclusive: true,
    maxNumConditions: 2,
  },
} satisfies ColDef;

export const RECORD_DEFAULT_COL_DEF: ColDef = {
  sortable: true,
  resizable: true,
  cellDataType: false,
  suppressHeaderMenuButton: true,
  tooltip: true,
};
