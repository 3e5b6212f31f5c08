import { AgGridReact } from 'ag-grid-react';
import { ClientSideRowModelModule, type ColDef } from 'ag-grid-community';
import type { RowProblem, SameRecordRows } from '../../../../shared/contract/import-files';
import type { OutcomeCounts } from '../../../../shared/contract/imports';
import { useGridTheme } from '../../../grid/grid-theme';
import { OutcomeBadge } from '../OutcomeBadge';
import { OUTCOME_LABELS } from '../outcome-labels';

/** Up to this many rows the grid is as tall as its rows. */
const FEW_ROWS = 8;

const MODULES = [ClientSideRowModelModule];

const COLUMNS: ColDef<RowProblem>[] = [
  { field: 'rowNumber', headerName: 'Row', width: 90, sort: 'asc', cellClass: 'cell-number', type: 'rightAligned' },
  {
    colId: 'outcome',
    headerName: 'Outcome',
    width: 190,
    valueGetter: ({ data }) => data?.outcome ?? 'error',
    valueFormatter: ({ value }) => OUTCOME_LABELS[value as keyof typeof OUTCOME_LABELS] ?? value,
    cellRenderer: ({ value }: { value: RowProblem['outcome'] }) => (value ? <OutcomeBadge outcome={value} /> : null),
  },
  { field: 'column', headerName: 'Column', width: 170, valueFormatter: ({ value }) => value ?? '(whole row)' },
  { field: 'message', headerName: 'Problem', flex: 1, minWidth: 260, tooltip: true },
];

const DEFAULT_COL_DEF: ColDef<RowProblem> = { sortable: true, resizable: true, cellDataType: false, suppressHeaderMenuButton: true };

/** Rows a check or an import lists: errors, blocked rows, and identical repeats of an earlier row's record. */
export function listedRows(result: { counts: OutcomeCounts; sameRecordRows: SameRecordRows }): number {
  return result.counts.error + result.counts.blocked_locked_period + result.sameRecordRows.identical;
}

/** The rows that would fail (or did), or repeat an earlier row's record, with the column at fault and why. */
export function ProblemsGrid({ problems, totalProblems }: { problems: RowProblem[]; totalProblems: number }) {
  const theme = useGridTheme();
  if (problems.length === 0) return null;
  return (
    <section className="wizard-section" aria-labelledby="problems-title">
      <h3 className="wizard-section-title" id="problems-title">
        Problem rows{' '}
        <span className="muted">
          · {totalProblems > problems.length ? `the first ${problems.length} of ${totalProblems}` : problems.length}
        </span>
      </h3>
      <div className={problems.length <= FEW_ROWS ? 'problems-grid grid-auto-height' : 'problems-grid'} data-testid="import-problems" data-count={problems.length}>
        <AgGridReact<RowProblem>
          modules={MODULES}
          // A few rows take their own height; many scroll inside the frame.
          domLayout={problems.length <= FEW_ROWS ? 'autoHeight' : 'normal'}
          theme={theme}
          rowData={problems}
          columnDefs={COLUMNS}
          defaultColDef={DEFAULT_COL_DEF}
          enableCellTextSelection
          ensureDomOrder
          tooltipShowDelay={300}
        />
      </div>
    </section>
  );
}
