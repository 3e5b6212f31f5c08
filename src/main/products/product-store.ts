import type { ProductRow } from '../../shared/contract/products';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';

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

/** products.get: one product of the org by id or external_id; 404 product_not_found otherwise. */
export function getProduct(db: Database.Database, key: { orgId: string; id?: number; externalId?: string }): ProductRow {
  assertOrg(db, key.orgId);
  const stored = (
    key.id !== undefined
      ? db.prepare(`${PRODUCT_SELECT} FROM products p WHERE p.org_id = ? AND p.id = ?`).get(key.orgId, key.id)
      : db.prepare(`${PRODUCT_SELECT} FROM products p WHERE p.org_id = ? AND p.external_id = ?`).get(key.orgId, key.externalId)
  ) as StoredProduct | undefined;
  if (!stored) {
    const named = key.id !== undefined ? `id ${key.id}` : `external_id "${key.externalId}"`;
    throw notFound('product_not_found', `No product with ${named} in org ${key.orgId}`, { field: key.id !== undefined ? 'id' : 'externalId' });
  }
  return toProductRow(stored);
}
