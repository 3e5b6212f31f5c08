import { useCallback, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { RevenueRow } from '../../../shared/contract/revenues';
import { asApiCallError, isAbort, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { sortModelOfColumns, toFilterModel } from '../../grid/grid-view-model';
import { isRevenueColumn } from './revenue-columns';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; rows: number | null }
  | { status: 'done'; rowCount: number; savedAs: string }
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiCallError };

interface ExportTarget {
  orgId: string;
  orgName: string;
  period: string | null;
}

/**
 * Exports exactly what the grid shows: its sort, its filters, and the displayed columns
 * in their displayed order (moved or hidden columns included), read from the grid itself
 * at the moment of export.
 */
export function useRevenueExport(gridApi: GridApi<RevenueRow> | null, { orgId, orgName, period }: ExportTarget) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef(false);

  const start = useCallback(async () => {
    if (!gridApi || running.current) return;
    const columns = gridApi
      .getAllDisplayedColumns()
      .map((column) => column.getColId())
      .filter(isRevenueColumn);
    if (columns.length === 0) return;
    running.current = true;
    setState({ status: 'running', rows: null });
    try {
      const saved = await api.saveFile(
        'revenues.export',
        {
          orgId,
          period,
          sortModel: sortModelOfColumns(gridApi.getColumnState()),
          filterModel: toFilterModel(gridApi.getFilterModel()),
          columns,
        },
        {
          title: 'Export revenues as CSV',
          fileName: exportFileName({ orgId, orgName, period }),
          onProgress: (event) => setState({ status: 'running', rows: event.done }),
        },
      );
      setState(saved ? { status: 'done', rowCount: saved.rowCount, savedAs: saved.savedAs } : { status: 'cancelled' });
    } catch (thrown) {
      setState(isAbort(thrown) ? { status: 'cancelled' } : { status: 'failed', error: asApiCallError('revenues.export', thrown) });
    } finally {
      running.current = false;
    }
  }, [gridApi, orgId, orgName, period]);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, dismiss };
}

/** "revenues-northwind-records-2025-02.csv": says what is inside when it lands in Downloads. */
function exportFileName({ orgName, period }: ExportTarget): string {
  const org = orgName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `revenues-${org || 'org'}-${period ?? 'all-periods'}.csv`;
}
