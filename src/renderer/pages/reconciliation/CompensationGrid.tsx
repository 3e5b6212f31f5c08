import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CompensationItemRow } from '../../../shared/contract/reconciliation';
import { api } from '../../api/client';
import { databaseDatasource } from '../../grid/infinite-datasource';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { useGridTheme } from '../../grid/grid-theme';
import { COMPENSATION_COLUMN_DEFS } from './reconciliation-columns';

const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true, tooltip: true } as const;

/** The credits and charges reconciliation made, paged from the database. */
export function CompensationGrid({
  orgId,
  includeChildren,
  period,
  customerUuid,
  onError,
}: {
  orgId: string;
  includeChildren: boolean;
  period: string | null;
  customerUuid: string | null;
  onError: (e: unknown) => void;
}) {
  const theme = useGridTheme();
  const datasource = useMemo(
    () => databaseDatasource((page) => api.call('reconciliation.compensationItems', { orgId, includeChildren, period, customerUuid, ...page }), onError),
    [orgId, includeChildren, period, customerUuid, onError],
  );
  return (
    <div className="grid-host" data-testid="recon-items-grid">
      <AgGridReact<CompensationItemRow>
        {...SERVER_GRID_PROPS}
        theme={theme}
        datasource={datasource}
        columnDefs={COMPENSATION_COLUMN_DEFS}
        defaultColDef={DEFAULT_COL_DEF}
        getRowId={({ data }) => data.uuid}
        rowClassRules={{ 'recon-reversed': ({ data }) => data?.reversed_at != null }}
      />
    </div>
  );
}
