import type { SyncConflict, SyncConflictChoice, SyncConflictStatus, SyncSource } from '../../shared/contract/sync';
import type { ImportEntity } from '../../shared/contract/imports';
import { ApiFailure, notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { startImportBatch } from '../imports/records/import-batch';
import { assertOrg } from '../orgs/assert-org';
import { FieldProblem } from '../imports/records/field-problem';
import { differingFields, localRow, rowHash, serverHash } from './record-state';
import { saveServerRule } from './rule-values';
import { takeServerStatement } from './store-statements';

interface ConflictRow {
  id: number;
  source: SyncSource;
  entity: string;
  source_id: string;
  local_id: number;
  run_id: number;
  local_values: string;
  server_values: string;
  detected_at: string;
  status: SyncConflictStatus;
  choice: SyncConflictChoice | null;
  resolved_at: string | null;
  batch_id: number | null;
}

function toConflict(row: ConflictRow): SyncConflict {
  const localValues = JSON.parse(row.local_values) as Record<string, unknown>;
  const serverValues = JSON.parse(row.server_values) as Record<string, unknown>;
  return {
    id: row.id,
    source: row.source,
    entity: row.entity,
    localId: row.local_id,
    sourceId: row.source_id,
    localValues,
    serverValues,
    differing: differingFields(localValues, serverValues),
    detectedAt: row.detected_at,
    runId: row.run_id,
    status: row.status,
    choice: row.choice,
    resolvedAt: row.resolved_at,
    batchId: row.batch_id,
  };
}

/** Open conflicts first, then resolved ones, newest first within each (at most 500). */
export function listConflicts(db: Database.Database, input: { orgId: string; source?: SyncSource; status?: SyncConflictStatus }): SyncConflict[] {
  assertOrg(db, input.orgId);
  const rows = db
    .prepare(
      `SELECT * FROM sync_conflicts WHERE org_id = ? AND (? IS NULL OR source = ?) AND (? IS NULL OR status = ?)
       ORDER BY status = 'resolved', id DESC LIMIT 500`,
    )
    .all(input.orgId, input.source ?? null, input.source ?? null, input.status ?? null, input.status ?? null) as ConflictRow[];
  return rows.map(toConflict);
}

function getConflict(db: Database.Database, orgId: string, id: number): ConflictRow {
  const row = db.prepare('SELECT * FROM sync_conflicts WHERE id = ? AND org_id = ?').get(id, orgId) as ConflictRow | undefined;
  if (!row) throw notFound('conflict_not_found', `Org ${orgId} has no sync conflict ${id}`, { id });
  return row;
}

/** The record in words for messages: its external_id when it has one, else the source's id. */
function recordName(row: ConflictRow): string {
  const server = JSON.parse(row.server_values) as Record<string, unknown>;
  return typeof server.external_id === 'string' ? `${row.entity} record external_id "${server.external_id}"` : `${row.entity} record ${row.source_id}`;
}

/**
 * keep_local: the local record stays; its link remembers the server's version as seen, so
 * the next sync raises it again only when the server changes it again. take_server: the
 * server's values are written as a one-record import batch (undone like any import); a
 * finalized month refuses it (blocked_locked_period), and so does a reconciled consumption
 * record, which keeps its reconciliation.
 */
export function resolveConflict(db: Database.Database, input: { orgId: string; id: number; choice: SyncConflictChoice }): SyncConflict {
  assertOrg(db, input.orgId);
  const row = getConflict(db, input.orgId, input.id);
  if (row.status === 'resolved') {
    throw new ApiFailure('conflict', 'already_resolved', `Sync conflict ${row.id} (${recordName(row)}) was already resolved (${row.choice} at ${row.resolved_at})`, { id: row.id });
  }
  const server = JSON.parse(row.server_values) as Record<string, unknown>;
  const now = new Date().toISOString();
  const settle = (choice: SyncConflictChoice, batchId: number | null, local?: { id: number; hash: string | null }) => {
    db.prepare(
      `UPDATE sync_links SET server_hash = ?, local_id = COALESCE(?, local_id), local_hash = CASE WHEN ? THEN ? ELSE local_hash END
       WHERE org_id = ? AND source = ? AND entity = ? AND source_id = ?`,
    ).run(serverHash(server), local?.id ?? null, local ? 1 : 0, local?.hash ?? null, input.orgId, row.source, row.entity, row.source_id);
    db.prepare("UPDATE sync_conflicts SET status = 'resolved', choice = ?, resolved_at = ?, batch_id = ? WHERE id = ?").run(choice, now, batchId, row.id);
  };
  if (input.choice === 'keep_local') {
    db.transaction(() => settle('keep_local', null))();
    return toConflict(getConflict(db, input.orgId, row.id));
  }
  if (row.entity === 'statements') {
    // Not an import entity (seed 004): written over the local statement in one transaction with the link and the conflict.
    db.transaction(() => {
      const id = takeServerStatement(db, input.orgId, row.source_id, server, row.local_id, now);
      settle('take_server', null, { id, hash: rowHash(localRow(db, row.entity, id)) });
    })();
    return toConflict(getConflict(db, input.orgId, row.id));
  }
  if (row.entity === 'rules') return takeServerRule(db, input.orgId, row, server, settle);
  const local = localRow(db, row.entity, row.local_id);
  if (local?.is_reconciled === 1) {
    throw new ApiFailure('conflict', 'record_reconciled', `Cannot take the server's version of ${recordName(row)}: it is reconciled here and keeps its reconciliation; keep local, or undo its reconciliation first`, { id: row.id });
  }
  const batch = startImportBatch(db, { orgId: input.orgId, entity: row.entity as ImportEntity, source: 'api', operation: 'create_or_update', profile: `sync:${row.source}`, keepRejected: false });
  try {
    const [outcome] = batch.write([{ rowNumber: 1, record: server }], { rows: 'all' }).rows;
    if (outcome.outcome === 'blocked_locked_period') {
      throw new ApiFailure('conflict', 'blocked_locked_period', `Cannot take the server's version of ${recordName(row)}: ${outcome.message ?? 'its month is finalized'}`, { id: row.id });
    }
    if (outcome.outcome === 'error') {
      throw new ApiFailure('validation_error', 'server_values_refused', `Cannot take the server's version of ${recordName(row)}: ${outcome.message ?? 'refused'}`, { id: row.id, field: outcome.column ?? null });
    }
    // In the batch's transaction: the link and the conflict change with the record or not at all.
    // An undone record is written again under a new id: the link follows it.
    const id = outcome.id ?? row.local_id;
    settle('take_server', batch.batchId, { id, hash: rowHash(localRow(db, row.entity, id)) });
  } catch (error) {
    batch.abort();
    throw error;
  }
  batch.finish({ onError: 'reject' });
  return toConflict(getConflict(db, input.orgId, row.id));
}

/** A rule is not an import entity: the server's version is saved as rules.batch saves it (a new version, no import batch), with the link and the conflict. */
function takeServerRule(
  db: Database.Database,
  orgId: string,
  row: ConflictRow,
  server: Record<string, unknown>,
  settle: (choice: SyncConflictChoice, batchId: number | null, local?: { id: number; hash: string | null }) => void,
): SyncConflict {
  db.transaction(() => {
    let id: number | null;
    try {
      id = saveServerRule(db, orgId, server, `sync (the server's version, conflict ${row.id})`).id;
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      const said = `${error.field ? `${error.field}: ` : ''}${error.message}`;
      throw new ApiFailure('validation_error', 'server_values_refused', `Cannot take the server's version of ${recordName(row)}: ${said}`, { id: row.id, field: error.field || null });
    }
    const localId = id ?? row.local_id;
    settle('take_server', null, { id: localId, hash: rowHash(localRow(db, 'rules', localId)) });
  }).immediate();
  return toConflict(getConflict(db, orgId, row.id));
}
