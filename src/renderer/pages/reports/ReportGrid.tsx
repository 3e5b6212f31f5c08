import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { ClientSideRowModelModule, type ColDef } from 'ag-grid-community';
import type { ReportCellValue, ReportColumnInfo } from '../../../shared/contract/reports';
import { useGridTheme } from '../../grid/grid-theme';
import { MoneyCell } from '../../grid/MoneyCell';
import { compareDecimals } from '../payouts/payout-columns';

type Row = Record<string, ReportCellValue>;

// A report's month is at most a few thousand rows and arrives whole: sorted in the page.
const MODULES = [ClientSideRowModelModule];
const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true, tooltip: true } as const;

/** The declared columns; money right-aligned through MoneyCell (exact string kept as the value). */
export function ReportGrid({ columns, rows }: { columns: ReportColumnInfo[]; rows: Row[] }) {
  const theme = useGridTheme();
  const columnDefs = useMemo(() => columns.map(columnDef), [columns]);
  return (
    // As tall as its rows (a header and ~36 px a row), between a few rows and a screenful.
    <div className="grid-frame report-grid" style={{ height: Math.min(Math.max(44 + rows.length * 36, 160), 440) }}>
      <div className="grid-host" data-testid="report-grid">
        <AgGridReact<Row> modules={MODULES} theme={theme} rowData={rows} columnDefs={columnDefs} defaultColDef={DEFAULT_COL_DEF} tooltipShowMode="whenTruncated" enableCellTextSelection />
      </div>
      {rows.length === 0 && (
        <div className="grid-empty" data-testid="report-grid-empty">
          <p>No rows for this month with these parameters.</p>
        </div>
      )}
    </div>
  );
}

function columnDef(column: ReportColumnInfo): ColDef<Row> {
  const base: ColDef<Row> = { colId: column.name, field: column.name, headerName: column.name.replace(/_/g, ' '), headerTooltip: column.description, minWidth: 90 };
  if (column.type === 'money') {
    const currencyColumn = column.currency_column ?? 'currency';
    return {
      ...base,
      type: 'rightAligned',
      cellRenderer: MoneyCell,
      cellRendererParams: { currencyOf: (row: Row) => String(row[currencyColumn] ?? '') },
      cellClass: 'cell-amount',
      comparator: (a: string | null, b: string | null) => compareDecimals(a, b),
      width: 150,
    };
  }
  if (column.type === 'decimal') return { ...base, type: 'rightAligned', width: 120, comparator: (a: string | null, b: string | null) => compareDecimals(a, b) };
  if (column.type === 'integer') return { ...base, type: 'rightAligned', width: 110 };
  if (column.type === 'boolean') return { ...base, width: 110, valueFormatter: ({ value }) => (value === true ? 'yes' : value === false ? 'no' : '') };
  if (column.name === 'currency' || column.name.endsWith('_currency')) return { ...base, width: 100 };
  // Ids and short codes keep a fixed width; names take what is left.
  if (/(_id|_uuid|^sid|kind|_type)$/.test(column.name) || column.type === 'date') return { ...base, width: column.name.endsWith('_uuid') ? 180 : 150 };
  return { ...base, flex: 1, minWidth: 140 };
}
