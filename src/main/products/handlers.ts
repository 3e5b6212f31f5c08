import type { HandlerSlice } from '../api/registry';
import { runRecordBatch } from '../imports/record-batch';
import { listProducts } from './list';

export const productsHandlers: HandlerSlice<'products.list' | 'products.batch'> = {
  'products.list': (input, { workspace }) => listProducts(workspace.db, input),
  'products.batch': (input, { workspace }) => runRecordBatch(workspace.db, 'products', input),
};
