import type { ConsumptionRecord } from '../../shared/contract/consumption';
import { microsToDecimal } from '../../shared/money';

/** The columns a ConsumptionRecord is read from (alias c). */
export const RECORD_COLUMNS = `c.id, c.uuid, c.org_id, c.resource, c.resource_uuid, c.resource_name, c.project_uuid, c.project_name, c.customer_uuid,
  c.customer_name, c.license_reference, c.billing_period, c.currency, c.consumed_sell_micros, c.consumed_buy_micros, c.final_sell_micros,
  c.final_buy_micros, c.adjustment_amount_micros, c.adjustment_buy_micros, c.invoice_item_uuid, c.compensation_item_uuid, c.last_sync_at,
  c.finalized_at, c.reconciled_at, c.is_finalized, c.is_reconciled, c.review_status, c.raw_data, c.created_at, c.updated_at`;

export interface StoredRecord {
  id: number;
  uuid: string;
  org_id: string;
  resource: string | null;
  resource_uuid: string | null;
  resource_name: string | null;
  project_uuid: string | null;
  project_name: string | null;
  customer_uuid: string | null;
  customer_name: string | null;
  license_reference: string;
  billing_period: string;
  currency: string;
  consumed_sell_micros: number | null;
  consumed_buy_micros: number | null;
  final_sell_micros: number | null;
  final_buy_micros: number | null;
  adjustment_amount_micros: number | null;
  adjustment_buy_micros: number | null;
  invoice_item_uuid: string | null;
  compensation_item_uuid: string | null;
  last_sync_at: string | null;
  finalized_at: string | null;
  reconciled_at: string | null;
  is_finalized: 0 | 1;
  is_reconciled: 0 | 1;
  review_status: 'pending' | 'held' | null;
  raw_data: string | null;
  created_at: string;
  updated_at: string;
}

const money = (micros: number | null) => (micros === null ? null : microsToDecimal(micros));

/** A stored record in the seed's field names. */
export function toConsumptionRecord(r: StoredRecord): ConsumptionRecord {
  return {
    uuid: r.uuid,
    url: `/consumption-records/${r.uuid}/`,
    org_id: r.org_id,
    resource: r.resource,
    resource_uuid: r.resource_uuid,
    resource_name: r.resource_name,
    project_uuid: r.project_uuid,
    project_name: r.project_name,
    customer_uuid: r.customer_uuid,
    customer_name: r.customer_name,
    license_reference: r.license_reference,
    billing_period: r.billing_period,
    currency: r.currency,
    consumed_sell: money(r.consumed_sell_micros),
    consumed_buy: money(r.consumed_buy_micros),
    final_sell: money(r.final_sell_micros),
    final_buy: money(r.final_buy_micros),
    invoice_item_uuid: r.invoice_item_uuid,
    compensation_item_uuid: r.compensation_item_uuid,
    last_sync_at: r.last_sync_at,
    finalized_at: r.finalized_at,
    reconciled_at: r.reconciled_at,
    is_finalized: r.is_finalized === 1,
    is_reconciled: r.is_reconciled === 1,
    adjustment_amount: money(r.adjustment_amount_micros),
    raw_data: r.raw_data === null ? null : JSON.parse(r.raw_data),
    created: r.created_at,
    modified: r.updated_at,
  };
}
