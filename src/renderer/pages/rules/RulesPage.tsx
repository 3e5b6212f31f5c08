import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, FilterChangedEvent, GridApi, GridReadyEvent, RowClickedEvent, StateUpdatedEvent } from 'ag-grid-community';
import type { RuleRecord, RuleRow } from '../../../shared/contract/rules';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ActiveFilters } from '../../grid/ActiveFilters';
import { useGridTheme } from '../../grid/grid-theme';
import { toFilterModel } from '../../grid/grid-view-model';
import { databaseDatasource } from '../../grid/infinite-datasource';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { isSetupChange, useScreenSetup, type ScreenSetup } from '../../grid/use-screen-setup';
import type { FilterModel } from '../../../shared/contract/grid';
import { RULE_COLUMN_DEFS, RULE_GRID_COLUMNS } from './rule-columns';
import { RuleConflictsBanner } from './RuleConflictsBanner';
import { RuleForm } from './RuleForm';
import { RuleVersions } from './RuleVersions';
import '../../styles/orgs.css';
import '../../styles/rules.css';

/** What the side panel shows: nothing chosen, a new rule's form, or one rule (form and versions). */
type Panel = { kind: 'none' } | { kind: 'new'; serial: number } | { kind: 'rule'; id: number };

export function RulesPage() {
  const { view, loading, error } = useAppState();
  // The grid's sort, filters and columns are kept per workspace, as on the Revenues screen.
  const setup = useScreenSetup('rules', RULE_GRID_COLUMNS);
  if (view && setup.ready) return <RulesScreen orgId={view.orgId} period={view.period} setup={setup} />;
  if (error) return null; // the shell shows it
  return (
    <div className="page-message" data-testid="rules-empty">
      {loading || view ? 'Opening the workspace…' : 'Choose an organization in the sidebar to see its rules.'}
    </div>
  );
}

const DEFAULT_COL_DEF: ColDef<RuleRow> = {
  sortable: true,
  resizable: true,
  cellDataType: false,
  suppressHeaderMenuButton: true,
  tooltip: true,
};


function RulesScreen({ orgId, period, setup }: { orgId: string; period: string | null; setup: ScreenSetup }) {
  const theme = useGridTheme();
  const [gridApi, setGridApi] = useState<GridApi<RuleRow> | null>(null);
  const [gridError, setGridError] = useState<ApiCallError | null>(null);
  const [filterModel, setFilterModel] = useState<FilterModel>(() => setup.opened.grid?.filterModel ?? {});
  const { noteGridChanged } = setup;
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [rowCount, setRowCount] = useState<number | null>(null);
  // Bumped after each save: the grid, the open rule, its versions and the conflicts are asked again.
  const [saves, setSaves] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  const currentOrg = useRef(orgId);
  const datasource = useMemo(
    () =>
      databaseDatasource<RuleRow>(
        async (request) => {
          const page = await api.call('rules.list', {
            orgId: currentOrg.current,
            ...request,
          });
          setRowCount(page.rowCount);
          return page;
        },
        (thrown) => setGridError(asApiCallError('rules.list', thrown)),
      ),
    [],
  );
  const reloadRows = useCallback(() => {
    if (!gridApi) return;
    setGridError(null);
    datasource.invalidate();
    gridApi.purgeInfiniteCache();
  }, [gridApi, datasource]);

  useEffect(() => {
    if (currentOrg.current === orgId) return;
    currentOrg.current = orgId;
    setPanel({ kind: 'none' });
    reloadRows();
  }, [orgId, reloadRows]);

  const openId = panel.kind === 'rule' ? panel.id : null;

  const rule = useApiQuery('rules.get', openId === null ? null : { orgId, id: openId }, saves);
  const choices = {
    orgId,
    startRow: 0,
    endRow: 1000,
    sortModel: [{ colId: 'name', sort: 'asc' as const }],
    filterModel: {},
  };
  const payees = useApiQuery('payees.list', choices);
  const products = useApiQuery('products.list', choices);

  const onSaved = (saved: RuleRecord, created: boolean) => {
    setNotice(created ? `Created “${saved.name}”.` : `Saved “${saved.name}” as version ${saved.version}.`);
    setPanel({ kind: 'rule', id: saved.id });
    setSaves((n) => n + 1);
    reloadRows();
  };
  const openRule = (id: number) => {
    setNotice(null);
    setPanel({ kind: 'rule', id });
  };

  return (
    <div className="rules-page" data-testid="rules-page">
      <div className="toolbar">
        <p className="muted rules-intro">
          A rule shares the revenues it covers between payees. The most specific active rule wins: product, then category, then tag, then the whole org.
          {rowCount !== null && ` ${rowCount === 1 ? '1 rule' : `${rowCount} rules`}; choose one to edit it and see its versions.`}
        </p>
        <div className="toolbar-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setPanel((p) => ({
                kind: 'new',
                serial: (p.kind === 'new' ? p.serial : 0) + 1,
              }));
            }}
            data-testid="new-rule"
          >
            New rule…
          </button>
        </div>
      </div>
      <RuleConflictsBanner orgId={orgId} period={period} refreshKey={saves} onOpenRule={openRule} />
      <ActiveFilters gridApi={gridApi} filterModel={filterModel} />
      {gridError && <ErrorNotice error={gridError} title="Could not load the rules" onRetry={reloadRows} />}
      <div className={panel.kind === 'none' && !notice ? 'rules-layout rules-layout-grid-only' : 'rules-layout'}>
        <div className="grid-frame">
          <div className="grid-host" data-testid="rules-grid">
            <AgGridReact<RuleRow>
              {...SERVER_GRID_PROPS}
              theme={theme}
              columnDefs={RULE_COLUMN_DEFS}
              defaultColDef={DEFAULT_COL_DEF}
              datasource={datasource}
              getRowId={({ data }) => String(data.id)}
              initialState={setup.initialState}
              onStateUpdated={(event: StateUpdatedEvent<RuleRow>) => isSetupChange(event) && noteGridChanged(event.api)}
              onGridReady={(event: GridReadyEvent<RuleRow>) => setGridApi(event.api)}
              onFilterChanged={(event: FilterChangedEvent<RuleRow>) => {
                setGridError(null);
                setFilterModel(toFilterModel(event.api.getFilterModel()));
              }}
              onRowClicked={(event: RowClickedEvent<RuleRow>) => event.data && openRule(event.data.id)}
            />
          </div>
          {rowCount === 0 && (
            <div className="grid-empty" data-testid="grid-empty">
              <p>
                {Object.keys(filterModel).length > 0
                  ? 'No rules match these filters.'
                  : 'No rules yet: every revenue goes to the payees’ fallback percentages, or stays unallocated.'}
              </p>
            </div>
          )}
        </div>
        {(panel.kind !== 'none' || notice) && (
          <aside className="rule-panel" aria-labelledby="rule-panel-title" data-testid="rule-panel">
            {notice && (
              <p className="notice notice-success" role="status" data-testid="rule-saved">
                {notice}
              </p>
            )}
            {panel.kind === 'new' && (
              <>
                <h2 className="rule-panel-title" id="rule-panel-title">
                  New rule
                </h2>
                <RuleForm
                  key={panel.serial}
                  orgId={orgId}
                  rule={null}
                  payees={payees.data?.rows ?? []}
                  products={products.data?.rows ?? []}
                  onSaved={onSaved}
                  onCancel={() => setPanel({ kind: 'none' })}
                />
              </>
            )}
            {panel.kind === 'rule' && rule.error && <ErrorNotice error={rule.error} title="Could not open the rule" onRetry={rule.reload} />}
            {panel.kind === 'rule' && rule.data && rule.data.id === panel.id && (
              <>
                <h2 className="rule-panel-title" id="rule-panel-title">
                  {rule.data.name}
                </h2>
                <RuleForm
                  key={`${rule.data.id}-${rule.data.version}`}
                  orgId={orgId}
                  rule={rule.data}
                  payees={payees.data?.rows ?? []}
                  products={products.data?.rows ?? []}
                  onSaved={onSaved}
                />
                <RuleVersions ruleId={rule.data.id} currentVersion={rule.data.version} />
              </>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
