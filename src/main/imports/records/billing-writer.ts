import type { EntityWriter, WriterContext } from './entity-writer';
import { problem } from './field-problem';
import { billingKeyText, readBillingRecord, resourceKeys, type BillingFields } from './billing-record';

interface StoredConsumption {
  id: number;
  resource_uuid: string | null;
  resource_name: string | null;
  resource: string | null;
  customer_uuid: string | null;
  customer_name: string | null;
  project_uuid: string | null;
  project_name: string | null;
  invoice_item_uuid: string | null;
  final_sell_micros: number | null;
  final_buy_micros: number | null;
  is_finalized: 0 | 1;
  finalized_at: string | null;
  is_reconciled: 0 | 1;
  currency: string;
  updated_at: string;
  batch_id: number | null;
  source_row: number | null;
}

const DESCRIPTIVE = ['resource_uuid', 'resource_name', 'resource', 'customer_uuid', 'customer_name', 'project_uuid', 'project_name', 'invoice_item_uuid'] as const;
const STORED = `id, ${DESCRIPTIVE.join(', ')}, final_sell_micros, final_buy_micros, is_finalized, finalized_at, is_reconciled, currency, updated_at, batch_id, source_row`;

/**
 * Billing export rows set the final amounts of consumption records (seed 003). A row
 * matches the record with the same org, license_reference, billing_period and resource:
 * by resource_uuid, else by resource_name (see migration 006). Matched: final_sell /
 * final_buy are set and the record is finalized (updated), or already were (unchanged).
 * Not matched: a finalized record is created with no consumed amounts yet. Two rows of
 * one export matching the same record: the later one is never written (SameRecordRows).
 */
export function billingWriter(ctx: WriterContext): EntityWriter {
  const { db, orgId, batchId, now, locks, outcomes, operation } = ctx;
  // A record created by a billing row is in the currency the row names, else the org's.
  const orgCurrency = db.prepare('SELECT currency FROM orgs WHERE id = ?').pluck().get(orgId) as string;
  const byKey = db.prepare(`SELECT ${STORED} FROM consumption_records WHERE org_id = ? AND license_reference = ? AND resource_key = ? AND billing_period = ?`);
  const byName = db.prepare(
    `SELECT ${STORED} FROM consumption_records WHERE org_id = ? AND license_reference = ? AND billing_period = ? AND resource_name = ? LIMIT 2`,
  );
  const insert = db.prepare(
    `INSERT INTO consumption_records (org_id, license_reference, billing_period, currency, ${DESCRIPTIVE.join(', ')}, final_sell_micros, final_buy_micros,
       is_finalized, finalized_at, created_at, updated_at, batch_id, source_row)
     VALUES (?, ?, ?, ?, ${DESCRIPTIVE.map(() => '?').join(', ')}, ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE consumption_records SET ${DESCRIPTIVE.map((c) => `${c} = ?`).join(', ')}, final_sell_micros = ?, final_buy_micros = ?,
       is_finalized = 1, finalized_at = ?, updated_at = ? WHERE id = ?`,
  );

  function find(f: BillingFields): StoredConsumption | undefined {
    for (const key of resourceKeys(f)) {
      const found = byKey.get(orgId, f.license_reference, key, f.billing_period) as StoredConsumption | undefined;
      if (found) return found;
    }
    if (f.resource_name === undefined) return undefined;
    // A record synced with a uuid, billed by name only: accept it when the name is unambiguous.
    const named = byName.all(orgId, f.license_reference, f.billing_period, f.resource_name) as StoredConsumption[];
    return named.length === 1 ? named[0] : undefined;
  }

  function given(f: BillingFields): Record<(typeof DESCRIPTIVE)[number], string | null | undefined> {
    return { resource_uuid: f.resource_uuid, resource_name: f.resource_name, ...f.details };
  }

  function create(rowNumber: number, f: BillingFields, key: string | null): void {
    if (f.final_sell_micros == null) throw problem('final_sell', 'is required: a billing row carries the final amounts');
    if (f.final_buy_micros == null) throw problem('final_buy', 'is required: a billing row carries the final amounts');
    const period = f.billing_period.slice(0, 7);
    if (locks.isLocked(period)) return outcomes.blocked(rowNumber, null, key, 'billing_period', locks.lockedMessage(period));
    const details = given(f);
    const currency = f.currency ?? orgCurrency;
    locks.noteWritten(period);
    const result = insert.run(orgId, f.license_reference, f.billing_period, currency, ...DESCRIPTIVE.map((c) => details[c] ?? null), f.final_sell_micros, f.final_buy_micros, now, now, now, batchId, rowNumber);
    outcomes.created(rowNumber, Number(result.lastInsertRowid), key, { currency, micros: f.final_sell_micros });
  }

  /** The row's fields applied to the stored record: its next values, the fields that change and their stored values. */
  function diff(stored: StoredConsumption, f: BillingFields) {
    if (f.currency !== undefined && f.currency !== stored.currency) {
      throw problem('currency', `is ${f.currency}, but the record's estimate is in ${stored.currency}: a final amount in another currency than the estimate cannot be reconciled`);
    }
    const next: Record<string, unknown> = { ...stored };
    const changes: string[] = [];
    const previous: Record<string, unknown> = {};
    const set = (field: string, column: keyof StoredConsumption, value: unknown) => {
      if (value === undefined || value === stored[column]) return;
      if (value === null && (column === 'final_sell_micros' || column === 'final_buy_micros')) throw problem(field, 'cannot be cleared');
      next[column] = value;
      previous[column] = stored[column];
      changes.push(field);
    };
    const details = given(f);
    for (const column of DESCRIPTIVE) set(column, column, details[column]);
    set('final_sell', 'final_sell_micros', f.final_sell_micros);
    set('final_buy', 'final_buy_micros', f.final_buy_micros);
    const amountsChanged = 'final_sell_micros' in previous || 'final_buy_micros' in previous;
    if (stored.is_finalized === 0) {
      if (next.final_sell_micros === null) throw problem('final_sell', 'is required: a billing row carries the final amounts');
      if (next.final_buy_micros === null) throw problem('final_buy', 'is required: a billing row carries the final amounts');
      changes.push('is_finalized');
    }
    return { next, changes, previous, amountsChanged };
  }

  function change(rowNumber: number, stored: StoredConsumption, f: BillingFields, key: string | null): void {
    const { next, changes, previous, amountsChanged } = diff(stored, f);
    if (changes.length === 0) return outcomes.unchanged(rowNumber, stored.id, key);
    // A reconciled record never changes again unless its reconciliation is reversed.
    if (stored.is_reconciled === 1) {
      const field = changes.find((c) => c.startsWith('final_')) ?? changes[0];
      throw problem(field, `the record is already reconciled; ${amountsChanged ? 'its final amounts' : 'it'} cannot change unless the reconciliation is reversed`);
    }
    const period = f.billing_period.slice(0, 7);
    if (locks.isLocked(period)) return outcomes.blocked(rowNumber, stored.id, key, 'billing_period', locks.lockedMessage(period));
    const finalizedAt = amountsChanged || stored.is_finalized === 0 ? now : stored.finalized_at;
    Object.assign(previous, { is_finalized: stored.is_finalized, finalized_at: stored.finalized_at, updated_at: stored.updated_at });
    locks.noteWritten(period);
    update.run(...DESCRIPTIVE.map((c) => next[c]), next.final_sell_micros, next.final_buy_micros, finalizedAt, now, stored.id);
    outcomes.updated(rowNumber, stored.id, key, changes, previous, { currency: stored.currency, micros: next.final_sell_micros as number });
  }

  return {
    keyOf: (raw) => billingKeyText(raw.license_reference, raw.resource_uuid ?? raw.resource_name, raw.billing_period),
    write(rowNumber, raw) {
      const f = readBillingRecord(raw);
      const key = billingKeyText(f.license_reference, f.resource_uuid ?? f.resource_name, f.billing_period);
      const stored = find(f);
      // Two rows of one export for the same record: the later one never overwrites the earlier.
      const earlier = stored && ctx.sameRecord.earlierRow(stored);
      if (earlier !== undefined) return ctx.sameRecord.repeat(rowNumber, earlier, stored!.id, key, () => diff(stored!, f).changes, 'license_reference');
      if (stored && operation === 'create_only') return outcomes.duplicate(rowNumber, stored.id, key);
      if (stored) return change(rowNumber, stored, f, key);
      if (operation === 'update_only') throw problem('license_reference', `no consumption record matches ${key} to update`);
      create(rowNumber, f, key);
    },
  };
}
