import type { HandlerSlice } from '../api/registry';
import type { Database } from '../db/driver';
import { runRecordBatch } from '../imports/record-batch';
import { listPayees } from './list';
import { getPayee } from './payee-store';

/** Hold and release are one-record batches: recorded like any write, and undoable while open. */
function setHold(db: Database.Database, orgId: string, id: number, record: { on_hold: boolean; hold_reason?: string }) {
  getPayee(db, { orgId, id }); // 404 before any batch is recorded
  runRecordBatch(db, 'payees', { orgId, operation: 'update_only', onError: 'reject', records: [{ id, ...record }] });
  return getPayee(db, { orgId, id });
}

export const payeesHandlers: HandlerSlice<'payees.get' | 'payees.list' | 'payees.batch' | 'payees.hold' | 'payees.release'> = {
  'payees.get': (input, { workspace }) => getPayee(workspace.db, input),
  'payees.list': (input, { workspace }) => listPayees(workspace.db, input),
  'payees.batch': (input, { workspace }) => runRecordBatch(workspace.db, 'payees', input),
  'payees.hold': (input, { workspace }) => setHold(workspace.db, input.orgId, input.id, { on_hold: true, hold_reason: input.reason }),
  'payees.release': (input, { workspace }) => setHold(workspace.db, input.orgId, input.id, { on_hold: false }),
};
