import type { ProductRow } from '../../shared/contract/products';
import type { Database } from '../db/driver';
import { getKeyedRecord, type KeyedTable, type RecordKey } from '../records/keyed-record';

export const PRODUCT_SELECT = 'SELECT p.id, p.external_id, p.name, p.category, p.tags, p.metadata, p.archived, p.created_at, p.updated_at';

export interface StoredProduct {
  id: number;
  external_id: string | null;
  name: string;
  category: string | null;
  tags: string;
  metadata: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

export function toProductRow(p: StoredProduct): ProductRow {
  return {
    id: p.id,
    externalId: p.external_id,
    name: p.name,
    category: p.category,
    tags: JSON.parse(p.tags) as string[],
    metadata: JSON.parse(p.metadata) as Record<string, unknown>,
    archived: p.archived === 1,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export const PRODUCTS: KeyedTable<StoredProduct, ProductRow> = { table: 'products', select: PRODUCT_SELECT, noun: 'product', toRow: toProductRow };

/** products.get: one product of the org by id or external_id; 404 product_not_found otherwise. */
export function getProduct(db: Database.Database, key: RecordKey): ProductRow {
  return getKeyedRecord(db, PRODUCTS, key);
}
