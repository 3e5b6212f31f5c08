import { Fragment, useCallback, useMemo, useState, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, RowClassRules, RowClickedEvent } from 'ag-grid-community';
import type { Page } from '../../../shared/contract/grid';
import type { PayeeRow } from '../../../shared/contract/payees';
import type { ProductRow } from '../../../shared/contract/products';
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
import { setupGridProps, useScreenSetup } from '../../grid/use-screen-setup';
import '../../styles/orgs.css';
import '../../styles/records.css';

/** The record kinds with a records screen, and the row each one's `.get` and `.list` answer. */
export interface RecordRows {
  payees: PayeeRow;
  products: ProductRow;
}
export type RecordArea = keyof RecordRows;

/** A record's name in the screen's words: `one` is lower case ("payee"), `many` its plural. */
export interface RecordNoun {
  one: string;
  many: string;
}

/** Tells the screen a write went through: select the record, reread it and the grid, say what happened. */
export type AfterWrite = (id: number, words: string) => void;

interface RecordsScreenProps<A extends RecordArea> {
  area: A;
  noun: RecordNoun;
  orgId: string;
  columnDefs: ColDef<RecordRows[A]>[];
  /** Row classes besides the selected row's. */
  rowClassRules?: RowClassRules<RecordRows[A]>;
  /** The create or edit form; `record` is null for a new one. */
  form: (record: RecordRows[A] | null, onSaved: (id: number, status: string) => void, onCancel?: () => void) => ReactNode;
  /** Shown above the open record's form (e.g. its hold). */
  beforeForm?: (record: RecordRows[A], afterWrite: AfterWrite) => ReactNode;
  /** Shown below the open record's form (e.g. archiving). */
  afterForm?: (record: RecordRows[A], afterWrite: AfterWrite) => ReactNode;
}

/** The records page of the org chosen in the sidebar, or a line asking to choose one. */
export function RecordsPage({ noun, screen }: { noun: RecordNoun; screen: (org: { orgId: string; orgCurrency: string }) => ReactNode }) {
  const { view, orgs, loading, error } = useAppState();
  if (view) return screen({ orgId: view.orgId, orgCurrency: orgs.find((o) => o.id === view.orgId)?.currency ?? 'USD' });
  if (error) return null; // the shell shows it
  return (
    <div className="page-message" data-testid={`${noun.many}-empty`}>
      {loading ? 'Opening the workspace…' : `Choose an organization in the sidebar to see its ${noun.many}.`}
    </div>
  );
}

type Panel = { kind: 'none' } | { kind: 'new'; serial: number } | { kind: 'record'; id: number };

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * An org's records (payees, products): the grid paged from the database, a toolbar with the
 * count and "New", and a side panel that creates a record or shows the one clicked.
 */
export function RecordsScreen<A extends RecordArea>({ area, noun, orgId, columnDefs, rowClassRules, form, beforeForm, afterForm }: RecordsScreenProps<A>) {
  type Row = RecordRows[A];
  const theme = useGridTheme();
  // Typed as any record area's methods: the rows are the area's (RecordRows).
  const listMethod: `${RecordArea}.list` = `${area}.list`;
  const getMethod: `${RecordArea}.get` = `${area}.get`;
  const load = useCallback((org: string, request: PageRequest) => api.call(listMethod, { orgId: org, ...request }) as Promise<Page<Row>>, [listMethod]);
  const grid = useRecordGrid<Row>(listMethod, orgId, load);
  // The grid's sort, filters and columns, kept per workspace (the screen id is the area's).
  const setupColumns = useMemo(() => columnDefs.map((c) => c.colId ?? String(c.field)), [columnDefs]);
  const setup = useScreenSetup(area, setupColumns);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [saves, setSaves] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const openId = panel.kind === 'record' ? panel.id : null;
  const record = useApiQuery(getMethod, openId === null ? null : { orgId, id: openId }, saves);
  const { reloadRows } = grid;
  const One = capitalized(noun.one);

  const afterWrite = useCallback<AfterWrite>(
    (id, words) => {
      setNotice(words);
      setSaves((n) => n + 1);
      setPanel({ kind: 'record', id });
      reloadRows();
    },
    [reloadRows],
  );
  const open = (id: number) => {
    setNotice(null);
    setPanel({ kind: 'record', id });
  };
  const close = () => setPanel({ kind: 'none' });
  const filtered = Object.keys(grid.filterModel).length > 0;
  const shown = record.data && openId !== null && record.data.id === openId ? (record.data as Row) : null;

  return (
    <div className="records-page" data-testid={`${noun.many}-page`}>
      <div className="toolbar">
        <p className="row-count" data-testid={`${noun.many}-count`}>
          {grid.rowCount === null
            ? `Loading ${noun.many}…`
            : `${grid.rowCount.toLocaleString()} ${grid.rowCount === 1 ? noun.one : noun.many}${filtered ? ' match the filters' : ''}`}
        </p>
        <div className="toolbar-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setPanel((p) => ({ kind: 'new', serial: p.kind === 'new' ? p.serial + 1 : 0 }));
            }}
            data-testid={`new-${noun.one}`}
          >
            New {noun.one}
          </button>
        </div>
      </div>
      <ActiveFilters gridApi={grid.gridApi} filterModel={grid.filterModel} />
      {grid.gridError && <ErrorNotice error={grid.gridError} title={`Could not load the ${noun.many}`} onRetry={reloadRows} />}
      <div className={panel.kind === 'none' ? 'records-layout records-layout-grid-only' : 'records-layout'}>
        <div className="grid-frame">
          <div className="grid-host" data-testid={`${noun.many}-grid`}>
            {setup.ready && (
              <AgGridReact<Row>
                {...SERVER_GRID_PROPS}
                theme={theme}
                columnDefs={columnDefs}
                defaultColDef={RECORD_DEFAULT_COL_DEF}
                {...setupGridProps<Row>(setup)}
                datasource={grid.datasource}
                getRowId={({ data }) => String(data.id)}
                onGridReady={grid.onGridReady}
                onFilterChanged={grid.onFilterChanged}
                onRowClicked={(event: RowClickedEvent<Row>) => event.data && open(event.data.id)}
                rowClassRules={{ 'row-selected-record': ({ data }) => data?.id === openId, ...rowClassRules }}
              />
            )}
          </div>
          {grid.rowCount === 0 && (
            <div className="grid-empty" data-testid="grid-empty">
              <p>{filtered ? `No ${noun.many} match these filters.` : `No ${noun.many} yet. Create one, or import a ${noun.many} file.`}</p>
              {filtered && (
                <button type="button" className="button" onClick={() => grid.gridApi?.setFilterModel(null)}>
                  Clear filters
                </button>
              )}
            </div>
          )}
        </div>
        {panel.kind !== 'none' && (
          <aside className="record-panel" aria-labelledby={`${noun.one}-panel-title`} data-testid={`${noun.one}-panel`}>
            <div className="record-panel-head">
              <h2 className="record-panel-title" id={`${noun.one}-panel-title`}>
                {panel.kind === 'new' ? `New ${noun.one}` : (shown?.name ?? One)}
              </h2>
              <button type="button" className="button button-quiet button-small" onClick={close} aria-label="Close the panel">
                Close
              </button>
            </div>
            {notice && (
              <p className="notice notice-success" role="status" data-testid={`${noun.one}-saved`}>
                {notice}
              </p>
            )}
            {panel.kind === 'new' && (
              <Fragment key={panel.serial}>{form(null, (id) => afterWrite(id, `${One} created.`), close)}</Fragment>
            )}
            {panel.kind === 'record' && record.error && <ErrorNotice error={record.error} title={`Could not open the ${noun.one}`} onRetry={record.reload} />}
            {shown && (
              <>
                {beforeForm && <Fragment key={`before-${shown.id}-${shown.updatedAt}`}>{beforeForm(shown, afterWrite)}</Fragment>}
                <Fragment key={`${shown.id}-${shown.updatedAt}`}>
                  {form(shown, (id, status) => afterWrite(id, status === 'unchanged' ? 'Nothing changed.' : 'Changes saved.'))}
                </Fragment>
                {afterForm && <Fragment key={`after-${shown.id}-${shown.updatedAt}`}>{afterForm(shown, afterWrite)}</Fragment>}
              </>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
