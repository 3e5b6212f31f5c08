import type { ColDef } from 'ag-grid-community';
import { RULE_COLUMNS, RULE_SCOPES, RULE_STATUSES, type RuleColumn, type RuleRow } from '../../../shared/contract/rules';
import { formatDateTime } from '../../format/date-format';
import { CheckboxSetFilter, type CheckboxSetFilterParams } from '../../grid/CheckboxSetFilter';
import { SCOPE_LABELS, splitSummary, STATUS_LABELS } from './rule-labels';
import { RuleStatusBadge } from './RuleStatusBadge';

// Filter options limited to what the server compiles (src/shared/contract/grid.ts).
const TEXT_FILTER = {
  filter: 'agTextColumnFilter',
  filterParams: {
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
    maxNumConditions: 2,
  },
} satisfies ColDef<RuleRow>;

const NUMBER_FILTER = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange'],
    inRangeInclusive: true,
    maxNumConditions: 2,
  },
} satisfies ColDef<RuleRow>;

const statusFilter: CheckboxSetFilterParams = {
  values: RULE_STATUSES,
  labelOf: (v) => STATUS_LABELS[v as keyof typeof STATUS_LABELS] ?? v,
};
const scopeFilter: CheckboxSetFilterParams = {
  values: RULE_SCOPES,
  labelOf: (v) => SCOPE_LABELS[v as keyof typeof SCOPE_LABELS] ?? v,
};

/** The grid's columns in order; `splits` is a summary the server does not sort or filter. */
type RuleGridColumn = RuleColumn | 'splits';

const COLUMNS: Array<[RuleGridColumn, string, Omit<ColDef<RuleRow>, 'colId' | 'field' | 'headerName'>]> = [
  ['name', 'Name', { ...TEXT_FILTER, width: 180 }],
  [
    'status',
    'Status',
    {
      filter: CheckboxSetFilter,
      filterParams: statusFilter,
      width: 100,
      cellRenderer: RuleStatusBadge,
      tooltip: false,
    },
  ],
  [
    'scope',
    'Covers',
    {
      filter: CheckboxSetFilter,
      filterParams: scopeFilter,
      width: 108,
      valueFormatter: ({ value }) => SCOPE_LABELS[value as keyof typeof SCOPE_LABELS] ?? value,
    },
  ],
  [
    'scopeValue',
    'Target',
    {
      ...TEXT_FILTER,
      width: 150,
      valueFormatter: ({ value, data }) => (data?.scope === 'org' ? 'All revenues' : (value ?? '')),
    },
  ],
  ['effectiveFrom', 'From', { ...TEXT_FILTER, width: 110, cellClass: 'cell-mono' }],
  [
    'effectiveTo',
    'To',
    {
      ...TEXT_FILTER,
      width: 110,
      cellClass: 'cell-mono',
      valueFormatter: ({ value }) => value ?? 'open-ended',
    },
  ],
  [
    'splits',
    'Split',
    {
      sortable: false,
      width: 280,
      flex: 1,
      minWidth: 220,
      valueFormatter: ({ value }) => splitSummary((value as RuleRow['splits'] | undefined) ?? []),
    },
  ],
  [
    'version',
    'Versions',
    {
      ...NUMBER_FILTER,
      width: 100,
      type: 'rightAligned',
      cellClass: 'cell-number',
    },
  ],
  ['externalId', 'External ID', { ...TEXT_FILTER, width: 130, cellClass: 'cell-mono' }],
  [
    'updatedAt',
    'Last saved',
    {
      width: 190,
      valueFormatter: ({ value }) => formatDateTime(value as string | null),
    },
  ],
];

export const RULE_GRID_COLUMNS: readonly string[] = COLUMNS.map(([id]) => id);

export const RULE_COLUMN_DEFS: ColDef<RuleRow>[] = COLUMNS.map(([id, headerName, settings]) => ({
  colId: id,
  field: id,
  headerName,
  ...settings,
}));

// Every sortable column is in the server's allowlist; kept checked here so they cannot drift.
for (const [id, , settings] of COLUMNS) {
  if (settings.sortable !== false && !(RULE_COLUMNS as readonly string[]).includes(id)) throw new Error(`rules grid: ${id} is not a server column`);
}
