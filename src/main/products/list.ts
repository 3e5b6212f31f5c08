import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import { PRODUCT_STATES, type ProductColumn, type ProductRow } from '../../shared/contract/products';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { queryPage } from '../grid/page-query';
import { assertOrg } from '../orgs/assert-org';
import { PRODUCT_SELECT, toProductRow, type StoredProduct } from './product-store';

/** The products grid's allowlist: column id -> fixed SQL (tags and metadata filter as JSON text). */
const PRODUCT_GRID_COLUMNS: Readonly<Record<ProductColumn, GridColumn>> = {
  id: { sql: 'p.id', kind: 'number' },
  externalId: { sql: 'p.external_id', kind: 'text' },
  name: { sql: 'p.name', kind: 'text' },
  category: { sql: 'p.category', kind: 'text' },
  tags: { sql: 'p.tags', kind: 'text' },
  metadata: { sql: 'p.metadata', kind: 'text' },
  archived: { sql: "CASE p.archived WHEN 1 THEN 'archived' ELSE 'active' END", kind: 'set', values: PRODUCT_STATES },
  createdAt: { sql: 'p.created_at', kind: 'date' },
  updatedAt: { sql: 'p.updated_at', kind: 'date' },
};

/**
 * The table as a page reads it. The (org_id, name) index answers a page sorted by name
 * (and filtered on name at most) from the index alone. Any other page scans the table: with
 * no statistics SQLite takes org_id = ? as selective, and would walk the index reading every
 * row in name order (measured 5 to 10 times slower than a scan; bench/records-grid.ts).
 */
function baseFor(view: { sortModel: SortModel; filterModel: FilterModel }): string {
  const byName = view.sortModel[0]?.colId === 'name' && Object.keys(view.filterModel).every((column) => column === 'name');
  return byName ? 'products p' : 'products p NOT INDEXED';
}

export function listProducts(db: Database.Database, view: { orgId: string; sortModel: SortModel; filterModel: FilterModel; startRow: number; endRow: number }): Page<ProductRow> {
  assertOrg(db, view.orgId);
  const page = queryPage<StoredProduct>(
    db,
    {
      select: PRODUCT_SELECT,
      base: baseFor(view),
      key: 'p.id',
      scope: [{ sql: 'p.org_id = ?', params: [view.orgId] }],
      columns: PRODUCT_GRID_COLUMNS,
    },
    view,
  );
  return { rows: page.rows.map(toProductRow), rowCount: page.rowCount };
}
