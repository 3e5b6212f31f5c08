import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import { toFilterModel, toSortModel } from './grid-view-model';

export interface PageRequest {
  startRow: number;
  endRow: number;
  sortModel: SortModel;
  filterModel: FilterModel;
}

export interface DatabaseDatasource extends IDatasource {
  /** Call before purging the grid's cache: replies to earlier requests are dropped from then on. */
  invalidate(): void;
}

/**
 * An Infinite Row Model datasource backed by a paged API method. Each block request
 * carries the grid's sort and filter model; a reply is used only if nothing newer asked
 * for the same block since (a filter typed quickly, a period switched mid-flight),
 * so a slow old answer can never fill a block with the wrong rows.
 */
export function databaseDatasource<Row>(load: (request: PageRequest) => Promise<Page<Row>>, onError: (error: unknown) => void): DatabaseDatasource {
  let generation = 0;
  const latestByBlock = new Map<number, object>();

  return {
    invalidate() {
      generation++;
      latestByBlock.clear();
    },
    getRows(params: IGetRowsParams) {
      const ticket = {};
      const askedIn = generation;
      latestByBlock.set(params.startRow, ticket);
      const current = () => askedIn === generation && latestByBlock.get(params.startRow) === ticket;
      load({
        startRow: params.startRow,
        endRow: params.endRow,
        sortModel: toSortModel(params.sortModel),
        filterModel: toFilterModel(params.filterModel),
      }).then(
        (page) => {
          if (current()) params.successCallback(page.rows, page.rowCount);
        },
        (error: unknown) => {
          if (!current()) return;
          params.failCallback();
          onError(error);
        },
      );
    },
  };
}
