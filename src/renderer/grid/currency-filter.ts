import type { GridApi } from 'ag-grid-community';
import type { FilterModel, SortModel } from '../../shared/contract/grid';

// Amounts compare only within a currency. A grid with a currency column filters it to one
// currency with a plain "equals" text filter, so the filter is shown, kept and exported
// like any other, and the server needs nothing new.

/** The one currency the grid is filtered to, or null. */
export function currencyFilterOf(filterModel: FilterModel, currencyColumn: string): string | null {
  const filter = filterModel[currencyColumn];
  if (filter && 'type' in filter && filter.filterType === 'text' && filter.type === 'equals' && typeof filter.filter === 'string') return filter.filter.toUpperCase();
  return null;
}

/** Filters the grid to one currency, or (null) removes the currency filter. */
export function setCurrencyFilter(api: GridApi, currencyColumn: string, currency: string | null): void {
  void api.setColumnFilterModel(currencyColumn, currency === null ? null : { filterType: 'text', type: 'equals', filter: currency }).then(() => api.onFilterChanged());
}

/**
 * What compares amounts across currencies in this view: a sort or filter on an amount column
 * while rows in more than one currency are shown. Null when nothing does.
 */
export function crossCurrencyComparison(
  view: { sortModel: SortModel; filterModel: FilterModel },
  amountColumns: readonly string[],
  currenciesInView: readonly string[],
): { sorted: boolean; filtered: boolean; currencies: readonly string[] } | null {
  if (currenciesInView.length < 2) return null;
  const sorted = view.sortModel.some((s) => amountColumns.includes(s.colId));
  const filtered = Object.keys(view.filterModel).some((colId) => amountColumns.includes(colId));
  return sorted || filtered ? { sorted, filtered, currencies: currenciesInView } : null;
}

/** "USD, EUR and GBP" */
export function listOfCodes(codes: readonly string[]): string {
  return codes.length <= 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} and ${codes.at(-1)}`;
}
