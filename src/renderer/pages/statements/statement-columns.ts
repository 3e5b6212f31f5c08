import type { ColDef, ValueGetterParams } from 'ag-grid-community';
import type { StatementAmounts, StatementDetail } from '../../../shared/contract/statements';
import { MoneyCell, type MoneyCellParams } from '../../grid/MoneyCell';
import { compareDecimals } from '../payouts/payout-columns';

const statementMoney: MoneyCellParams<StatementDetail> = { currencyOf: (row) => row.amounts.currency };

/** An amount column: the exact decimal string from `amounts` is the value (sorted, copied and exported as such). */
function money(key: keyof StatementAmounts, headerName: string, width = 120): ColDef<StatementDetail> {
  return {
    colId: key,
    headerName,
    width,
    valueGetter: (params: ValueGetterParams<StatementDetail>) => params.data?.amounts[key] ?? null,
    type: 'rightAligned',
    cellRenderer: MoneyCell,
    cellRendererParams: statementMoney,
    cellClass: 'cell-amount',
    comparator: compareDecimals,
  };
}

const COUNT = new Intl.NumberFormat('en');
/** A count column, grouped on screen; the CSV keeps the plain number. */
function count(field: 'seats' | 'record_count' | 'version_count', headerName: string, width = 100): ColDef<StatementDetail> {
  return { field, headerName, width, type: 'rightAligned', valueFormatter: (p) => (typeof p.value === 'number' ? COUNT.format(p.value) : '') };
}

export const STATEMENT_COLUMN_DEFS: ColDef<StatementDetail>[] = [
  { field: 'name', headerName: 'Statement', width: 290, pinned: 'left' },
  { field: 'date_start', headerName: 'From', width: 110 },
  { field: 'date_end', headerName: 'To', width: 110 },
  { colId: 'is_current', headerName: 'Cycle', width: 100, valueGetter: (p) => (p.data?.is_current ? 'Current' : 'Past') },
  // Synced from the org's online system (sync.run, seed 004) or generated here from its plans and usage.
  { colId: 'origin', headerName: 'Origin', width: 160, valueGetter: (p) => (p.data?.origin !== 'synced' ? 'Generated here' : p.data.deleted_on_server_at ? 'Gone from online' : 'Online (synced)') },
  count('seats', 'Seats', 90),
  money('subscription_cost', 'Subscription'),
  count('record_count', 'Records'),
  money('ppu_cost', 'Pay-per-use'),
  money('section_widget_usage_cost', 'Section widgets', 130),
  money('column_widget_usage_cost', 'Column widgets', 130),
  count('version_count', 'Versions'),
  money('record_storage_cost', 'Record storage', 130),
  money('file_storage_cost', 'File storage'),
  money('backup_cost', 'Backups'),
  money('total', 'Total'),
  money('credits_applied', 'Credits applied', 130),
  money('amount_due', 'Amount due'),
  { colId: 'currency', headerName: 'Currency', width: 95, valueGetter: (p) => p.data?.amounts.currency },
];
