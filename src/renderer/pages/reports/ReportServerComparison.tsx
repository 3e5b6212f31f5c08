import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { ClientSideRowModelModule, type ColDef, type ColGroupDef } from 'ag-grid-community';
import type { ReportCellValue, ReportColumnInfo, ReportParamValues, ReportPeriod } from '../../../shared/contract/reports';
import { compareReportRows, type ComparedRow } from '../../../shared/report-compare';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useGridTheme } from '../../grid/grid-theme';
import { compareDecimals } from '../payouts/payout-columns';

interface Props {
  orgId: string;
  reportType: string;
  period: ReportPeriod;
  params: ReportParamValues;
  columns: ReportColumnInfo[];
  rows: Array<Record<string, ReportCellValue>>;
}

type GridRow = ComparedRow & { id: number };

const MODULES = [ClientSideRowModelModule];
const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true } as const;
const SIDE_TEXT = { both: '', local_only: 'here only', server_only: 'server only' } as const;

/**
 * The server's figures for this report and month (synced from the org's online system,
 * seed 000) beside the local ones, with server − local per row: where the two computations
 * disagree. Shown only for the report's default parameters, the ones a sync reads.
 */
export function ReportServerComparison({ orgId, reportType, period, params, columns, rows }: Props) {
  const theme = useGridTheme();
  const query = useApiQuery('sync.serverReport', { orgId, report_type: reportType, year: period.year, month: period.month });
  const server = query.current ? (query.data?.result ?? null) : null;
  const comparison = useMemo(() => (server ? compareReportRows(columns, rows, server.columns, server.rows) : null), [server, columns, rows]);
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const columnDefs = useMemo(() => (comparison ? comparisonColumns(comparison.keyColumns, comparison.figureColumns) : []), [comparison]);
  if (query.error) return <ErrorNotice error={query.error} title="Could not read the server's figures" onRetry={query.reload} />;
  if (!query.current) return null;
  if (!server || !comparison) {
    return (
      <p className="muted report-server-none" data-testid="report-server-none">
        No figures from the org&apos;s online system for this month: sync the reports source (Sync screen) to compare them with these.
      </p>
    );
  }
  const customParams = Object.values(params).some((v) => v !== null && v !== '');
  const shown: GridRow[] = comparison.rows.map((r, id) => ({ ...r, id })).filter((r) => !onlyDiffering || r.differs);
  return (
    <section className="report-server" data-testid="report-server">
      <div className="toolbar report-server-head">
        <h3 className="report-server-title">Online system vs here</h3>
        <p className="muted" data-testid="report-server-summary">
          {comparison.differing === 0
            ? `All ${comparison.rows.length} rows agree with the server's figures`
            : `${comparison.differing} of ${comparison.rows.length} rows differ from the server's figures`}{' '}
          (synced {new Date(server.synced_at).toLocaleString()}, the server said {server.status === 'finalized' ? 'finalized' : 'in progress'}).
          {customParams && ' The server figures are for the default parameters.'}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} data-testid="report-server-only-differing" /> Only rows that differ
        </label>
      </div>
      <div className="grid-frame report-grid" style={{ height: Math.min(Math.max(80 + shown.length * 36, 160), 440) }}>
        <div className="grid-host" data-testid="report-server-grid">
          <AgGridReact<GridRow>
            modules={MODULES}
            theme={theme}
            rowData={shown}
            getRowId={({ data }) => String(data.id)}
            columnDefs={columnDefs}
            defaultColDef={DEFAULT_COL_DEF}
            rowClassRules={{ 'report-server-differs': ({ data }) => data?.differs === true }}
            enableCellTextSelection
          />
        </div>
        {shown.length === 0 && (
          <div className="grid-empty">
            <p>No row differs.</p>
          </div>
        )}
      </div>
    </section>
  );
}

function comparisonColumns(keyColumns: string[], figureColumns: string[]): Array<ColDef<GridRow> | ColGroupDef<GridRow>> {
  const keys: Array<ColDef<GridRow>> = keyColumns.map((name) => ({
    colId: `key:${name}`,
    headerName: name.replace(/_/g, ' '),
    valueGetter: ({ data }) => data?.key[name] ?? null,
    pinned: 'left',
    width: name === 'currency' || name.endsWith('_currency') ? 100 : 160,
  }));
  keys.push({ colId: 'side', headerName: 'row', valueGetter: ({ data }) => (data ? SIDE_TEXT[data.side] : ''), width: 110 });
  const figure = (name: string, part: 'local' | 'server' | 'difference', header: string): ColDef<GridRow> => ({
    colId: `${name}:${part}`,
    headerName: header,
    valueGetter: ({ data }) => data?.cells[name]?.[part] ?? null,
    type: 'rightAligned',
    width: 130,
    comparator: (a: string | null, b: string | null) => compareDecimals(a, b),
    cellClass: part === 'difference' ? ({ value }) => (value !== null && value !== '0' ? 'cell-amount report-server-difference' : 'cell-amount') : 'cell-amount',
  });
  const groups: Array<ColGroupDef<GridRow>> = figureColumns.map((name) => ({
    headerName: name.replace(/_/g, ' '),
    children: [figure(name, 'local', 'here'), figure(name, 'server', 'server'), figure(name, 'difference', 'difference')],
  }));
  return [...keys, ...groups];
}
