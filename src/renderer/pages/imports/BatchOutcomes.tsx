import { useCallback, useEffect, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, FilterChangedEvent, FullWidthCellKeyDownEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import type { ImportBatchRow, OutcomeRow } from '../../../shared/contract/imports';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useViewExport } from '../../app/view-export';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format/date-format';
import { ColumnChooser } from '../../grid/ColumnChooser';
import { GridKeysHint } from '../../grid/GridKeysHint';
import { openFilterFromHeading, useGridKeyboard, withRangeHighlight, type CellRangeContext } from '../../grid/use-grid-keyboard';
import { ClearFiltersButton, ExportCsvButton } from '../../grid/GridViewButtons';
import { useGridTheme } from '../../grid/grid-theme';
import { databaseDatasource } from '../../grid/infinite-datasource';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { ExportStatus } from '../revenues/ExportStatus';
import { CurrencyTotals } from './CurrencyTotals';
import { rowsLabel } from './format-import';
import { BatchStatusBadge, type OutcomeGridContext } from './OutcomeBadge';
import { ENTITY_LABELS } from './outcome-labels';
import { OUTCOME_COLUMN_DEFS } from './outcome-columns';
import { RecordDialog, type OpenableEntity, type RecordToOpen } from './RecordDialog';
import { UndoBatchDialog } from './UndoBatchDialog';
import { useOutcomesExport } from './use-outcomes-export';

interface BatchOutcomesProps {
  batchId: number;
  refreshKey: number;
  /** After an undo: the batch list and the screens showing its rows reload. */
  onUndone: () => void;
  onClose: () => void;
}

const OPENABLE = new Set<string>(['revenues', 'payees', 'products']);
const COLUMN_DEFS = withRangeHighlight(OUTCOME_COLUMN_DEFS);

const DEFAULT_COL_DEF = {
  sortable: true,
  resizable: true,
  cellDataType: false,
  suppressHeaderMenuButton: true,
  tooltip: true,
  suppressHeaderKeyboardEvent: openFilterFromHeading,
} as const;

type UndoState = { status: 'idle' } | { status: 'confirming' } | { status: 'running' } | { status: 'done'; removed: number; restored: number } | { status: 'failed'; error: ApiCallError };

/** One batch: what it was, its per-row outcomes (filterable, exportable), and Undo. */
export function BatchOutcomes({ batchId, refreshKey, onUndone, onClose }: BatchOutcomesProps) {
  const theme = useGridTheme();
  const batch = useApiQuery('imports.get', { batchId }, refreshKey);
  const [gridApi, setGridApi] = useState<GridApi<OutcomeRow> | null>(null);
  const [gridError, setGridError] = useState<ApiCallError | null>(null);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [filtered, setFiltered] = useState(false);
  const [undo, setUndo] = useState<UndoState>({ status: 'idle' });
  const exporter = useOutcomesExport(gridApi, batchId);
  // File > Export on this screen exports the open batch's outcomes.
  useViewExport(exporter.start);

  // One grid per batch (the page keys this component by batch id), so the datasource is fixed.
  const datasource = useMemo(
    () =>
      databaseDatasource<OutcomeRow>(
        async (request) => {
          const page = await api.call('imports.outcomes', { batchId, ...request });
          if (request.startRow === 0) setRowCount(page.rowCount);
          return page;
        },
        (thrown) => setGridError(asApiCallError('imports.outcomes', thrown)),
      ),
    [batchId],
  );
  const reloadRows = useCallback(() => {
    if (!gridApi) return;
    setGridError(null);
    datasource.invalidate();
    gridApi.purgeInfiniteCache();
  }, [gridApi, datasource]);

  const runUndo = async () => {
    setUndo({ status: 'running' });
    try {
      const result = await api.call('imports.undo', { batchId });
      setUndo({ status: 'done', removed: result.removed, restored: result.restored });
      reloadRows();
      onUndone();
    } catch (thrown) {
      setUndo({ status: 'failed', error: asApiCallError('imports.undo', thrown) });
    }
  };

  const info = batch.data;
  // The rows say what undo did to them: the grid's cells read the batch's status from its context.
  const batchStatus = info?.status;
  // A revenue, payee or product batch's Record and Matching record cells open the record as it is stored now.
  const [openRecord, setOpenRecord] = useState<RecordToOpen | null>(null);
  const openable = info && OPENABLE.has(info.entity) ? { entity: info.entity as OpenableEntity, orgId: info.orgId } : null;
  const openEntity = openable?.entity;
  const openOrg = openable?.orgId;
  const onOpenRecord = useMemo(
    () =>
      openEntity === undefined || openOrg === undefined
        ? undefined
        : (row: OutcomeRow, id: number) => setOpenRecord({ entity: openEntity, orgId: openOrg, id, rowNumber: row.rowNumber, batchId }),
    [openEntity, openOrg, batchId],
  );
  const onKey = useMemo(() => openRecordOnEnter(onOpenRecord), [onOpenRecord]);
  const keyboard = useGridKeyboard(gridApi, { onKey });
  const gridContext = useMemo<OutcomeGridContext & CellRangeContext>(() => ({ batchStatus, onOpenRecord, cellRange: keyboard.cellRange }), [batchStatus, onOpenRecord, keyboard.cellRange]);
  useEffect(() => {
    gridApi?.refreshCells({ columns: ['outcome', 'recordId', 'matchingId'], force: true });
  }, [gridApi, gridContext]);
  return (
    <section className="outcomes-panel" aria-labelledby="outcomes-title" data-testid="batch-outcomes" data-batch-id={batchId}>
      <div className="toolbar">
        <div className="batch-heading">
          <h2 className="batch-title" id="outcomes-title">
            Batch {batchId}
            {info && <BatchStatusBadge status={info.status} />}
          </h2>
          {info && <BatchFacts batch={info} />}
        </div>
        <div className="toolbar-actions">
          <ClearFiltersButton gridApi={gridApi} filtered={filtered} />
          <ColumnChooser gridApi={gridApi} />
          <button
            type="button"
            className="button"
            onClick={() => setUndo({ status: 'confirming' })}
            disabled={!info || info.status !== 'committed' || undo.status === 'running'}
            title={info && info.status !== 'committed' ? `Only a committed batch can be undone; this one is ${info.status}` : 'Remove the rows this batch created and restore the rows it updated'}
            data-testid="undo-batch"
          >
            {undo.status === 'running' ? 'Undoing…' : 'Undo batch'}
          </button>
          <ExportCsvButton gridApi={gridApi} exporter={exporter} testId="export-outcomes" title="Export the outcomes shown, with this sort and these filters" />
          <button type="button" className="button button-quiet" onClick={onClose} aria-label={`Close batch ${batchId}`}>
            ✕
          </button>
        </div>
      </div>
      {batch.error && <ErrorNotice error={batch.error} title={`Could not load batch ${batchId}`} onRetry={batch.reload} />}
      {undo.status === 'done' && (
        <p className="notice notice-success" role="status" data-testid="undo-result" data-removed={undo.removed} data-restored={undo.restored}>
          Batch {batchId} undone: {rowsLabel(undo.removed)} removed{undo.restored > 0 ? `, ${rowsLabel(undo.restored)} restored` : ''}.
          <button type="button" className="button-link" onClick={() => setUndo({ status: 'idle' })}>
            Dismiss
          </button>
        </p>
      )}
      {undo.status === 'failed' && <ErrorNotice error={undo.error} title={`Batch ${batchId} was not undone`} onDismiss={() => setUndo({ status: 'idle' })} />}
      <ExportStatus state={exporter.state} onDismiss={exporter.dismiss} />
      {gridError && <ErrorNotice error={gridError} title="Could not load the outcomes" onRetry={reloadRows} />}
      <div className="grid-frame">
        <div className="grid-host" data-testid="outcomes-grid" data-row-count={rowCount ?? ''} aria-label={`Outcomes of batch ${batchId}`}>
          <AgGridReact<OutcomeRow>
            {...SERVER_GRID_PROPS}
            theme={theme}
            // Two lines for a refused row: its message and the details line under it.
            rowHeight={48}
            columnDefs={COLUMN_DEFS}
            defaultColDef={DEFAULT_COL_DEF}
            context={gridContext}
            datasource={datasource}
            getRowId={({ data }) => `${data.rowNumber}:${data.outcome}:${data.recordId ?? ''}`}
            onGridReady={(event: GridReadyEvent<OutcomeRow>) => setGridApi(event.api)}
            onFilterChanged={(event: FilterChangedEvent<OutcomeRow>) => {
              setGridError(null);
              setFiltered(Object.keys(event.api.getFilterModel() ?? {}).length > 0);
            }}
            onSortChanged={() => setGridError(null)}
            onCellKeyDown={keyboard.onCellKeyDown}
            onCellClicked={keyboard.onCellClicked}
          />
        </div>
        <GridKeysHint />
        {rowCount === 0 && (
          <div className="grid-empty">
            <p>{filtered ? 'No rows match these filters.' : 'This batch has no rows.'}</p>
          </div>
        )}
      </div>
      {openRecord && <RecordDialog record={openRecord} onClose={() => setOpenRecord(null)} />}
      {undo.status === 'confirming' && info && (
        <UndoBatchDialog
          batch={info}
          onCancel={() => setUndo({ status: 'idle' })}
          onConfirm={() => {
            void runUndo();
          }}
        />
      )}
    </section>
  );
}

/** Enter on a Record or Matching record cell opens the record. */
function openRecordOnEnter(onOpenRecord: OutcomeGridContext['onOpenRecord']) {
  return (params: CellKeyDownEvent<OutcomeRow> | FullWidthCellKeyDownEvent<OutcomeRow>): boolean => {
    const event = params.event;
    const column = 'column' in params ? params.column.getColId() : null;
    if (!onOpenRecord || !(event instanceof KeyboardEvent) || event.key !== 'Enter' || (column !== 'recordId' && column !== 'matchingId')) return false;
    const id = params.data?.[column];
    if (params.data && typeof id === 'number') onOpenRecord(params.data, id);
    return true;
  };
}

const SOURCE_PHRASES: Record<ImportBatchRow['source'], string> = { api: 'sent through the API', cli: 'from the command line', file: 'a file' };

function BatchFacts({ batch }: { batch: ImportBatchRow }) {
  return (
    <p className="batch-facts" data-testid="batch-facts" data-status={batch.status}>
      {ENTITY_LABELS[batch.entity]} · {batch.fileName ?? SOURCE_PHRASES[batch.source] ?? batch.source} · {formatDateTime(batch.createdAt)} · {rowsLabel(batch.totalRows)},{' '}
      {rowsLabel(batch.rowsWritten)} written
      {batch.amountWritten.length > 0 && (
        <>
          {' '}
          (<CurrencyTotals totals={batch.amountWritten} />)
        </>
      )}
      {batch.undoneAt && <> · undone {formatDateTime(batch.undoneAt)}</>}
    </p>
  );
}
