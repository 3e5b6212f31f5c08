import type { ColDef } from 'ag-grid-community';
import type { PayoutExplainRow, PayoutPayeeLine } from '../../../shared/contract/payouts';
import { MoneyCell, type MoneyCellParams } from '../../grid/MoneyCell';
import { KindBadge } from '../revenues/KindBadge';

const payeeMoney: MoneyCellParams<PayoutPayeeLine> = { currencyOf: (row) => row.currency };
const explainMoney: MoneyCellParams<PayoutExplainRow> = { currencyOf: (row) => row.currency };

/** An amount column: the exact decimal string as value (copy, sort by comparator), shown by MoneyCell. */
function money<T>(field: string, headerName: string, params: MoneyCellParams<T>, width = 130): ColDef<T> {
  return {
    field: field as ColDef<T>['field'],
    headerName,
    width,
    type: 'rightAligned',
    cellRenderer: MoneyCell,
    cellRendererParams: params,
    cellClass: 'cell-amount',
    comparator: compareDecimals,
  };
}

/** Exact decimal strings compared as numbers without rounding: sign, then digits. */
export function compareDecimals(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const [ai, af = ''] = a.replace('-', '').split('.');
  const [bi, bf = ''] = b.replace('-', '').split('.');
  const width = Math.max(af.length, bf.length);
  const x = BigInt((a.startsWith('-') ? '-' : '') + ai + af.padEnd(width, '0'));
  const y = BigInt((b.startsWith('-') ? '-' : '') + bi + bf.padEnd(width, '0'));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The per-payee grid: the run's columns in the order an accountant reads them. */
export const PAYEE_COLUMN_DEFS: ColDef<PayoutPayeeLine>[] = [
  { field: 'payeeName', headerName: 'Payee', width: 200, pinned: 'left' },
  { field: 'payeeExternalId', headerName: 'Payee ID', width: 120 },
  { field: 'currency', headerName: 'Currency', width: 100 },
  money('opening', 'Opening', payeeMoney),
  money('earned', 'Earned', payeeMoney),
  money('reversed', 'Reversed', payeeMoney),
  money('adjusted', 'Adjusted', payeeMoney),
  money('held', 'Held', payeeMoney),
  money('belowThreshold', 'Below threshold', payeeMoney, 150),
  money('payable', 'Payable', payeeMoney),
  money('closing', 'Closing', payeeMoney),
  { field: 'reason', headerName: 'Reason', width: 320 },
];

/** A consolidated view's lines: the same columns with the org each line's run belongs to. */
export const GROUP_COLUMN_DEFS: ColDef<PayoutPayeeLine>[] = [
  { colId: 'orgName', headerName: 'Organization', width: 190, pinned: 'left', valueGetter: ({ data }) => (data && 'orgName' in data ? (data.orgName as string) : '') },
  ...PAYEE_COLUMN_DEFS,
];

/** Explain: one row per revenue that gave the payee a share. */
export const EXPLAIN_COLUMN_DEFS: ColDef<PayoutExplainRow>[] = [
  { field: 'occurredAt', headerName: 'Date', width: 120, valueFormatter: ({ value }) => (typeof value === 'string' ? value.slice(0, 10) : '') },
  { field: 'revenueExternalId', headerName: 'Revenue', width: 150 },
  { field: 'kind', headerName: 'Kind', width: 110, cellRenderer: KindBadge, tooltip: false },
  { field: 'productName', headerName: 'Product', width: 180 },
  money('amount', 'Amount', explainMoney),
  money('share', 'Share', explainMoney),
  { field: 'ruleName', headerName: 'Rule', width: 180, valueFormatter: ({ value }) => value ?? 'No rule' },
  { field: 'ruleVersion', headerName: 'Version', width: 90, type: 'rightAligned' },
  { field: 'basis', headerName: 'Basis', width: 110, valueFormatter: ({ value }) => (value === 'fallback' ? 'Fallback %' : 'Rule split') },
  { field: 'refundOf', headerName: 'Refund of', width: 130 },
];

/** The columns a kept setup of the payee grid may name (the consolidated view's Organization included). */
export const PAYOUT_SETUP_COLUMNS: string[] = GROUP_COLUMN_DEFS.map((c) => c.colId ?? String(c.field));
