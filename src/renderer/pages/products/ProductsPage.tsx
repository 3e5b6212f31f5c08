import { useCallback, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { RowClickedEvent } from 'ag-grid-community';
import type { ProductRow } from '../../../shared/contract/products';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ActiveFilters } from '../../grid/ActiveFilters';
import { useGridTheme } from '../../grid/grid-theme';
import type { PageRequest } from '../../grid/infinite-datasource';
import { RECORD_DEFAULT_COL_DEF } from '../../grid/record-filters';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { useRecordGrid } from '../../grid/use-record-grid';
import { PRODUCT_COLUMN_DEFS } from './product-columns';
import { ProductArchive } from './ProductArchive';
import { ProductForm } from './ProductForm';
import '../../styles/orgs.css';
import '../../styles/records.css';

type Panel = { kind: 'none' } | { kind: 'new'; serial: number } | { kind: 'product'; id: number };

export function ProductsPage() {
  const { view, loading, error } = useAppState();
  if (view) return <ProductsScreen orgId={view.orgId} />;
  if (error) return null; // the shell shows it
  return (
    <div className="page-message" data-testid="products-empty">
      {loading ? 'Opening the workspace…' : 'Choose an organization in the sidebar to see its products.'}
    </div>
  );
}

const loadProducts = (orgId: string, request: PageRequest) => api.call('products.list', { orgId, ...request });

function ProductsScreen({ orgId }: { orgId: string }) {
  const theme = useGridTheme();
  const grid = useRecordGrid<ProductRow>('products.list', orgId, loadProducts);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [saves, setSaves] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const openId = panel.kind === 'product' ? panel.id : null;
  const product = useApiQuery('products.get', openId === null ? null : { orgId, id: openId }, saves);
  const { reloadRows } = grid;

  const afterWrite = useCallback(
    (id: number, words: string) => {
      setNotice(words);
      setSaves((n) => n + 1);
      setPanel({ kind: 'product', id });
      reloadRows();
    },
    [reloadRows],
  );
  const open = (id: number) => {
    setNotice(null);
    setPanel({ kind: 'product', id });
  };
  const filtered = Object.keys(grid.filterModel).length > 0;
  const shown = product.data && openId !== null && product.data.id === openId ? product.data : null;

  return (
    <div className="records-page" data-testid="products-page">
      <div className="toolbar">
        <p className="row-count" data-testid="products-count">
          {grid.rowCount === null ? 'Loading products…' : `${grid.rowCount.toLocaleString()} ${grid.rowCount === 1 ? 'product' : 'products'}${filtered ? ' match the filters' : ''}`}
        </p>
        <div className="toolbar-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setPanel((p) => ({ kind: 'new', serial: p.kind === 'new' ? p.serial + 1 : 0 }));
            }}
            data-testid="new-product"
          >
            New product
          </button>
        </div>
      </div>
      <ActiveFilters gridApi={grid.gridApi} filterModel={grid.filterModel} />
      {grid.gridError && <ErrorNotice error={grid.gridError} title="Could not load the products" onRetry={reloadRows} />}
      <div className={panel.kind === 'none' ? 'records-layout records-layout-grid-only' : 'records-layout'}>
        <div className="grid-frame">
          <div className="grid-host" data-testid="products-grid">
            <AgGridReact<ProductRow>
              {...SERVER_GRID_PROPS}
              theme={theme}
              columnDefs={PRODUCT_COLUMN_DEFS}
              defaultColDef={RECORD_DEFAULT_COL_DEF}
              datasource={grid.datasource}
              getRowId={({ data }) => String(data.id)}
              onGridReady={grid.onGridReady}
              onFilterChanged={grid.onFilterChanged}
              onRowClicked={(event: RowClickedEvent<ProductRow>) => event.data && open(event.data.id)}
              rowClassRules={{ 'row-selected-record': ({ data }) => data?.id === openId, 'row-archived': ({ data }) => !!data?.archived }}
            />
          </div>
          {grid.rowCount === 0 && (
            <div className="grid-empty" data-testid="grid-empty">
              <p>{filtered ? 'No products match these filters.' : 'No products yet. Create one, or import a products file.'}</p>
              {filtered && (
                <button type="button" className="button" onClick={() => grid.gridApi?.setFilterModel(null)}>
                  Clear filters
                </button>
              )}
            </div>
          )}
        </div>
        {panel.kind !== 'none' && (
          <aside className="record-panel" aria-labelledby="product-panel-title" data-testid="product-panel">
            <div className="record-panel-head">
              <h2 className="record-panel-title" id="product-panel-title">
                {panel.kind === 'new' ? 'New product' : (shown?.name ?? 'Product')}
              </h2>
              <button type="button" className="button button-quiet button-small" onClick={() => setPanel({ kind: 'none' })} aria-label="Close the panel">
                Close
              </button>
            </div>
            {notice && (
              <p className="notice notice-success" role="status" data-testid="product-saved">
                {notice}
              </p>
            )}
            {panel.kind === 'new' && (
              <ProductForm key={panel.serial} orgId={orgId} product={null} onSaved={(id) => afterWrite(id, 'Product created.')} onCancel={() => setPanel({ kind: 'none' })} />
            )}
            {panel.kind === 'product' && product.error && <ErrorNotice error={product.error} title="Could not open the product" onRetry={product.reload} />}
            {shown && (
              <>
                <ProductForm
                  key={`${shown.id}-${shown.updatedAt}`}
                  orgId={orgId}
                  product={shown}
                  onSaved={(id, status) => afterWrite(id, status === 'unchanged' ? 'Nothing changed.' : 'Changes saved.')}
                />
                <ProductArchive
                  key={`archive-${shown.id}-${shown.updatedAt}`}
                  orgId={orgId}
                  product={shown}
                  onChanged={(p) => afterWrite(p.id, p.archived ? 'Product archived.' : 'Product brought back.')}
                />
              </>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
