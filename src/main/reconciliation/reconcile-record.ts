import { randomUUID } from 'node:crypto';
import type { ReconciliationAction } from '../../shared/contract/reconciliation';
import type { Database } from '../db/driver';
import type { StoredRecord } from '../consumption/record-row';

/** The reconciliation fields of a record: what a step changes and a reversal restores. */
export interface ReconciliationState {
  adjustment_amount_micros: number | null;
  adjustment_buy_micros: number | null;
  review_status: 'pending' | 'held' | null;
  compensation_item_uuid: string | null;
  is_reconciled: 0 | 1;
  reconciled_at: string | null;
}

export function stateOf(r: ReconciliationState): ReconciliationState {
  return {
    adjustment_amount_micros: r.adjustment_amount_micros,
    adjustment_buy_micros: r.adjustment_buy_micros,
    review_status: r.review_status,
    compensation_item_uuid: r.compensation_item_uuid,
    is_reconciled: r.is_reconciled,
    reconciled_at: r.reconciled_at,
  };
}

/** final - consumed, sell and buy, exact (a record with no estimate was estimated at zero). */
export function adjustmentsOf(r: Pick<StoredRecord, 'final_sell_micros' | 'final_buy_micros' | 'consumed_sell_micros' | 'consumed_buy_micros'>) {
  return {
    sell: BigInt(r.final_sell_micros ?? 0) - BigInt(r.consumed_sell_micros ?? 0),
    buy: BigInt(r.final_buy_micros ?? 0) - BigInt(r.consumed_buy_micros ?? 0),
  };
}

/**
 * The statements every reconciliation step uses, prepared once per call. Callers run them
 * inside one transaction and have checked the record may take the step.
 */
export class ReconciliationWriter {
  private readonly insertItem;
  private readonly markReconciled;
  private readonly setReview;
  private readonly insertEvent;
  public itemsCreated = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly actor: string,
    private readonly now: string,
  ) {
    this.insertItem = db.prepare(
      `INSERT INTO compensation_items (uuid, org_id, record_id, invoice_item_uuid, customer_uuid, customer_name, billing_period, currency, kind, amount_micros, buy_micros, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.markReconciled = db.prepare(
      `UPDATE consumption_records SET adjustment_amount_micros = ?, adjustment_buy_micros = ?, is_reconciled = 1, reconciled_at = ?, review_status = NULL,
         compensation_item_uuid = ?, updated_at = ? WHERE id = ?`,
    );
    this.setReview = db.prepare('UPDATE consumption_records SET review_status = ?, updated_at = ? WHERE id = ?');
    this.insertEvent = db.prepare(
      'INSERT INTO reconciliation_events (org_id, record_id, action, adjustment_micros, compensation_item_id, note, before, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Reconcile: the adjustment stored, a compensation item for a non-zero one, the step in the history. */
  reconcile(record: StoredRecord, action: Extract<ReconciliationAction, 'auto_reconciled' | 'approved'>, note: string | null): bigint {
    const { sell, buy } = adjustmentsOf(record);
    let itemUuid: string | null = null;
    let itemId: number | null = null;
    if (sell !== 0n) {
      itemUuid = randomUUID();
      const kind = sell < 0n ? 'credit' : 'charge';
      const result = this.insertItem.run(itemUuid, record.org_id, record.id, record.invoice_item_uuid, record.customer_uuid, record.customer_name,
        record.billing_period, record.currency, kind, sell, buy, this.now);
      itemId = Number(result.lastInsertRowid);
      this.itemsCreated++;
    }
    this.markReconciled.run(sell, buy, this.now, itemUuid, this.now, record.id);
    this.event(record, action, sell, itemId, note);
    return sell;
  }

  review(record: StoredRecord, status: 'pending' | 'held', note: string | null): void {
    this.setReview.run(status, this.now, record.id);
    const { sell } = adjustmentsOf(record);
    this.event(record, status === 'held' ? 'held' : 'needs_review', sell, null, note);
  }

  event(record: StoredRecord, action: ReconciliationAction, adjustment: bigint | null, itemId: number | null, note: string | null): void {
    this.insertEvent.run(record.org_id, record.id, action, adjustment, itemId, note, JSON.stringify(stateOf(record)), this.actor, this.now);
  }
}
