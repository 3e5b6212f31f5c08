import type { Page } from '../../shared/contract/grid';
import { PRODUCT_STATES, type ProductColumn, type ProductRow } from '../../shared/contract/products';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { listKeyedRecords, type PageView } from '../records/keyed-record';
import { PRODUCTS } from './product-store';

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

export function listProducts(db: Database.Database, view: PageView): Page<ProductRow> {
  return listKeyedRecords(db, PRODUCTS, PRODUCT_GRID_COLUMNS, view);
}
