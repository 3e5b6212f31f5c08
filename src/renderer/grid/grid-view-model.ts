import type { ColumnState, SortModelItem } from 'ag-grid-community';
import type { ColumnFilter, FilterModel, SortModel } from '../../shared/contract/grid';

// AG Grid's sort and filter models carry more keys than the API accepts (its schemas are
// strict). These pick exactly the contract's fields, so a grid upgrade that adds a key
// cannot turn every request into a validation error.

export function toSortModel(items: ReadonlyArray<Pick<SortModelItem, 'colId' | 'sort'>>): SortModel {
  return items.map(({ colId, sort }) => ({ colId, sort }));
}

/** The sort of the grid's columns, in the order the user added them. */
export function sortModelOfColumns(state: ColumnState[]): SortModel {
  return toSortModel(
    state
      .filter((column): column is ColumnState & { sort: 'asc' | 'desc' } => column.sort === 'asc' || column.sort === 'desc')
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0)),
  );
}

export function toFilterModel(model: Record<string, unknown> | null | undefined): FilterModel {
  const result: FilterModel = {};
  for (const [colId, filter] of Object.entries(model ?? {})) {
    if (filter && typeof filter === 'object') result[colId] = toColumnFilter(filter as Record<string, unknown>);
  }
  return result;
}

function toColumnFilter(filter: Record<string, unknown>): ColumnFilter {
  if (filter.filterType === 'set') return { filterType: 'set', values: filter.values as string[] };
  if (Array.isArray(filter.conditions)) {
    return {
      filterType: filter.filterType,
      operator: filter.operator,
      conditions: filter.conditions.map((condition) => toCondition(condition as Record<string, unknown>)),
    } as ColumnFilter;
  }
  return toCondition(filter);
}

function toCondition(c: Record<string, unknown>): ColumnFilter {
  switch (c.filterType) {
    case 'text':
      return { filterType: 'text', type: c.type, filter: c.filter } as ColumnFilter;
    case 'number':
      return { filterType: 'number', type: c.type, filter: c.filter, filterTo: c.filterTo } as ColumnFilter;
    case 'date':
      return { filterType: 'date', type: c.type, dateFrom: c.dateFrom, dateTo: c.dateTo } as ColumnFilter;
    default:
      // Unknown to the contract: pass it on, so the server names the problem.
      return c as ColumnFilter;
  }
}
