// The grid views the benchmark times: what an accountant opens most during a close.
import type { FilterModel, SortModel } from '../src/shared/contract/grid';

export interface GridView {
  label: string;
  orgId: string;
  period: string | null;
  sortModel: SortModel;
  filterModel: FilterModel;
}

export const PAGE_ROWS = 100;

export function benchViews(orgId: string, closingPeriod: string, payeeText: string): GridView[] {
  return [
    {
      label: `sales of ${closingPeriod} by amount (desc)`,
      orgId,
      period: closingPeriod,
      sortModel: [{ colId: 'amount', sort: 'desc' }],
      filterModel: { kind: { filterType: 'set', values: ['sale'] } },
    },
    { label: `all of ${closingPeriod}, unsorted`, orgId, period: closingPeriod, sortModel: [], filterModel: {} },
    { label: 'all periods by date (desc)', orgId, period: null, sortModel: [{ colId: 'occurredAt', sort: 'desc' }], filterModel: {} },
    {
      label: `payee contains "${payeeText}", by date (desc)`,
      orgId,
      period: null,
      sortModel: [{ colId: 'occurredAt', sort: 'desc' }],
      filterModel: { payeeName: { filterType: 'text', type: 'contains', filter: payeeText } },
    },
  ];
}

/**
 * Every view the Revenues screen offers with one sort or one filter, over all periods and
 * over one month (`--every-view`): what issue 8 item 14 asks to stay under 50 ms p95.
 */
export function everyView(orgId: string, closingPeriod: string, payeeText: string, sortable: readonly string[]): GridView[] {
  const filters: Array<[string, FilterModel]> = [
    ['kind is refund', { kind: { filterType: 'set', values: ['refund'] } }],
    ['amount > 100', { amount: { filterType: 'number', type: 'greaterThan', filter: 100 } }],
    ['currency = EUR', { currency: { filterType: 'text', type: 'equals', filter: 'EUR' } }],
    [`payee contains "${payeeText}"`, { payeeName: { filterType: 'text', type: 'contains', filter: payeeText } }],
    ['payee does not contain "a"', { payeeName: { filterType: 'text', type: 'notContains', filter: 'a' } }],
    ['product contains "pro"', { productName: { filterType: 'text', type: 'contains', filter: 'pro' } }],
    ['category is "Software"', { productCategory: { filterType: 'text', type: 'equals', filter: 'Software' } }],
    ['description contains "fee"', { description: { filterType: 'text', type: 'contains', filter: 'fee' } }],
    ['external id starts with "ch_1"', { externalId: { filterType: 'text', type: 'startsWith', filter: 'ch_1' } }],
    ['date in the first week of the month', { occurredAt: { filterType: 'date', type: 'inRange', dateFrom: `${closingPeriod}-01`, dateTo: `${closingPeriod}-07` } }],
    ['quantity > 1', { quantity: { filterType: 'number', type: 'greaterThan', filter: 1 } }],
  ];
  const views: GridView[] = [];
  for (const period of [null, closingPeriod]) {
    const scope = period ? period : 'all periods';
    for (const colId of sortable) views.push({ label: `${scope}, by ${colId} (desc)`, orgId, period, sortModel: [{ colId, sort: 'desc' }], filterModel: {} });
    for (const [label, filterModel] of filters) views.push({ label: `${scope}, ${label}`, orgId, period, sortModel: [], filterModel });
  }
  return views;
}

/**
 * Start rows of the timed requests: the first ten pages (scrolling down from the top)
 * then pages spread evenly to the very last one (dragging the scrollbar).
 */
export function pageOffsets(rowCount: number, requests: number): number[] {
  const lastPage = Math.max(0, Math.ceil(rowCount / PAGE_ROWS) - 1);
  const top = Math.min(10, requests);
  const offsets = Array.from({ length: top }, (_, i) => Math.min(i, lastPage) * PAGE_ROWS);
  const spread = requests - top;
  for (let i = 1; i <= spread; i++) offsets.push(Math.round((i / spread) * lastPage) * PAGE_ROWS);
  return offsets;
}
