import type { RevenueRow } from '../../shared/contract/revenues';
import { ApiFailure, invalidInput } from '../api/failure';
import type { HandlerSlice } from '../api/registry';
import type { Database } from '../db/driver';
import { REVENUE_FROM } from '../revenues/columns';
import { REVENUE_SELECT, toRevenueRow } from '../revenues/list';
import { runRecordBatch } from './record-batch';
import { startImportBatch } from './records/import-batch';
import type { RowOutcome } from './records/outcome';

function revenueById(db: Database.Database, id: number): RevenueRow {
  return toRevenueRow(db.prepare(`${REVENUE_SELECT} ${REVENUE_FROM} WHERE r.id = ?`).get(id) as Parameters<typeof toRevenueRow>[0]);
}

/** Writes of revenues: the seed's single create and batch, through the import writer. */
export const revenueWriteHandlers: HandlerSlice<'revenues.create' | 'revenues.batch'> = {
  'revenues.create': ({ orgId, record }, { workspace }) => {
    const db = workspace.db;
    const batch = startImportBatch(db, { orgId, entity: 'revenues', source: 'api', operation: 'create_only', keepRejected: false });
    let outcome: RowOutcome;
    try {
      [outcome] = batch.write([{ rowNumber: 0, record }]).rows;
      const summary = batch.finish({ onError: 'reject' });
      if (summary.status === 'committed') {
        const status = outcome.outcome === 'created' ? 'created' : 'skipped_duplicate';
        return { status, revenue: revenueById(db, outcome.id!), batchId: summary.batchId! };
      }
    } catch (error) {
      batch.abort();
      throw error;
    }
    if (outcome.outcome === 'blocked_locked_period') {
      throw new ApiFailure('conflict', 'period_locked', outcome.message!, { field: `record.${outcome.column}` });
    }
    throw invalidInput([{ field: outcome.column ? `record.${outcome.column}` : 'record', message: outcome.message! }]);
  },
  'revenues.batch': (input, { workspace }) => runRecordBatch(workspace.db, 'revenues', input),
};
