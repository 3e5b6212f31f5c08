import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FilterChangedEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import type { FilterModel, Page } from '../../shared/contract/grid';
import { asApiCallError, type ApiCallError } from '../api/api-call-error';
import { toFilterModel } from './grid-view-model';
import { databaseDatasource, type PageRequest } from './infinite-datasource';

export interface RecordGrid<Row> {
  gridApi: GridApi<Row> | null;
  datasource: ReturnType<typeof databaseDatasource<Row>>;
  gridError: ApiCallError | null;
  filterModel: FilterModel;
  /** Rows matching the filters, from the latest page (null until one arrived). */
  rowCount: number | null;
  onGridReady: (event: GridReadyEvent<Row>) => void;
  onFilterChanged: (event: FilterChangedEvent<Row>) => void;
  /** Reads every block again (after a write, or to retry). */
  reloadRows: () => void;
}

/**
 * A grid of an org's records paged from the database (payees, products): the datasource
 * is made once and reads the org at request time, so switching orgs only purges the cache.
 */
export function useRecordGrid<Row>(method: string, orgId: string, load: (orgId: string, request: PageRequest) => Promise<Page<Row>>): RecordGrid<Row> {
  const [gridApi, setGridApi] = useState<GridApi<Row> | null>(null);
  const [gridError, setGridError] = useState<ApiCallError | null>(null);
  const [filterModel, setFilterModel] = useState<FilterModel>({});
  const [rowCount, setRowCount] = useState<number | null>(null);
  const currentOrg = useRef(orgId);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  const datasource = useMemo(
    () =>
      databaseDatasource<Row>(
        async (request) => {
          const page = await loader.current(currentOrg.current, request);
          setRowCount(page.rowCount);
          return page;
        },
        (thrown) => setGridError(asApiCallError(method, thrown)),
      ),
    [method],
  );
  const reloadRows = useCallback(() => {
    if (!gridApi) return;
    setGridError(null);
    datasource.invalidate();
    gridApi.purgeInfiniteCache();
  }, [gridApi, datasource]);

  useEffect(() => {
    if (currentOrg.current === orgId) return;
    currentOrg.current = orgId;
    reloadRows();
  }, [orgId, reloadRows]);

  const onGridReady = useCallback((event: GridReadyEvent<Row>) => setGridApi(event.api), []);
  const onFilterChanged = useCallback((event: FilterChangedEvent<Row>) => {
    setGridError(null);
    setFilterModel(toFilterModel(event.api.getFilterModel()));
  }, []);
  return { gridApi, datasource, gridError, filterModel, rowCount, onGridReady, onFilterChanged, reloadRows };
}
