import type { Database } from '../../db/driver';
import { bulkRowsOf, DeferredUniqueIndex, isBulk, rowsIn } from './deferred-indexes';
import { externalIdOf, type EntityWriter, type WriterContext } from './entity-writer';
import { FieldProblem, problem } from './field-problem';
import { KeyIdTable, MAX_TABLE_ID } from './key-id-table';
import { WORKSPACE_REFUSED } from './outcome-recorder';
import type { RawRecord } from './field-readers';
import { ReferenceLookup } from './reference-lookup';
import { givenFieldsOf, RevenueInserts, type RowAsGiven } from './revenue-inserts';
import type { RecordOrigin } from './same-record-rows';
import { readRevenueRecord, type RevenueFields } from './revenue-record';
import {
  applyRevenueFields,
  checkRefundTarget,
  checkRevenueSigns,
  newRevenueValues,
  type RefundTarget,
  type RevenueReferences,
  type RevenueValues,
  type StoredRevenue,
} from './revenue-rules';

const STORED_COLUMNS = `id, external_id, kind, occurred_at, period, payee_id, product_id, amount_micros, currency, quantity, description, refund_of, updated_at, batch_id, source_row`;

type Stored = StoredRevenue & RecordOrigin;

/** The unique key (org_id, external_id), dropped during a bulk batch (see considerDeferring). */
const KEY_INDEX = 'revenues_external_id';
/**
 * maxKeys: past this many keys the unique index is built again and used as before, so the
 * register stays under 64 MB (8 bytes a slot, at most half of them taken). An object so
 * tests can lower it.
 */
export const DEFERRED_KEY_LIMITS = { maxKeys: 4_000_000 };
const BULK_REVENUES = bulkRowsOf('revenues');
/** The share of new keys greater than the key before them above which the key is kept live. */
const ASCENDING_SHARE = 0.9;

function prepareStatements(db: Database.Database) {
  return {
    originByExternalId: db.prepare('SELECT id, batch_id, source_row FROM revenues WHERE org_id = ? AND external_id = ?'),
    originById: db.prepare('SELECT id, batch_id, source_row FROM revenues WHERE id = ?'),
    // Compared by SQLite, byte for byte, as the unique key compares.
    holdsKey: db.prepare('SELECT 1 FROM revenues WHERE id = ? AND external_id = ?').pluck(),
    orgKeys: db.prepare('SELECT external_id, id FROM revenues WHERE org_id = ? AND external_id IS NOT NULL').raw(),
    byExternalId: db.prepare(`SELECT ${STORED_COLUMNS} FROM revenues WHERE org_id = ? AND external_id = ?`),
    byId: db.prepare(`SELECT ${STORED_COLUMNS} FROM revenues WHERE id = ?`),
    refundTarget: db.prepare('SELECT kind, currency FROM revenues WHERE org_id = ? AND external_id = ?'),
    refundTargetById: db.prepare('SELECT kind, currency FROM revenues WHERE id = ?'),
    update: db.prepare(
      `UPDATE revenues SET kind = ?, occurred_at = ?, period = ?, payee_id = ?, product_id = ?, amount_micros = ?, currency = ?,
         quantity = ?, description = ?, refund_of = ?, updated_at = ? WHERE id = ?`,
    ),
  };
}

/**
 * Revenues by external_id. create_only: an existing external_id is skipped_duplicate and
 * the stored record is kept (the seed's idempotent create). update_only / create_or_update:
 * the given fields replace the stored ones (updated, with the changed fields) or match
 * them (unchanged). Rows without external_id are always new records, unless an earlier
 * import of the same file created them. A row naming a record an earlier row of this batch
 * created, updated or matched is never written (SameRecordRows).
 *
 * A bulk batch drops the unique key and finds external_ids in its own register of the
 * org's keys instead (considerDeferring), then builds the key again before COMMIT.
 */
export function revenueWriter(ctx: WriterContext): EntityWriter {
  const { orgId, now, locks, outcomes, operation } = ctx;
  const sql = prepareStatements(ctx.db);
  // New rows go in INSERT_CHUNK_ROWS at a time: every read of revenues and every other
  // outcome below settles the waiting rows first, so reads see them and outcomes stay in row order.
  const inserts = new RevenueInserts(ctx.db, ctx, {
    created: (rowNumber, id, externalId, amount) => {
      lastWasDuplicate = false;
      outcomes.created(rowNumber, id, externalId, amount);
    },
    exists: (rowNumber, externalId, row) => duplicate(rowNumber, existing(externalId)!, externalId, () => row),
    refused: (rowNumber, externalId, error) => outcomes.error(rowNumber, null, WORKSPACE_REFUSED, externalId, null, error.message),
  });
  const settle = () => inserts.flush();
  const rowsBefore = rowsIn(ctx.db, 'revenues');
  const uniqueKey = new DeferredUniqueIndex(ctx.db, KEY_INDEX);
  /** The org's external_id -> revenue id while the unique key is dropped; null while it is in place. */
  let keys: KeyIdTable | null = null;
  // Decided once a batch: after the key was declined or built again, it stays (each try reads every key of the org).
  let deferralTried = false;
  // Until then: how many new keys came after the one before in sort order (see considerDeferring).
  const order = { keyed: 0, ascending: 0, last: '' };
  const holdsKey = (id: number, externalId: string) => sql.holdsKey.get(id, externalId) !== undefined;
  const idOf = (externalId: string) => keys!.find(externalId, holdsKey);
  const payees = new ReferenceLookup(ctx.db, 'payees', orgId, 'payee');
  const products = new ReferenceLookup(ctx.db, 'products', orgId, 'product');
  // After a duplicate the next row is likely one too (a re-imported file): look it up
  // first instead of trying the insert.
  let lastWasDuplicate = false;

  function references(f: RevenueFields): RevenueReferences {
    return {
      payee_id: payees.resolve('payee_external_id', f.payee_external_id),
      product_id: products.resolve('product_external_id', f.product_external_id),
    };
  }

  function refundTarget(values: RevenueValues): RefundTarget | undefined {
    if (values.kind !== 'refund' || values.refund_of === null) return undefined;
    settle();
    const target = (keys ? byKey(sql.refundTargetById, values.refund_of) : sql.refundTarget.get(orgId, values.refund_of)) as RefundTarget | undefined;
    if (target) return target;
    // The sale is earlier in this file but was not written: say why, naming its row.
    const sale = values.refund_of;
    const blocked = ctx.sameRecord.blockedRow(null, sale);
    if (blocked !== undefined) {
      throw problem('refund_of', `the sale "${sale}" (${ctx.sameRecord.name(blocked)}) is in a locked month and was not written, so this refund cannot be linked to it`);
    }
    const refused = outcomes.rowThatWasRefused(sale);
    if (refused !== undefined) {
      throw problem('refund_of', `the sale "${sale}" (${ctx.sameRecord.name(refused)}) was refused, so this refund cannot be linked to it: fix that row first`);
    }
    return undefined;
  }

  function existing(externalId: string | null): RecordOrigin | undefined {
    if (externalId === null) return undefined;
    settle();
    return (keys ? byKey(sql.originById, externalId) : sql.originByExternalId.get(orgId, externalId)) as RecordOrigin | undefined;
  }

  /** While the unique key is dropped: the org's record with this external_id, read by its id. */
  function byKey(byId: Database.Statement, externalId: string): unknown {
    const id = idOf(externalId);
    return id === undefined ? undefined : byId.get(id);
  }

  /**
   * Once the batch is a bulk load, drop the unique key: every row would otherwise insert a
   * random key into a B-tree larger than the page cache. The org's stored keys are read
   * into the register first (one pass over the index), so stored records are found as
   * before. Not done when the keys so far came in order, when the org holds maxKeys keys (or
   * one with U+FFFD), or when ids would not fit the register.
   */
  function considerDeferring(): void {
    if (deferralTried || !isBulk(outcomes.counts.created, rowsBefore, BULK_REVENUES)) return;
    deferralTried = true;
    // Keys in order (rev_00000001, …) go in at the B-tree's right edge, cheaply: dropping the key would only add a sort.
    if (order.ascending >= order.keyed * ASCENDING_SHARE) return;
    settle();
    if (rowsIn(ctx.db, 'revenues') > MAX_TABLE_ID - 2 * DEFERRED_KEY_LIMITS.maxKeys) return;
    const register = new KeyIdTable(outcomes.counts.created * 4);
    for (const [externalId, id] of sql.orgKeys.iterate(orgId) as Iterable<[string, number]>) {
      // U+FFFD may stand for a lone surrogate read back: a key that would not hash as it was written.
      if (register.size >= DEFERRED_KEY_LIMITS.maxKeys || externalId.includes('\uFFFD')) return;
      register.add(externalId, id);
    }
    uniqueKey.drop();
    keys = register;
    inserts.keys = { idOf, created: (externalId, id) => register.add(externalId, id) };
  }

  /** Build the unique key again (before COMMIT, or when the register is full) and find keys through it. */
  function restoreKey(): void {
    settle();
    uniqueKey.rebuild();
    keys = null;
    inserts.keys = null;
  }

  function create(rowNumber: number, f: RevenueFields, externalId: string | null): void {
    let values: RevenueValues;
    try {
      values = newRevenueValues(f, references(f), ctx.timeZone);
      checkRevenueSigns(values);
      checkRefundTarget(values, refundTarget(values));
    } catch (error) {
      // A create_only row whose external_id exists is a duplicate, whatever else it says.
      const found = error instanceof FieldProblem ? existing(externalId) : undefined;
      if (found === undefined) throw error;
      return duplicate(rowNumber, found, externalId, asGiven(f));
    }
    if (locks.isLocked(values.period)) {
      const found = existing(externalId);
      if (found !== undefined) return duplicate(rowNumber, found, externalId, asGiven(f));
      settle();
      return outcomes.blocked(rowNumber, null, externalId, 'occurred_at', locks.lockedMessage(values.period));
    }
    const blocked = ctx.sameRecord.blockedRow(null, externalId);
    if (blocked !== undefined) {
      settle();
      return ctx.sameRecord.repeatOfBlocked(rowNumber, blocked, externalId, 'external_id');
    }
    locks.noteWritten(values.period);
    if (!deferralTried && externalId !== null) {
      order.keyed++;
      if (externalId > order.last) order.ascending++;
      order.last = externalId;
    }
    inserts.add(rowNumber, externalId, values, givenFieldsOf(f));
  }

  /** The row as given, its references resolved when asked (a reference it names may not exist). */
  function asGiven(f: RevenueFields): () => RowAsGiven {
    return () => ({ fields: f, refs: references(f) });
  }

  /** The row names a stored record: a duplicate of it, or a repeat of the earlier row of this batch that named it. */
  function duplicate(rowNumber: number, found: RecordOrigin, externalId: string | null, given: () => RowAsGiven): void {
    settle();
    lastWasDuplicate = true;
    const earlier = ctx.sameRecord.earlierRow(found);
    if (earlier === undefined) return outcomes.duplicate(rowNumber, found.id, externalId);
    repeat(rowNumber, earlier, sql.byId.get(found.id) as Stored, given, externalId);
  }

  /** Skipped when the row, applied to the record as the earlier row left it, changes nothing; else refused. */
  function repeat(rowNumber: number, earlier: number, stored: Stored, given: () => RowAsGiven, externalId: string | null): void {
    const changesOf = () => {
      const { fields, refs } = given();
      return applyRevenueFields(stored, fields, refs, ctx.timeZone).changes;
    };
    ctx.sameRecord.repeat(rowNumber, earlier, stored.id, externalId, changesOf, 'external_id');
  }

  function update(rowNumber: number, stored: StoredRevenue, f: RevenueFields, externalId: string | null): void {
    const { values, changes, previous } = applyRevenueFields(stored, f, references(f), ctx.timeZone);
    if (changes.length === 0) return outcomes.unchanged(rowNumber, stored.id, externalId);
    checkRevenueSigns(values);
    if (changes.includes('refund_of') || changes.includes('kind') || changes.includes('currency')) checkRefundTarget(values, refundTarget(values));
    for (const period of [stored.period, values.period]) {
      if (locks.isLocked(period)) return outcomes.blocked(rowNumber, stored.id, externalId, 'occurred_at', locks.lockedMessage(period));
    }
    const blocked = ctx.sameRecord.blockedRow(stored.id, null);
    if (blocked !== undefined) return ctx.sameRecord.repeatOfBlocked(rowNumber, blocked, externalId, 'external_id');
    const v = values;
    locks.noteWritten(v.period);
    sql.update.run(v.kind, v.occurred_at, v.period, v.payee_id, v.product_id, v.amount_micros, v.currency, v.quantity, v.description, v.refund_of, now, stored.id);
    outcomes.updated(rowNumber, stored.id, externalId, changes, previous, { currency: v.currency, micros: v.amount_micros });
  }

  return {
    keyOf: externalIdOf,
    flush() {
      settle();
      if (keys && keys.size >= DEFERRED_KEY_LIMITS.maxKeys) restoreKey();
      else considerDeferring();
    },
    beforeCommit: restoreKey,
    write(rowNumber: number, raw: RawRecord): void {
      const f = readRevenueRecord(raw, ctx.timeZone);
      const externalId = f.external_id ?? null;
      // An earlier import of this file created this row: found by row number, not by a lookup.
      const sameFileId = ctx.sameFile.recordFor(rowNumber, externalId);
      if (operation === 'create_only') {
        // A record an earlier batch created from this row is never one this batch wrote.
        const found = sameFileId !== undefined ? { id: sameFileId, batch_id: null, source_row: null } : lastWasDuplicate ? existing(externalId) : undefined;
        return found === undefined ? create(rowNumber, f, externalId) : duplicate(rowNumber, found, externalId, asGiven(f));
      }
      settle();
      const stored = (
        sameFileId !== undefined
          ? sql.byId.get(sameFileId)
          : externalId === null
            ? undefined
            : keys
              ? byKey(sql.byId, externalId)
              : sql.byExternalId.get(orgId, externalId)
      ) as Stored | undefined;
      const earlier = stored && ctx.sameRecord.earlierRow(stored);
      if (earlier !== undefined) return repeat(rowNumber, earlier, stored!, asGiven(f), externalId);
      if (stored) return update(rowNumber, stored, f, externalId);
      if (operation === 'update_only') {
        throw externalId === null
          ? problem('external_id', 'is required to update a revenue (update_only)')
          : problem('external_id', `no revenue with external_id "${externalId}" in this org to update`);
      }
      create(rowNumber, f, externalId);
    },
  };
}
