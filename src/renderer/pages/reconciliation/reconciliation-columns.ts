import type { ColDef } from 'ag-grid-community';
import type { ConsumptionGridRow } from '../../../shared/contract/consumption';
import type { CompensationItemRow } from '../../../shared/contract/reconciliation';
import { MoneyCell, type MoneyCellParams } from '../../grid/MoneyCell';

const recordMoney: MoneyCellParams<ConsumptionGridRow> = { currencyOf: (row) => row.currency };
const itemMoney: MoneyCellParams<CompensationItemRow> = { currencyOf: (row) => row.currency };
const TEXT = { filter: 'agTextColumnFilter', filterParams: { buttons: ['clear'], maxNumConditions: 1 } } as const;
const MONEY_FILTER = { filter: 'agNumberColumnFilter', filterParams: { buttons: ['clear'], maxNumConditions: 1 } } as const;

function money<T>(colId: string, headerName: string, params: MoneyCellParams<T>, width = 120): ColDef<T> {
  return { colId, field: colId as ColDef<T>['field'], headerName, width, type: 'rightAligned', cellRenderer: MoneyCell, cellRendererParams: params, cellClass: 'cell-amount', ...MONEY_FILTER };
}

export const STATUS_LABELS: Record<ConsumptionGridRow['status'], string> = {
  estimated: 'Estimated',
  missing_final: 'No final amount',
  finalized: 'Final, not run',
  needs_review: 'Needs review',
  held: 'Held',
  reconciled: 'Reconciled',
};

/** The records grid: estimate, final, adjustment and margin side by side, as the review reads them. */
/** The records grid's context: org names, for the Organization column of a consolidated view. */
export interface ReconGridContext {
  orgNames: ReadonlyMap<string, string>;
}

/** Whose record a row is: shown only with "Include child orgs" (not a server column: not sorted or filtered). */
export const ORGANIZATION_COLUMN: ColDef<ConsumptionGridRow> = {
  colId: 'org_id',
  field: 'org_id',
  headerName: 'Organization',
  width: 190,
  pinned: 'left',
  hide: true,
  sortable: false,
  valueFormatter: ({ value, context }) => (context as ReconGridContext | undefined)?.orgNames.get(value as string) ?? (value as string) ?? '',
};

export const RECORD_COLUMN_DEFS: ColDef<ConsumptionGridRow>[] = [
  ORGANIZATION_COLUMN,
  { colId: 'customer_name', field: 'customer_name', headerName: 'Customer', width: 170, pinned: 'left', ...TEXT },
  { colId: 'resource_name', field: 'resource_name', headerName: 'Resource', width: 150, ...TEXT },
  { colId: 'license_reference', field: 'license_reference', headerName: 'License', width: 110, ...TEXT },
  { colId: 'billing_period', field: 'billing_period', headerName: 'Month', width: 100, valueFormatter: ({ value }) => (typeof value === 'string' ? value.slice(0, 7) : '') },
  { colId: 'status', field: 'status', headerName: 'Status', width: 130, valueFormatter: ({ value }) => STATUS_LABELS[value as ConsumptionGridRow['status']] ?? '' },
  money('consumed_sell', 'Consumed', recordMoney),
  money('final_sell', 'Final', recordMoney),
  money('adjustment', 'Adjustment', recordMoney),
  { colId: 'percent_difference', field: 'percent_difference', headerName: '% diff', width: 90, type: 'rightAligned', cellClass: 'cell-amount', valueFormatter: ({ value }) => (value == null ? '' : `${value} %`) },
  money('margin', 'Margin', recordMoney),
  money('consumed_buy', 'Consumed buy', recordMoney, 130),
  money('final_buy', 'Final buy', recordMoney),
  { colId: 'currency', field: 'currency', headerName: 'Currency', width: 90, ...TEXT },
  { colId: 'project_name', field: 'project_name', headerName: 'Project', width: 150, hide: true, ...TEXT },
  { colId: 'compensation_item_uuid', field: 'compensation_item_uuid', headerName: 'Compensation item', width: 290, hide: true },
  { colId: 'invoice_item_uuid', field: 'invoice_item_uuid', headerName: 'Invoice item', width: 290, hide: true },
  { colId: 'uuid', field: 'uuid', headerName: 'Record', width: 290, hide: true, ...TEXT },
];

export const COMPENSATION_COLUMN_DEFS: ColDef<CompensationItemRow>[] = [
  { colId: 'customer_name', field: 'customer_name', headerName: 'Customer', width: 180, ...TEXT },
  { colId: 'kind', field: 'kind', headerName: 'Kind', width: 100, valueFormatter: ({ value }) => (value === 'credit' ? 'Credit' : 'Charge') },
  money('amount', 'Amount', itemMoney),
  money('buy_amount', 'Buy', itemMoney),
  { colId: 'currency', field: 'currency', headerName: 'Currency', width: 90 },
  { colId: 'billing_period', field: 'billing_period', headerName: 'Month', width: 100, valueFormatter: ({ value }) => (typeof value === 'string' ? value.slice(0, 7) : '') },
  { colId: 'invoice_item_uuid', field: 'invoice_item_uuid', headerName: 'Invoice item', width: 290 },
  { colId: 'reversed_at', field: 'reversed_at', headerName: 'Reversed', width: 170 },
  { colId: 'reversal_reason', field: 'reversal_reason', headerName: 'Reason', width: 200 },
  { colId: 'uuid', field: 'uuid', headerName: 'Item', width: 290, hide: true },
];
