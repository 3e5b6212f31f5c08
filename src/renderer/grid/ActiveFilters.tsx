import type { GridApi } from 'ag-grid-community';
import type { ColumnFilter, FilterModel } from '../../shared/contract/grid';
import type { CheckboxSetFilterParams } from './CheckboxSetFilter';

interface ActiveFiltersProps {
  gridApi: GridApi | null;
  filterModel: FilterModel;
}

/**
 * The filters in force, above the grid, each in words and each removable, so a narrowed
 * view never passes for the whole period. Reads headings (and a set filter's labels) from
 * the grid's own column definitions.
 */
export function ActiveFilters({ gridApi, filterModel }: ActiveFiltersProps) {
  const entries = Object.entries(filterModel);
  if (!gridApi || entries.length === 0) return null;
  const remove = (colId: string) => void gridApi.setColumnFilterModel(colId, null).then(() => gridApi.onFilterChanged());
  return (
    <div className="active-filters" data-testid="active-filters">
      <span className="active-filters-label">Filtered:</span>
      <ul aria-label="Active filters">
        {entries.map(([colId, filter]) => {
          const text = describeFilter(gridApi, colId, filter);
          return (
            <li key={colId} className="active-filter" data-col-id={colId}>
              <span>{text}</span>
              <button type="button" className="active-filter-remove" onClick={() => remove(colId)} aria-label={`Remove the filter ${text}`} title="Remove this filter">
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button-link" onClick={() => gridApi.setFilterModel(null)} data-testid="clear-filters">
        Clear all
      </button>
    </div>
  );
}

const TEXT_WORDS: Record<string, string> = {
  contains: 'contains',
  notContains: 'does not contain',
  equals: 'is',
  notEqual: 'is not',
  startsWith: 'starts with',
  endsWith: 'ends with',
};
const NUMBER_WORDS: Record<string, string> = { equals: '=', notEqual: '≠', lessThan: '<', lessThanOrEqual: '≤', greaterThan: '>', greaterThanOrEqual: '≥' };
const DATE_WORDS: Record<string, string> = { equals: 'on', notEqual: 'not on', lessThan: 'before', greaterThan: 'after' };

/** "Payee contains “Ada”", "Amount > 1000", "Kind: Refund, Adjustment". */
export function describeFilter(gridApi: GridApi, colId: string, filter: ColumnFilter): string {
  const colDef = gridApi.getColumn(colId)?.getColDef();
  const heading = colDef?.headerName ?? colId;
  if (filter.filterType === 'set') {
    const params = colDef?.filterParams as Partial<CheckboxSetFilterParams> | undefined;
    const labels = filter.values.map((value) => params?.labelOf?.(value) ?? value);
    return `${heading}: ${labels.length ? labels.join(', ') : 'none'}`;
  }
  if ('conditions' in filter) return `${heading} ${filter.conditions.map(describeCondition).join(filter.operator === 'OR' ? ' or ' : ' and ')}`;
  return `${heading} ${describeCondition(filter)}`;
}

function describeCondition(c: Exclude<ColumnFilter, { filterType: 'set' } | { conditions: unknown }>): string {
  if (c.type === 'blank') return 'is blank';
  if (c.type === 'notBlank') return 'is not blank';
  switch (c.filterType) {
    case 'text':
      return `${TEXT_WORDS[c.type] ?? c.type} “${c.filter ?? ''}”`;
    case 'number':
      return c.type === 'inRange' ? `between ${c.filter} and ${c.filterTo}` : `${NUMBER_WORDS[c.type] ?? c.type} ${c.filter}`;
    case 'date': {
      const day = (value: string | null | undefined) => (value ?? '').slice(0, 10);
      return c.type === 'inRange' ? `from ${day(c.dateFrom)} to ${day(c.dateTo)}` : `${DATE_WORDS[c.type] ?? c.type} ${day(c.dateFrom)}`;
    }
  }
}
