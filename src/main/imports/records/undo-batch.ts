import type { ImportEntity } from '../../../shared/contract/imports';
import { ApiFailure, notFound } from '../../api/failure';
import type { Database } from '../../db/driver';
import { PeriodLocks } from './period-locks';
import { ENTITY_TABLES, entityKeySql } from './same-file-records';
import { checkUndoAllowed } from './undo-checks';
import { ensureStatements } from '../../statements/generate';
import { USAGE_FIELDS } from '../../statements/statement-lines';
import { VALUE_COLUMNS } from '../../showback/commitments';

/** Columns an undo may write back, per entity: the ones the writers change. */
const RESTORABLE: Record<ImportEntity, ReadonlySet<string>> = {
  revenues: new Set(['kind', 'occurred_at', 'period', 'payee_id', 'product_id', 'amount_micros', 'currency', 'quantity', 'description', 'refund_of', 'updated_at']),
  payees: new Set(['name', 'email', 'phone', 'address', 'payout_currency', 'on_hold', 'hold_reason', 'threshold_micros', 'fallback_percentage', 'updated_at']),
  products: new Set(['name', 'category', 'tags', 'metadata', 'archived', 'updated_at']),
  billing: new Set([
    'resource_uuid',
    'resource_name',
    'resource',
    'customer_uuid',
    'customer_name',
    'project_uuid',
    'project_name',
    'invoice_item_uuid',
    'final_sell_micros',
    'final_buy_micros',
    'is_finalized',
    'finalized_at',
    'updated_at',
  ]),
  consumption: new Set([
    'resource_uuid',
    'resource_name',
    'resource',
    'customer_uuid',
    'customer_name',
    'project_uuid',
    'project_name',
    'consumed_sell_micros',
    'consumed_buy_micros',
    'last_sync_at',
    'raw_data',
    'updated_at',
  ]),
  usage: new Set([...USAGE_FIELDS, 'updated_at']),
  commitments: new Set([...VALUE_COLUMNS, 'updated_at']),
  showback_usage: new Set(['on_demand_cost_micros', 'covered_cost_micros', 'updated_at']),
};

export interface BatchToUndo {
  id: number;
  org_id: string;
  entity: ImportEntity;
  status: string;
  created_first_id: number | null;
  created_last_id: number | null;
  /** The batch's timestamp: updated_at of every row it wrote. */
  created_at: string;
}

export interface UpdatedRow {
  row_number: number;
  record_id: number;
  previous: string;
}

export interface UndoResult {
  batchId: number;
  /** Created rows removed. */
  removed: number;
  /** Updated rows restored to their previous values. */
  restored: number;
}

/**
 * Undo a committed batch in one transaction: restore the rows it updated (latest row
 * first, so a record updated twice gets its value from before the batch), remove the
 * rows it created, mark it undone. Refused, changing nothing, when a row it touched is
 * in a finalized period, was changed by a later batch, or is used by other records.
 */
export function undoBatch(db: Database.Database, batchId: number): UndoResult {
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  try {
    return undoInTransaction(db, batchId);
  } catch (error) {
    // Rows of other areas that reference these records (declared foreign keys).
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new ApiFailure('conflict', 'records_in_use', `Import batch ${batchId} cannot be undone: other records still refer to rows it created`, { batchId });
    }
    throw error;
  }
}

/** undoBatch for a caller that holds the workspace's transaction (the demo, written in one). */
export function undoBatchInOpenTransaction(db: Database.Database, batchId: number): UndoResult {
  return undoInTransaction(db, batchId);
}

function undoInTransaction(db: Database.Database, batchId: number): UndoResult {
  return db
    .transaction((): UndoResult => {
      const batch = db.prepare('SELECT id, org_id, entity, status, created_first_id, created_last_id, created_at FROM import_batches WHERE id = ?').get(batchId) as
        | BatchToUndo
        | undefined;
      if (!batch) throw notFound('batch_not_found', `There is no import batch ${batchId}`, { batchId });
      if (batch.status === 'undone') throw new ApiFailure('conflict', 'already_undone', `Import batch ${batchId} was already undone`, { batchId });
      if (batch.status === 'rejected') {
        throw new ApiFailure('conflict', 'batch_rejected', `Import batch ${batchId} was rejected: it wrote nothing, so there is nothing to undo`, { batchId });
      }
      const table = ENTITY_TABLES[batch.entity];
      const updated = db
        .prepare("SELECT row_number, record_id, previous FROM import_outcomes WHERE batch_id = ? AND outcome = 'updated' ORDER BY row_number DESC")
        .all(batchId) as UpdatedRow[];
      const first = batch.created_first_id ?? 0;
      const last = batch.created_last_id ?? -1;
      checkUndoAllowed(db, { batch, table, updated, first, last, locks: new PeriodLocks(db, batch.org_id) });

      const allowed = RESTORABLE[batch.entity];
      const statements = new Map<string, Database.Statement>();
      for (const row of updated) {
        const previous = JSON.parse(row.previous) as Record<string, unknown>;
        const columns = Object.keys(previous).filter((c) => allowed.has(c));
        if (columns.length === 0) continue;
        const signature = columns.join(',');
        let statement = statements.get(signature);
        if (!statement) {
          // Column names pass the allowlist above; values are bound.
          statement = db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
          statements.set(signature, statement);
        }
        statement.run(...columns.map((c) => previous[c]), row.record_id);
      }
      // The created records go; their outcome rows stay listable on the undone batch.
      db.prepare(
        `INSERT INTO import_outcomes (batch_id, row_number, outcome, record_id, external_id)
         SELECT t.batch_id, t.source_row, 'created', t.id, ${entityKeySql(batch.entity, 't')} FROM ${table} t WHERE t.id BETWEEN ? AND ? AND t.batch_id = ?`,
      ).run(first, last, batchId);
      const removed = db.prepare(`DELETE FROM ${table} WHERE id BETWEEN ? AND ? AND batch_id = ?`).run(first, last, batchId).changes;
      db.prepare("UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?").run(new Date().toISOString().slice(0, 19) + 'Z', batchId);
      // Usage changed back: the current statement follows, as after any usage write.
      if (batch.entity === 'usage') ensureStatements(db, batch.org_id, 'after-write');
      return { batchId, removed, restored: updated.length };
    })
    .immediate();
}
