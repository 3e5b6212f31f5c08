import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import {
  BATCH_STATUSES,
  IMPORT_ENTITIES,
  IMPORT_OPERATIONS,
  IMPORT_SOURCES,
  ON_ERROR_CHOICES,
  type CurrencyAmount,
  type ImportBatchColumn,
  type ImportBatchRow,
} from '../../../shared/contract/imports';
import { formatDateTime } from '../../format/date-format';
import { CheckboxSetFilter, type CheckboxSetFilterParams } from '../../grid/CheckboxSetFilter';
import { DATE_FILTER, NUMBER_FILTER, TEXT_FILTER } from '../../grid/record-filters';
import { formatCurrencyTotals } from './currency-totals-text';
import { AmountWrittenCell } from './CurrencyTotals';
import { formatBytes, formatCount } from './format-import';
import { BatchStatusCell } from './OutcomeBadge';
import { BATCH_STATUS_LABELS, ENTITY_LABELS, ON_ERROR_LABELS, OPERATION_LABELS, OUTCOME_LABELS, SOURCE_LABELS } from './outcome-labels';

type BatchCol = ColDef<ImportBatchRow>;

function setFilter(values: readonly string[], labels: Record<string, string>): Pick<BatchCol, 'filter' | 'filterParams'> {
  const filterParams: CheckboxSetFilterParams = { values, labelOf: (value) => labels[value] ?? value };
  return { filter: CheckboxSetFilter, filterParams };
}

const count = (headerName: string, width = 100): Omit<BatchCol, 'colId' | 'field'> => ({
  ...NUMBER_FILTER,
  headerName,
  width,
  type: 'rightAligned',
  cellClass: 'cell-number',
  valueFormatter: ({ value }: ValueFormatterParams<ImportBatchRow, number>) => formatCount(value),
});

/**
 * A rejected batch wrote nothing: its created and updated counts are what would have
 * been written, shown in parentheses so they never read as records written.
 */
function wouldBe(column: Omit<BatchCol, 'colId' | 'field'>): Omit<BatchCol, 'colId' | 'field'> {
  return {
    ...column,
    headerTooltip: `${column.headerName}. In parentheses: what a rejected batch would have written; it wrote nothing.`,
    valueFormatter: ({ value, data }: ValueFormatterParams<ImportBatchRow, number>) => (data?.status === 'rejected' && value ? `(${formatCount(value)})` : formatCount(value)),
  };
}

/** The batches grid; the ids are the server's allowlist (ImportBatchColumn), so sorting and filtering map 1:1. */
const SETTINGS: Partial<Record<ImportBatchColumn, Omit<BatchCol, 'colId' | 'field'>>> = {
  id: { ...count('Batch', 105), valueFormatter: undefined, sort: 'desc' },
  createdAt: {
    ...DATE_FILTER,
    headerName: 'Imported',
    width: 195,
    valueFormatter: ({ value }: ValueFormatterParams<ImportBatchRow, string>) => formatDateTime(value),
  },
  entity: { ...setFilter(IMPORT_ENTITIES, ENTITY_LABELS), headerName: 'Entity', width: 105, valueFormatter: ({ value }) => ENTITY_LABELS[value as keyof typeof ENTITY_LABELS] ?? value },
  source: { ...setFilter(IMPORT_SOURCES, SOURCE_LABELS), headerName: 'Source', width: 110, hide: true, valueFormatter: ({ value }) => SOURCE_LABELS[value as keyof typeof SOURCE_LABELS] ?? value },
  fileName: { ...TEXT_FILTER, headerName: 'File', width: 160, valueFormatter: ({ value }) => value ?? '—' },
  fileSize: { ...count('Size', 100), hide: true, valueFormatter: ({ value }) => formatBytes(value) },
  profile: { ...TEXT_FILTER, headerName: 'Profile', width: 150, valueFormatter: ({ value }) => value ?? '—' },
  operation: {
    ...setFilter(IMPORT_OPERATIONS, OPERATION_LABELS),
    headerName: 'Operation',
    width: 150,
    valueFormatter: ({ value }) => ({ create_only: 'Create only', update_only: 'Update only', create_or_update: 'Create or update' })[value as string] ?? value,
  },
  onError: { ...setFilter(ON_ERROR_CHOICES, ON_ERROR_LABELS), headerName: 'On error', width: 110, hide: true, valueFormatter: ({ value }) => (value === 'skip' ? 'Skip rows' : 'Reject file') },
  status: { ...setFilter(BATCH_STATUSES, BATCH_STATUS_LABELS), headerName: 'Status', width: 115, cellRenderer: BatchStatusCell, tooltip: false },
  totalRows: count('Rows'),
  created: wouldBe(count(OUTCOME_LABELS.created, 110)),
  updated: wouldBe(count(OUTCOME_LABELS.updated, 115)),
  unchanged: count(OUTCOME_LABELS.unchanged, 130),
  skippedDuplicate: count('Duplicates', 130),
  blockedLockedPeriod: count('Locked period', 145),
  error: count('Errors', 100),
  rowsWritten: count('Rows written', 135),
  // One total per currency: not sortable or filterable, since amounts in different currencies do not compare.
  amountWritten: {
    headerName: 'Amount written',
    headerTooltip: 'What the rows written hold, per currency (revenues: amount; billing: final sell). Currencies are never added together.',
    width: 262,
    sortable: false,
    filter: false,
    cellClass: 'cell-totals',
    cellRenderer: AmountWrittenCell,
    valueFormatter: ({ value }: ValueFormatterParams<ImportBatchRow, CurrencyAmount[]>) => formatCurrencyTotals(value),
  },
  sameFileBatchId: { ...count('Same file as', 120), hide: true, valueFormatter: ({ value }) => (value == null ? '' : `Batch ${value}`) },
  undoneAt: { ...DATE_FILTER, headerName: 'Undone', width: 200, hide: true, valueFormatter: ({ value }) => formatDateTime(value) },
};

/**
 * In the order shown; sha256 stays out of the grid, and the org (chosen in the sidebar) is
 * shown only in a consolidated view.
 * What was written (rows and the totals per currency) comes right after the status, so it is
 * in view at 1360 px without scrolling; the counts per outcome follow.
 */
const ORDER: ImportBatchColumn[] = [
  'id',
  'createdAt',
  'entity',
  'source',
  'fileName',
  'fileSize',
  'status',
  'rowsWritten',
  'amountWritten',
  'totalRows',
  'created',
  'updated',
  'unchanged',
  'skippedDuplicate',
  'blockedLockedPeriod',
  'error',
  'profile',
  'operation',
  'onError',
  'sameFileBatchId',
  'undoneAt',
];

/** The grid's context: org names, for the Organization column a consolidated view shows. */
export interface BatchGridContext {
  orgNames: ReadonlyMap<string, string>;
}

// Shown only with "Include child orgs" (BatchesGrid), first: whose batch each row is.
const ORGANIZATION: BatchCol = {
  colId: 'orgId',
  field: 'orgId',
  headerName: 'Organization',
  width: 200,
  hide: true,
  sortable: false,
  valueFormatter: ({ value, context }: ValueFormatterParams<ImportBatchRow, string>) => (context as BatchGridContext | undefined)?.orgNames.get(value ?? '') ?? value ?? '',
};

export const BATCH_COLUMN_DEFS: BatchCol[] = [ORGANIZATION, ...ORDER.map((id) => ({ colId: id, field: id, ...SETTINGS[id] }))];
