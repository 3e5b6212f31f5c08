import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { OUTCOME_COLUMN_LABELS, OUTCOME_COLUMNS, OUTCOMES, type OutcomeColumn, type OutcomeRow } from '../../../shared/contract/imports';
import { CheckboxSetFilter, type CheckboxSetFilterParams } from '../../grid/CheckboxSetFilter';
import { NUMBER_FILTER, TEXT_FILTER } from '../../grid/record-filters';
import { OutcomeCell, OutcomeMessageCell } from './OutcomeBadge';
import { RecordIdCell } from './RecordIdCell';
import { OUTCOME_LABELS } from './outcome-labels';

type OutcomeCol = ColDef<OutcomeRow>;

const outcomeFilterParams: CheckboxSetFilterParams = { values: OUTCOMES, labelOf: (value) => OUTCOME_LABELS[value as keyof typeof OUTCOME_LABELS] ?? value };

const id = (width: number): Omit<OutcomeCol, 'colId' | 'field' | 'headerName'> => ({
  ...NUMBER_FILTER,
  width,
  type: 'rightAligned',
  cellClass: 'cell-number',
  valueFormatter: ({ value }: ValueFormatterParams<OutcomeRow, number | null>) => (value == null ? '' : String(value)),
});

const SETTINGS: Record<OutcomeColumn, Omit<OutcomeCol, 'colId' | 'field' | 'headerName'>> = {
  // Widths that keep Message in view at 1360 px (the message takes what is left, and wraps in its tooltip).
  rowNumber: { ...id(100), sort: 'asc' },
  outcome: { filter: CheckboxSetFilter, filterParams: outcomeFilterParams, width: 170, cellRenderer: OutcomeCell, tooltip: false },
  // A revenue batch's ids open the record (RecordIdCell); the value stays the number, for copy.
  recordId: { ...id(100), cellRenderer: RecordIdCell },
  matchingId: { ...id(135), cellRenderer: RecordIdCell, headerTooltip: 'Skipped as a duplicate: the stored record the row matched' },
  externalId: { ...TEXT_FILTER, width: 130, cellClass: 'cell-mono' },
  changes: { ...TEXT_FILTER, width: 125 },
  column: { ...TEXT_FILTER, width: 110 },
  // The details line shows under the message (OutcomeMessageCell); its own column is there to filter, sort and export.
  message: { ...TEXT_FILTER, flex: 1, minWidth: 200, cellRenderer: OutcomeMessageCell, tooltip: ({ data }) => [data?.message, data?.details].filter(Boolean).join('\n') },
  details: { ...TEXT_FILTER, width: 220, hide: true, cellClass: 'cell-mono' },
};

/** Heading and id from the contract, so the grid, its filters and the CSV agree. */
export const OUTCOME_COLUMN_DEFS: OutcomeCol[] = OUTCOME_COLUMNS.map((column) => ({
  colId: column,
  field: column,
  headerName: OUTCOME_COLUMN_LABELS[column],
  ...SETTINGS[column],
}));

export function isOutcomeColumn(column: string): column is OutcomeColumn {
  return (OUTCOME_COLUMNS as readonly string[]).includes(column);
}
