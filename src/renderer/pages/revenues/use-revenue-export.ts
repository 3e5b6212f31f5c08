import { useCallback } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { RevenueColumn, RevenueRow } from '../../../shared/contract/revenues';
import { api } from '../../api/client';
import { useCsvBom } from '../../grid/csv-bom-setting';
import { useGridExport, type GridViewToExport } from '../../grid/use-grid-export';
import { isRevenueColumn } from './revenue-columns';

export type { ExportState } from '../../grid/use-grid-export';

interface ExportTarget {
  orgId: string;
  orgName: string;
  period: string | null;
  includeChildren: boolean;
}

/** Exports exactly what the revenues grid shows (see useGridExport). */
export function useRevenueExport(gridApi: GridApi<RevenueRow> | null, { orgId, orgName, period, includeChildren }: ExportTarget) {
  const bom = useCsvBom();
  const save = useCallback(
    (view: GridViewToExport<RevenueColumn>, onProgress: Parameters<typeof api.saveFile>[2]['onProgress']) =>
      api.saveFile('revenues.export', { orgId, period, includeChildren, ...view, bom }, {
        title: 'Export revenues as CSV',
        fileName: exportFileName({ orgName, period, includeChildren }),
        onProgress,
      }),
    [orgId, orgName, period, includeChildren, bom],
  );
  return useGridExport(gridApi, 'revenues.export', isRevenueColumn, save);
}

/** "revenues-northwind-records-2025-02.csv": says what is inside when it lands in Downloads. */
function exportFileName({ orgName, period, includeChildren }: Omit<ExportTarget, 'orgId'>): string {
  const org = orgName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `revenues-${org || 'org'}${includeChildren ? '-with-children' : ''}-${period ?? 'all-periods'}.csv`;
}
