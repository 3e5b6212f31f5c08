import type { HandlerSlice } from '../api/registry';
import { runRecordBatch } from '../imports/record-batch';
import { listPayees } from './list';

export const payeesHandlers: HandlerSlice<'payees.list' | 'payees.batch'> = {
  'payees.list': (input, { workspace }) => listPayees(workspace.db, input),
  'payees.batch': (input, { workspace }) => runRecordBatch(workspace.db, 'payees', input),
};
