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
