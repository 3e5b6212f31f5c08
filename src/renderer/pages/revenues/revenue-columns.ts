import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { REVENUE_COLUMN_LABELS } from '../../../shared/contract/revenue-labels';
import { REVENUE_COLUMNS, REVENUE_KINDS, type RevenueColumn, type RevenueKind, type RevenueRow } from '../../../shared/contract/revenues';
import { formatDateTime } from '../../format/date-format';
import { isNegativeAmount } from '../../format/money-format';
import { CheckboxSetFilter, type CheckboxSetFilterParams } from '../../grid/CheckboxSetFilter';
import { MoneyCell, type MoneyCellParams } from '../../grid/MoneyCell';
import { KIND_LABELS, KindBadge } from './KindBadge';

// Filter options limited to what the server compiles (src/shared/contract/grid.ts).
const TEXT_FILTER = {
  filter: 'agTextColumnFilter',
  filterParams: {
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
    maxNumConditions: 2,
  },
} satisfies ColDef<RevenueRow>;

const NUMBER_FILTER = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'],
    // The server's range is BETWEEN: both ends included.
    inRangeInclusive: true,
    maxNumConditions: 2,
  },
} satisfies ColDef<RevenueRow>;

const DATE_FILTER = {
  filter: 'agDateColumnFilter',
  filterParams: {
    filterOptions: ['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'],
    // "From the 1st to the 31st" includes both days, as the server reads it.
    inRangeInclusive: true,
    maxNumConditions: 2,
  },
} satisfies ColDef<RevenueRow>;

const kindFilterParams: CheckboxSetFilterParams = {
  values: REVENUE_KINDS,
  labelOf: (value) => KIND_LABELS[value as RevenueKind] ?? value,
};

const amountCellParams: MoneyCellParams<RevenueRow> = { currencyOf: (row) => row.currency };

/**
 * Per-column settings; heading and id come from the contract, so they cannot drift. The
 * widths keep Amount and its Currency in view beside the sidebar on a 1360-pixel window
 * (External ID to Currency: 1,054 px of the grid's 1,066), and Amount in view at 1024 px
 * with the sidebar folded (External ID to Amount: 942 px of 944); each is at least its
 * heading and filter button, Date the longest date, Amount a million with cents and the mark.
 */
const COLUMN_SETTINGS: Record<RevenueColumn, Omit<ColDef<RevenueRow>, 'colId' | 'field' | 'headerName'>> = {
  externalId: { ...TEXT_FILTER, width: 128, cellClass: 'cell-mono' },
  occurredAt: {
    ...DATE_FILTER,
    width: 210,
    // On the org's clock, passed in the grid's context (RevenueGridContext).
    valueFormatter: ({ value, context }: ValueFormatterParams<RevenueRow, string>) => formatDateTime(value, (context as RevenueGridContext | undefined)?.timeZone),
  },
  kind: { filter: CheckboxSetFilter, filterParams: kindFilterParams, width: 110, cellRenderer: KindBadge, tooltip: false },
  payeeName: { ...TEXT_FILTER, width: 130 },
  productName: { ...TEXT_FILTER, width: 120 },
  productCategory: { ...TEXT_FILTER, width: 104 },
  amount: {
    ...NUMBER_FILTER,
    width: 140,
    type: 'rightAligned',
    // No valueFormatter: the value stays the exact string (for copy); MoneyCell shows it
    // in minor units and gives a rounded one its exact value as a tooltip.
    cellRenderer: MoneyCell,
    cellRendererParams: amountCellParams,
    tooltip: false,
    cellClass: 'cell-amount',
    cellClassRules: { 'cell-negative': ({ value }) => isNegativeAmount(value) },
  },
  currency: { ...TEXT_FILTER, width: 112 },
  // Shown with "Include child orgs" (the page sets it); after Currency, so Amount keeps its place.
  orgName: { ...TEXT_FILTER, width: 150, hide: true },
  quantity: { ...NUMBER_FILTER, width: 110, type: 'rightAligned', cellClass: 'cell-number' },
  description: { ...TEXT_FILTER, width: 260, flex: 1, minWidth: 180 },
  refundOf: { ...TEXT_FILTER, width: 130, cellClass: 'cell-mono' },
  period: { ...TEXT_FILTER, width: 110 },
};

/** What the Revenues grid's cells read from the grid's context. */
export interface RevenueGridContext {
  timeZone: string;
}

export const REVENUE_COLUMN_DEFS: ColDef<RevenueRow>[] = REVENUE_COLUMNS.map((id) => ({
  colId: id,
  field: id,
  headerName: REVENUE_COLUMN_LABELS[id],
  ...COLUMN_SETTINGS[id],
}));

export function isRevenueColumn(id: string): id is RevenueColumn {
  return (REVENUE_COLUMNS as readonly string[]).includes(id);
}
