import type { EntityWriter, WriterContext } from './entity-writer';
import { problem } from './field-problem';
import { billingKeyText, resourceKeys } from './billing-record';
import { ConsumptionBatchKeys } from './consumption-batch-keys';
import { ConsumptionBulkLoad } from './consumption-bulk-load';
import { ConsumptionInserts, DESCRIPTIVE } from './consumption-inserts';
import { ConsumptionMatchFilter } from './consumption-match-filter';
import { readConsumptionRecord, type ConsumptionFields } from './consumption-record';
import { WORKSPACE_REFUSED } from './outcome-recorder';
import type { RawRecord } from './field-readers';

interface StoredConsumption {
  id: number;
  resource_uuid: string | null;
  resource_name: string | null;
  resource: string | null;
  customer_uuid: string | null;
  customer_name: string | null;
  project_uuid: string | null;
  project_name: string | null;
  consumed_sell_micros: number | null;
  consumed_buy_micros: number | null;
  last_sync_at: string | null;
  raw_data: string | null;
  currency: string;
  is_finalized: 0 | 1;
  is_reconciled: 0 | 1;
  reconciled_at: string | null;
  updated_at: string;
  batch_id: number | null;
  source_row: number | null;
}

const VALUES = ['consumed_sell_micros', 'consumed_buy_micros', 'last_sync_at', 'raw_data'] as const;
const STORED = `id, ${DESCRIPTIVE.join(', ')}, ${VALUES.join(', ')}, currency, is_finalized, is_reconciled, reconciled_at, updated_at, batch_id, source_row`;
/** The field a changed column is named by in outcomes and messages. */
const FIELD_OF: Record<string, string> = { consumed_sell_micros: 'consumed_sell', consumed_buy_micros: 'consumed_buy' };

/**
 * Consumption rows set the consumed (estimated) amounts of consumption records (seed 003),
 * matched like billing rows: org, license_reference, billing_period and resource (uuid, else
 * name). Not matched: a record is created, not finalized. Matched: its estimate and
 * descriptive fields are updated (a finalized record keeps its final amounts). A reconciled
 * record never changes; a record's amounts stay in one currency.
 */
export function consumptionWriter(ctx: WriterContext): EntityWriter {
  const { db, orgId, now, locks, outcomes, operation, timeZone } = ctx;
  const orgCurrency = db.prepare('SELECT currency FROM orgs WHERE id = ?').pluck().get(orgId) as string;
  const byKey = db.prepare(`SELECT ${STORED} FROM consumption_records WHERE org_id = ? AND license_reference = ? AND resource_key = ? AND billing_period = ?`);
  const byName = db.prepare(
    `SELECT ${STORED} FROM consumption_records WHERE org_id = ? AND license_reference = ? AND billing_period = ? AND resource_name = ? LIMIT 2`,
  );
  // New records go in CONSUMPTION_CHUNK_ROWS at a time: every read of consumption_records and
  // every other outcome below settles the waiting rows first, so reads see them and outcomes stay in row order.
  const bulk = new ConsumptionBulkLoad(db, orgId);
  const inserts = new ConsumptionInserts(db, ctx, {
    created: (rowNumber, id, key, amount, f, keys) => {
      bulk.noteInserted(f.billing_period);
      batchKeys.noteCreated(id, keys);
      outcomes.created(rowNumber, id, key, amount);
    },
    refused: (rowNumber, raw, error) => outcomes.error(rowNumber, null, WORKSPACE_REFUSED, keyOf(raw), null, error.message),
  });
  const settle = () => inserts.flush();
  const unmatched = new ConsumptionMatchFilter(db, orgId);
  const batchKeys = new ConsumptionBatchKeys(db, ctx.batchId, (period) => unmatched.heldNone(period));
  // The match index is put off only while every row so far is of a month that held no record.
  let onlyEmptyMonths = true;
  const byId = db.prepare(`SELECT ${STORED} FROM consumption_records WHERE id = ?`);
  const update = db.prepare(`UPDATE consumption_records SET ${[...DESCRIPTIVE, ...VALUES].map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);

  function find(f: ConsumptionFields): StoredConsumption | undefined {
    for (const key of resourceKeys(f)) {
      const found = byKey.get(orgId, f.license_reference, key, f.billing_period) as StoredConsumption | undefined;
      if (found) return found;
    }
    if (f.resource_name === undefined) return undefined;
    const named = byName.all(orgId, f.license_reference, f.billing_period, f.resource_name) as StoredConsumption[];
    return named.length === 1 ? named[0] : undefined;
  }

  const storedById = (id: number | undefined) => (id === undefined ? undefined : (byId.get(id) as StoredConsumption));

  function create(rowNumber: number, f: ConsumptionFields, key: string | null, raw: RawRecord): void {
    if (f.consumed_sell_micros === undefined) throw problem('consumed_sell', 'is required: a consumption row carries the estimated amounts');
    if (f.consumed_buy_micros === undefined) throw problem('consumed_buy', 'is required: a consumption row carries the estimated amounts');
    const period = f.billing_period.slice(0, 7);
    if (locks.isLocked(period)) {
      settle();
      return outcomes.blocked(rowNumber, null, key ?? keyText(f), 'billing_period', locks.lockedMessage(period));
    }
    locks.noteWritten(period);
    const keys = unmatched.noteCreated(f);
    // No record created yet (an empty table's batch turns bulk at its first row): none to take over.
    if (bulk.consider(outcomes.counts.created) && onlyEmptyMonths) batchKeys.start(outcomes.createdFirstId ?? Number.MAX_SAFE_INTEGER);
    inserts.add(rowNumber, f, f.currency ?? orgCurrency, key, raw, keys);
  }

  /** The row applied to the stored record: its next values, the fields that change and their stored values. */
  function diff(stored: StoredConsumption, f: ConsumptionFields) {
    if (f.currency !== undefined && f.currency !== stored.currency) {
      const against = stored.is_finalized === 1 ? 'its final amount is' : 'its amounts are';
      throw problem('currency', `is ${f.currency}, but ${against} in ${stored.currency}: an estimate and a final amount in different currencies cannot be reconciled`);
    }
    const next: Record<string, unknown> = { ...stored };
    const changes: string[] = [];
    const previous: Record<string, unknown> = {};
    const given: Record<string, unknown> = {
      resource_uuid: f.resource_uuid,
      resource_name: f.resource_name,
      ...f.details,
      consumed_sell_micros: f.consumed_sell_micros,
      consumed_buy_micros: f.consumed_buy_micros,
      raw_data: f.raw_data,
    };
    for (const column of [...DESCRIPTIVE, 'consumed_sell_micros', 'consumed_buy_micros', 'raw_data'] as const) {
      const value = given[column];
      if (value === undefined || value === stored[column]) continue;
      next[column] = value;
      previous[column] = stored[column];
      changes.push(FIELD_OF[column] ?? column);
    }
    // A sync time given is compared like any field; an estimate that changes without one was synced now.
    const syncedAt = f.last_sync_at ?? (changes.some((c) => c.startsWith('consumed_')) ? now : undefined);
    if (syncedAt !== undefined && syncedAt !== stored.last_sync_at) {
      next.last_sync_at = syncedAt;
      previous.last_sync_at = stored.last_sync_at;
      changes.push('last_sync_at');
    }
    return { next, changes, previous };
  }

  function change(rowNumber: number, stored: StoredConsumption, f: ConsumptionFields, key: string | null): void {
    const { next, changes, previous } = diff(stored, f);
    if (changes.length === 0) return outcomes.unchanged(rowNumber, stored.id, key);
    if (stored.is_reconciled === 1) {
      throw problem(changes[0], `the record is already reconciled (at ${stored.reconciled_at}); it cannot change unless the reconciliation is reversed`);
    }
    const period = f.billing_period.slice(0, 7);
    if (locks.isLocked(period)) return outcomes.blocked(rowNumber, stored.id, key, 'billing_period', locks.lockedMessage(period));
    previous.updated_at = stored.updated_at;
    locks.noteWritten(period);
    update.run(...[...DESCRIPTIVE, ...VALUES].map((c) => next[c]), now, stored.id);
    outcomes.updated(rowNumber, stored.id, key, changes, previous, { currency: stored.currency, micros: (next.consumed_sell_micros as number | null) ?? 0 });
  }

  return {
    keyOf,
    flush: settle,
    beforeCommit() {
      batchKeys.stop();
      bulk.finish();
    },
    write(rowNumber, raw) {
      const f = readConsumptionRecord(raw, timeZone);
      // A row that certainly matches no record is created without looking it up. A created
      // row's key is only listed when every outcome is (not for a file): not built otherwise.
      if (!unmatched.mayMatch(f) && operation !== 'update_only') return create(rowNumber, f, outcomes.collectAll ? keyText(f) : null, raw);
      const key = keyText(f);
      settle();
      const emptyMonth = unmatched.heldNone(f.billing_period);
      if (!emptyMonth) onlyEmptyMonths = false;
      if (batchKeys.active && !emptyMonth) batchKeys.stop();
      const stored = batchKeys.active ? storedById(batchKeys.find(f, unmatched.keysOf(f))) : find(f);
      const earlier = stored && ctx.sameRecord.earlierRow(stored);
      if (earlier !== undefined) return ctx.sameRecord.repeat(rowNumber, earlier, stored!.id, key, () => diff(stored!, f).changes, 'license_reference');
      if (stored && operation === 'create_only') return outcomes.duplicate(rowNumber, stored.id, key);
      if (stored) return change(rowNumber, stored, f, key);
      if (operation === 'update_only') throw problem('license_reference', `no consumption record matches ${key} to update`);
      create(rowNumber, f, key, raw);
    },
  };
}

/** "license / resource / YYYY-MM-01" of a row read. */
function keyText(f: ConsumptionFields): string | null {
  return billingKeyText(f.license_reference, f.resource_uuid ?? f.resource_name, f.billing_period);
}

/** "license / resource / YYYY-MM-01", read leniently from the row as given (also from a refused one). */
function keyOf(raw: RawRecord): string | null {
  return billingKeyText(raw.license_reference, raw.resource_uuid ?? raw.resource_name, raw.billing_period);
}
