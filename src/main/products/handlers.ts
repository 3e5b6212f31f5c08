import type { HandlerSlice } from '../api/registry';
import type { Database } from '../db/driver';
import { runRecordBatch } from '../imports/record-batch';
import { listProducts } from './list';
import { getProduct } from './product-store';

/** Archive and unarchive are one-record batches: recorded like any write, and undoable. */
function setArchived(db: Database.Database, orgId: string, id: number, archived: boolean) {
  getProduct(db, { orgId, id }); // 404 before any batch is recorded
  runRecordBatch(db, 'products', { orgId, operation: 'update_only', onError: 'reject', records: [{ id, archived }] });
  return getProduct(db, { orgId, id });
}

export const productsHandlers: HandlerSlice<'products.get' | 'products.list' | 'products.batch' | 'products.archive' | 'products.unarchive'> = {
  'products.get': (input, { workspace }) => getProduct(workspace.db, input),
  'products.list': (input, { workspace }) => listProducts(workspace.db, input),
  'products.batch': (input, { workspace }) => runRecordBatch(workspace.db, 'products', input),
  'products.archive': (input, { workspace }) => setArchived(workspace.db, input.orgId, input.id, true),
  'products.unarchive': (input, { workspace }) => setArchived(workspace.db, input.orgId, input.id, false),
};
