import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { PAYEE_COLUMNS, PAYEE_HOLD_STATES, type PayeeColumn, type PayeeRow } from '../../../shared/contract/payees';
import { formatDateTime } from '../../format/date-format';
import { CheckboxSetFilter, type CheckboxSetFilterParams } from '../../grid/CheckboxSetFilter';
import { MoneyCell, type MoneyCellParams } from '../../grid/MoneyCell';
import { DATE_FILTER, NUMBER_FILTER, TEXT_FILTER } from '../../grid/record-filters';
import { HoldBadge } from './HoldBadge';

export const PAYEE_COLUMN_LABELS: Record<PayeeColumn, string> = {
  id: 'ID',
  externalId: 'External ID',
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
  payoutCurrency: 'Paid in',
  onHold: 'Hold',
  holdReason: 'Hold reason',
  threshold: 'Minimum payout',
  fallbackPercentage: 'Fallback %',
  createdAt: 'Created',
  updatedAt: 'Updated',
};

const holdFilterParams: CheckboxSetFilterParams = { values: PAYEE_HOLD_STATES, labelOf: (value) => (value === 'held' ? 'On hold' : 'Not on hold') };

const dateTime = ({ value }: ValueFormatterParams<PayeeRow, string>) => formatDateTime(value);

/** Column settings; the minimum payout is shown in the payee's payout currency, else the org's. */
export function payeeColumnDefs(orgCurrency: string): ColDef<PayeeRow>[] {
  const thresholdParams: MoneyCellParams<PayeeRow> = { currencyOf: (row) => row.payoutCurrency ?? orgCurrency };
  const settings: Record<PayeeColumn, Omit<ColDef<PayeeRow>, 'colId' | 'field' | 'headerName'>> = {
    id: { ...NUMBER_FILTER, width: 80, hide: true },
    name: { ...TEXT_FILTER, width: 190, cellClass: 'cell-strong', sort: 'asc' },
    externalId: { ...TEXT_FILTER, width: 140, cellClass: 'cell-mono' },
    onHold: { filter: CheckboxSetFilter, filterParams: holdFilterParams, width: 100, cellRenderer: HoldBadge, tooltip: false },
    holdReason: { ...TEXT_FILTER, width: 220 },
    payoutCurrency: { ...TEXT_FILTER, width: 96 },
    threshold: { ...NUMBER_FILTER, width: 160, type: 'rightAligned', cellRenderer: MoneyCell, cellRendererParams: thresholdParams, tooltip: false, cellClass: 'cell-amount' },
    fallbackPercentage: { ...TEXT_FILTER, width: 132, type: 'rightAligned', valueFormatter: ({ value }) => (value ? `${value} %` : '') },
    email: { ...TEXT_FILTER, width: 220 },
    phone: { ...TEXT_FILTER, width: 150 },
    // One line in the grid; the form shows it as written.
    address: { ...TEXT_FILTER, width: 240, valueFormatter: ({ value }) => (value ? String(value).replace(/\s*\n\s*/g, ', ') : '') },
    createdAt: { ...DATE_FILTER, width: 170, hide: true, valueFormatter: dateTime },
    updatedAt: { ...DATE_FILTER, width: 170, valueFormatter: dateTime },
  };
  const order: PayeeColumn[] = ['name', 'externalId', 'onHold', 'holdReason', 'payoutCurrency', 'threshold', 'fallbackPercentage', 'email', 'phone', 'address', 'updatedAt', 'createdAt', 'id'];
  if (order.length !== PAYEE_COLUMNS.length) throw new Error('every payee column has a place in the grid');
  return order.map((id) => ({ colId: id, field: id, headerName: PAYEE_COLUMN_LABELS[id], ...settings[id] }));
}
