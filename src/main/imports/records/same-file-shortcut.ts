import { createHash } from 'node:crypto';
import type { ImportEntity, ImportOperation } from '../../../shared/contract/imports';
import type { Database } from '../../db/driver';
import { ENTITY_TABLES, isShowbackEntity } from './same-file-records';

/** Every row of a file an earlier batch created, still in place: the re-import's one run of duplicates. */
export interface SameFileShortcut {
  earlierBatchId: number;
  firstRow: number;
  firstId: number;
  rows: number;
  firstExternalId: string | null;
}

/** SHA-256 of a mapping's JSON with its keys sorted, so the same mapping always hashes the same. */
export function mappingFingerprint(entity: ImportEntity, mapping: unknown): string {
  const sorted = JSON.stringify({ entity, mapping }, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
  return createHash('sha256').update(sorted).digest('hex');
}

interface Query {
  orgId: string;
  entity: ImportEntity;
  operation: ImportOperation;
  sha256: string;
  mappingSha256: string;
}

/**
 * A create_only re-import of the same bytes with the same mapping, when an earlier batch
 * created every row of it, in row order, and all of those records are still there: each
 * row would be found and skipped_duplicate (create_only keeps the stored record whatever
 * the row says), in one run of consecutive rows and ids. Found here from the batch and
 * its id range instead of reading, mapping and looking up every row again. Anything less
 * than all of that (another operation, an error row, a record since removed, rows out of
 * order): null, and the import reads the file row by row.
 */
export function findSameFileShortcut(db: Database.Database, query: Query): SameFileShortcut | null {
  if (query.operation !== 'create_only' || query.entity === 'billing' || query.entity === 'consumption' || query.entity === 'usage' || isShowbackEntity(query.entity)) return null;
  const table = ENTITY_TABLES[query.entity];
  const earlier = db
    .prepare(
      `SELECT id, created_first_id AS first, created_last_id AS last, created_count AS created FROM import_batches
       WHERE org_id = ? AND entity = ? AND file_sha256 = ? AND mapping_sha256 = ? AND status = 'committed'
         AND created_count > 0 AND created_count = total_rows AND created_last_id - created_first_id + 1 = created_count
       ORDER BY id DESC LIMIT 1`,
    )
    .get(query.orgId, query.entity, query.sha256, query.mappingSha256) as { id: number; first: number; last: number; created: number } | undefined;
  if (!earlier) return null;
  // The table name comes from ENTITY_TABLES, never from input.
  const first = db.prepare(`SELECT source_row AS row, external_id AS externalId FROM ${table} WHERE id = ? AND batch_id = ?`).get(earlier.first, earlier.id) as
    | { row: number; externalId: string | null }
    | undefined;
  if (!first) return null;
  // Still there, still this batch's, and row n of the file is record first + n (one scan of the id range).
  const inStep = db
    .prepare(`SELECT count(*) FROM ${table} WHERE id BETWEEN ? AND ? AND batch_id = ? AND source_row - id = ?`)
    .pluck()
    .get(earlier.first, earlier.last, earlier.id, first.row - earlier.first) as number;
  if (inStep !== earlier.created) return null;
  return { earlierBatchId: earlier.id, firstRow: first.row, firstId: earlier.first, rows: earlier.created, firstExternalId: first.externalId };
}
