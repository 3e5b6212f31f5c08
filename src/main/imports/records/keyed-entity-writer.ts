import { externalIdOf, type EntityWriter, type WriterContext } from './entity-writer';
import { problem } from './field-problem';
import type { RawRecord } from './field-readers';
import type { RecordOrigin } from './same-record-rows';

/** One column an import writes: its record field, whether create needs it, its default. */
export interface ColumnSpec {
  column: string;
  field: string;
  required: boolean;
  /** Value on create when not given (null: none). */
  fallback: unknown;
  /** May an update clear it with null? */
  clearable: boolean;
}

/** A reference entity (payees, products) upserted by external_id, with no period. */
export interface KeyedEntitySpec {
  table: 'payees' | 'products';
  noun: string;
  columns: readonly ColumnSpec[];
  /** Per-field checks: column -> value (undefined: not given, null: cleared). */
  read(raw: RawRecord): { externalId: string | null; values: Record<string, unknown> };
  /**
   * Checks across fields on the values the record would have (column -> value), which it
   * may complete (a payee released from hold loses its hold reason). `given` is what the
   * record sent; `stored` the record before, undefined on create.
   */
  settle?(next: Record<string, unknown>, given: Record<string, unknown>, stored: Record<string, unknown> | undefined): void;
}

/** A batch record may name a stored record by its id (one with no external_id, from a screen). */
function readRecordId(raw: RawRecord): number | undefined {
  const value = raw.id;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw problem('id', `must be a record id (a whole number from 1), not ${JSON.stringify(value)}`);
  return value;
}

/**
 * Upsert by external_id for entities without periods or amounts. create_only: an existing
 * external_id is skipped_duplicate. update_only / create_or_update: given fields replace
 * stored ones (updated, with the changed fields) or match them (unchanged). A row naming
 * a record an earlier row of this batch wrote or matched is never written (SameRecordRows).
 */
export function keyedEntityWriter(spec: KeyedEntitySpec, ctx: WriterContext): EntityWriter {
  const { db, orgId, batchId, now, outcomes, operation } = ctx;
  const names = spec.columns.map((c) => c.column);
  // Table and column names come from the spec, fixed in code.
  const insert = db.prepare(
    `INSERT INTO ${spec.table} (org_id, external_id, ${names.join(', ')}, created_at, updated_at, batch_id, source_row)
     VALUES (?, ?, ${names.map(() => '?').join(', ')}, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const select = `SELECT id, org_id, external_id, ${names.join(', ')}, updated_at, batch_id, source_row FROM ${spec.table}`;
  const byExternalId = db.prepare(`${select} WHERE org_id = ? AND external_id = ?`);
  const byId = db.prepare(`${select} WHERE id = ?`);
  const update = db.prepare(`UPDATE ${spec.table} SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);

  function create(rowNumber: number, externalId: string | null, given: Record<string, unknown>): void {
    const next: Record<string, unknown> = {};
    for (const c of spec.columns) {
      const value = given[c.column];
      if (value !== undefined && value !== null) next[c.column] = value;
      else if (c.required) throw problem(c.field, `is required to create a ${spec.noun}`);
      else next[c.column] = c.fallback;
    }
    spec.settle?.(next, given, undefined);
    const values = spec.columns.map((c) => next[c.column]);
    const result = insert.run(orgId, externalId, ...values, now, now, batchId, rowNumber);
    if (result.changes === 0) {
      const stored = byExternalId.get(orgId, externalId) as { id: number };
      return outcomes.duplicate(rowNumber, stored.id, externalId);
    }
    outcomes.created(rowNumber, Number(result.lastInsertRowid), externalId, null);
  }

  /** The given fields applied to the stored record: its next values, the fields that change and their stored values. */
  function diff(stored: Record<string, unknown>, given: Record<string, unknown>) {
    const merged: Record<string, unknown> = {};
    for (const c of spec.columns) {
      const value = given[c.column];
      if (value === null && !c.clearable && stored[c.column] !== null) throw problem(c.field, 'cannot be cleared');
      merged[c.column] = value === undefined ? stored[c.column] : value;
    }
    spec.settle?.(merged, given, stored);
    const next = spec.columns.map((c) => merged[c.column]);
    const changes: string[] = [];
    const previous: Record<string, unknown> = {};
    for (const c of spec.columns) {
      if (merged[c.column] === stored[c.column]) continue;
      previous[c.column] = stored[c.column];
      changes.push(c.field);
    }
    return { next, changes, previous };
  }

  function change(rowNumber: number, externalId: string | null, stored: Record<string, unknown>, given: Record<string, unknown>): void {
    const { next, changes, previous } = diff(stored, given);
    const id = stored.id as number;
    if (changes.length === 0) return outcomes.unchanged(rowNumber, id, externalId);
    previous.updated_at = stored.updated_at;
    update.run(...next, now, id);
    outcomes.updated(rowNumber, id, externalId, changes, previous, null);
  }

  /** A record named by id: an update of that record only (never a create). */
  function writeById(rowNumber: number, id: number, externalId: string | null, values: Record<string, unknown>): void {
    const stored = byId.get(id) as (Record<string, unknown> & RecordOrigin) | undefined;
    if (!stored || stored.org_id !== orgId) throw problem('id', `no ${spec.noun} with id ${id} in this org`);
    const storedExternalId = stored.external_id as string | null;
    if (externalId !== null && externalId !== storedExternalId) {
      throw problem('external_id', `"${externalId}" is not the external_id of ${spec.noun} ${id} (${storedExternalId === null ? 'it has none' : `"${storedExternalId}"`}); an external_id is not changed here`);
    }
    const earlier = ctx.sameRecord.earlierRow(stored);
    if (earlier !== undefined) return ctx.sameRecord.repeat(rowNumber, earlier, id, storedExternalId, () => diff(stored, values).changes, 'id');
    if (operation === 'create_only') return outcomes.duplicate(rowNumber, id, storedExternalId);
    change(rowNumber, storedExternalId, stored, values);
  }

  return {
    keyOf: externalIdOf,
    write(rowNumber, raw) {
      const recordId = readRecordId(raw);
      const { id: _id, ...fields } = raw;
      const { externalId, values } = spec.read(fields);
      if (recordId !== undefined) return writeById(rowNumber, recordId, externalId, values);
      const sameFileId = ctx.sameFile.recordFor(rowNumber, externalId);
      const stored = (sameFileId !== undefined ? byId.get(sameFileId) : externalId !== null ? byExternalId.get(orgId, externalId) : undefined) as
        | (Record<string, unknown> & RecordOrigin)
        | undefined;
      const earlier = stored && ctx.sameRecord.earlierRow(stored);
      if (earlier !== undefined) return ctx.sameRecord.repeat(rowNumber, earlier, stored!.id, externalId, () => diff(stored!, values).changes, 'external_id');
      if (stored && operation === 'create_only') return outcomes.duplicate(rowNumber, stored.id as number, externalId);
      if (stored) return change(rowNumber, externalId, stored, values);
      if (operation === 'update_only') {
        throw externalId === null
          ? problem('external_id', `is required to update a ${spec.noun} (update_only)`)
          : problem('external_id', `no ${spec.noun} with external_id "${externalId}" in this org to update`);
      }
      create(rowNumber, externalId, values);
    },
  };
}
