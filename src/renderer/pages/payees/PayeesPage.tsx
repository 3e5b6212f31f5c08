import { useCallback, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { RowClickedEvent } from 'ag-grid-community';
import type { PayeeRow } from '../../../shared/contract/payees';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ActiveFilters } from '../../grid/ActiveFilters';
import { useGridTheme } from '../../grid/grid-theme';
import type { PageRequest } from '../../grid/infinite-datasource';
import { RECORD_DEFAULT_COL_DEF } from '../../grid/record-filters';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { useRecordGrid } from '../../grid/use-record-grid';
import { payeeColumnDefs } from './payee-columns';
import { PayeeForm } from './PayeeForm';
import { PayeeHold } from './PayeeHold';
import '../../styles/orgs.css';
import '../../styles/records.css';

type Panel = { kind: 'none' } | { kind: 'new'; serial: number } | { kind: 'payee'; id: number };

export function PayeesPage() {
  const { view, orgs, loading, error } = useAppState();
  if (view) return <PayeesScreen orgId={view.orgId} orgCurrency={orgs.find((o) => o.id === view.orgId)?.currency ?? 'USD'} />;
  if (error) return null; // the shell shows it
  return (
    <div className="page-message" data-testid="payees-empty">
      {loading ? 'Opening the workspace…' : 'Choose an organization in the sidebar to see its payees.'}
    </div>
  );
}

const loadPayees = (orgId: string, request: PageRequest) => api.call('payees.list', { orgId, ...request });

function PayeesScreen({ orgId, orgCurrency }: { orgId: string; orgCurrency: string }) {
  const theme = useGridTheme();
  const grid = useRecordGrid<PayeeRow>('payees.list', orgId, loadPayees);
  const columnDefs = useMemo(() => payeeColumnDefs(orgCurrency), [orgCurrency]);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [saves, setSaves] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const openId = panel.kind === 'payee' ? panel.id : null;
  const payee = useApiQuery('payees.get', openId === null ? null : { orgId, id: openId }, saves);
  const { reloadRows } = grid;

  const afterWrite = useCallback(
    (id: number, words: string) => {
      setNotice(words);
      setSaves((n) => n + 1);
      setPanel({ kind: 'payee', id });
      reloadRows();
    },
    [reloadRows],
  );
  const open = (id: number) => {
    setNotice(null);
    setPanel({ kind: 'payee', id });
  };
  const filtered = Object.keys(grid.filterModel).length > 0;
  const shown = payee.data && openId !== null && payee.data.id === openId ? payee.data : null;

  return (
    <div className="records-page" data-testid="payees-page">
      <div className="toolbar">
        <p className="row-count" data-testid="payees-count">
          {grid.rowCount === null ? 'Loading payees…' : `${grid.rowCount.toLocaleString()} ${grid.rowCount === 1 ? 'payee' : 'payees'}${filtered ? ' match the filters' : ''}`}
        </p>
        <div className="toolbar-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setPanel((p) => ({ kind: 'new', serial: p.kind === 'new' ? p.serial + 1 : 0 }));
            }}
            data-testid="new-payee"
          >
            New payee
          </button>
        </div>
      </div>
      <ActiveFilters gridApi={grid.gridApi} filterModel={grid.filterModel} />
      {grid.gridError && <ErrorNotice error={grid.gridError} title="Could not load the payees" onRetry={reloadRows} />}
      <div className={panel.kind === 'none' ? 'records-layout records-layout-grid-only' : 'records-layout'}>
        <div className="grid-frame">
          <div className="grid-host" data-testid="payees-grid">
            <AgGridReact<PayeeRow>
              {...SERVER_GRID_PROPS}
              theme={theme}
              columnDefs={columnDefs}
              defaultColDef={RECORD_DEFAULT_COL_DEF}
              datasource={grid.datasource}
              getRowId={({ data }) => String(data.id)}
              onGridReady={grid.onGridReady}
              onFilterChanged={grid.onFilterChanged}
              onRowClicked={(event: RowClickedEvent<PayeeRow>) => event.data && open(event.data.id)}
              rowClassRules={{ 'row-selected-record': ({ data }) => data?.id === openId }}
            />
          </div>
          {grid.rowCount === 0 && (
            <div className="grid-empty" data-testid="grid-empty">
              <p>{filtered ? 'No payees match these filters.' : 'No payees yet. Create one, or import a payees file.'}</p>
              {filtered && (
                <button type="button" className="button" onClick={() => grid.gridApi?.setFilterModel(null)}>
                  Clear filters
                </button>
              )}
            </div>
          )}
        </div>
        {panel.kind !== 'none' && (
          <aside className="record-panel" aria-labelledby="payee-panel-title" data-testid="payee-panel">
            <div className="record-panel-head">
              <h2 className="record-panel-title" id="payee-panel-title">
                {panel.kind === 'new' ? 'New payee' : (shown?.name ?? 'Payee')}
              </h2>
              <button type="button" className="button button-quiet button-small" onClick={() => setPanel({ kind: 'none' })} aria-label="Close the panel">
                Close
              </button>
            </div>
            {notice && (
              <p className="notice notice-success" role="status" data-testid="payee-saved">
                {notice}
              </p>
            )}
            {panel.kind === 'new' && (
              <PayeeForm key={panel.serial} orgId={orgId} payee={null} onSaved={(id) => afterWrite(id, 'Payee created.')} onCancel={() => setPanel({ kind: 'none' })} />
            )}
            {panel.kind === 'payee' && payee.error && <ErrorNotice error={payee.error} title="Could not open the payee" onRetry={payee.reload} />}
            {shown && (
              <>
                <PayeeHold
                  key={`hold-${shown.id}-${shown.updatedAt}`}
                  orgId={orgId}
                  payee={shown}
                  onChanged={(p) => afterWrite(p.id, p.onHold ? 'Payee put on hold.' : 'Hold released.')}
                />
                <PayeeForm
                  key={`${shown.id}-${shown.updatedAt}`}
                  orgId={orgId}
                  payee={shown}
                  onSaved={(id, status) => afterWrite(id, status === 'unchanged' ? 'Nothing changed.' : 'Changes saved.')}
                />
              </>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
