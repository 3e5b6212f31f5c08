import type { ReconciliationEvent } from '../../shared/contract/reconciliation';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { getConsumption } from '../consumption/list';

/** reconciliation.history: every step of a record, oldest first. */
export function recordHistory(db: Database.Database, uuid: string): ReconciliationEvent[] {
  const record = getConsumption(db, uuid);
  const rows = db
    .prepare(
      `SELECT e.id, e.action, e.adjustment_micros, i.uuid AS item_uuid, e.note, e.actor, e.at FROM reconciliation_events e
       JOIN consumption_records c ON c.id = e.record_id LEFT JOIN compensation_items i ON i.id = e.compensation_item_id
       WHERE c.uuid = ? ORDER BY e.id`,
    )
    .all(record.uuid) as Array<{ id: number; action: ReconciliationEvent['action']; adjustment_micros: number | null; item_uuid: string | null; note: string | null; actor: string; at: string }>;
  return rows.map((r) => ({
    id: r.id,
    record_uuid: record.uuid,
    action: r.action,
    adjustment_amount: r.adjustment_micros === null ? null : microsToDecimal(r.adjustment_micros),
    compensation_item_uuid: r.item_uuid,
    note: r.note,
    actor: r.actor,
    at: r.at,
  }));
}
