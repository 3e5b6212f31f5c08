import { useCallback, useEffect, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import { TASK_ORDERING_FIELDS, TASK_STATUSES, type Task, type TaskStatus } from '../../../shared/contract/tasks';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useGridTheme } from '../../grid/grid-theme';

const PAGE = 100; // tasks.list answers at most 100 per call

const COLUMNS: ColDef<Task>[] = [
  { colId: 'created_at', headerName: 'Created (UTC)', field: 'created_at', sortable: true, sort: 'desc', width: 180, valueFormatter: ({ value }) => (value ? String(value).slice(0, 19).replace('T', ' ') : '') },
  { colId: 'status', headerName: 'Status', field: 'status', sortable: true, width: 120, cellClass: ({ value }) => `close-task-status close-task-${String(value ?? '').toLowerCase()}` },
  { colId: 'period', headerName: 'Month', valueGetter: ({ data }) => data?.processing_notes.period ?? '', width: 100 },
  { colId: 'errors', headerName: 'Errors', valueGetter: ({ data }) => data?.processing_notes.errors.length, width: 90, type: 'rightAligned' },
  { colId: 'warnings', headerName: 'Warnings', valueGetter: ({ data }) => data?.processing_notes.warnings.length, width: 100, type: 'rightAligned' },
  { colId: 'first_error', headerName: 'First error', valueGetter: ({ data }) => data?.processing_notes.errors[0]?.message ?? '', flex: 1, minWidth: 200, tooltip: true },
  { colId: 'task_type', headerName: 'Type', field: 'task_type', sortable: true, width: 140 },
  // Not a seed field: a task synced from the org's online system ran there, not here; one the server no longer lists is said so.
  {
    colId: 'origin',
    headerName: 'Ran in',
    width: 200,
    valueGetter: ({ data }) => (data?.origin !== 'synced' ? 'Closebook' : data.deleted_on_server_at ? 'Online (deleted there)' : 'Online (synced)'),
  },
  { colId: 'template', headerName: 'Template', field: 'template', sortable: true, width: 140 },
  { colId: 'user_id', headerName: 'By', field: 'user_id', width: 120 },
  { colId: 'uuid', headerName: 'Task', field: 'uuid', sortable: true, width: 300 },
];
const DEFAULT_COL_DEF = { sortable: false, resizable: true, suppressHeaderMenuButton: true } as const;

/** The grid's sort as the seed's ordering: "-created_at,status". */
function ordering(sortModel: SortModelItem[]): string | undefined {
  const fields = sortModel.filter((s) => (TASK_ORDERING_FIELDS as readonly string[]).includes(s.colId)).map((s) => `${s.sort === 'desc' ? '-' : ''}${s.colId}`);
  return fields.length ? fields.join(',') : undefined;
}

/** The org's tasks, newest first, paged from the database with tasks.list (limit/offset). */
export function TasksGrid({ orgId }: { orgId: string }) {
  const theme = useGridTheme();
  const { dataVersion } = useAppState();
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [gridApi, setGridApi] = useState<GridApi<Task> | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [count, setCount] = useState<number | null>(null);

  const datasource = useMemo<IDatasource>(() => {
    let generation = 0;
    return {
      getRows(params: IGetRowsParams) {
        const mine = ++generation;
        api
          .call('tasks.list', {
            client_id: orgId,
            offset: params.startRow,
            limit: Math.min(PAGE, params.endRow - params.startRow),
            ...(status ? { status: [status] } : {}),
            ...(ordering(params.sortModel) ? { ordering: ordering(params.sortModel) } : {}),
          })
          .then(
            (page) => {
              params.successCallback(page.results, page.count);
              if (mine === generation) setCount(page.count);
            },
            (thrown: unknown) => {
              params.failCallback();
              setError(asApiCallError('tasks.list', thrown));
            },
          );
      },
    };
  }, [orgId, status]);

  // A close or reopen elsewhere on the screen: read the tasks again.
  useEffect(() => {
    gridApi?.purgeInfiniteCache();
  }, [gridApi, dataVersion]);

  const onStatus = useCallback((value: string) => setStatus(value as TaskStatus | ''), []);

  return (
    <section className="close-tasks" aria-label="Tasks">
      <div className="toolbar">
        <h2 className="close-heading">Tasks{count !== null ? ` (${count.toLocaleString()})` : ''}</h2>
        <label className="field field-inline">
          <span className="field-label">Status</span>
          <select className="select" value={status} onChange={(e) => onStatus(e.target.value)} data-testid="tasks-status">
            <option value="">Any</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <ErrorNotice error={error} title="Could not read the tasks" onDismiss={() => setError(null)} />}
      <div className="grid-frame close-tasks-grid">
        <div className="grid-host" data-testid="tasks-grid">
          <AgGridReact<Task>
            theme={theme}
            rowModelType="infinite"
            cacheBlockSize={PAGE}
            datasource={datasource}
            columnDefs={COLUMNS}
            defaultColDef={DEFAULT_COL_DEF}
            getRowId={({ data }) => data.uuid}
            onGridReady={({ api: ready }) => setGridApi(ready)}
            tooltipShowMode="whenTruncated"
            enableCellTextSelection
          />
        </div>
      </div>
    </section>
  );
}
