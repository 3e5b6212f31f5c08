import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import type { PulledRecord } from '../sync/sources/source-adapter';
import { storeDemoRun } from './demo-sync-run';

// The consumption source (seed 003) of one demo org, synced once: every consumption record
// of the year as the server lists it. The reconciled ones keep their reconciliation (not
// written), the others are as they are here but two estimates of the newest month, which
// the server has re-estimated (updated); a billed record's final amounts come as its
// billing entity, as here (unchanged). Each record is linked to the server's uuid.

interface RecordRow {
  uuid: string;
  license_reference: string;
  resource_uuid: string | null;
  resource_name: string | null;
  resource: string | null;
  billing_period: string;
  consumed_sell_micros: number | null;
  consumed_buy_micros: number | null;
  final_sell_micros: number | null;
  final_buy_micros: number | null;
  currency: string;
  customer_uuid: string | null;
  customer_name: string | null;
  project_uuid: string | null;
  project_name: string | null;
  invoice_item_uuid: string | null;
  last_sync_at: string | null;
  raw_data: string | null;
  is_finalized: number;
}

const KEY_AND_DETAILS = ['license_reference', 'resource_uuid', 'resource_name', 'resource', 'billing_period', 'currency', 'customer_uuid', 'customer_name', 'project_uuid', 'project_name'] as const;

function keyAndDetails(row: RecordRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of KEY_AND_DETAILS) if (row[field] !== null) out[field] = row[field];
  return out;
}

export function syncDemoConsumptionSource(db: Database.Database, orgId: string, newestMonth: string, at: string): void {
  const rows = db
    .prepare(
      `SELECT uuid, license_reference, resource_uuid, resource_name, resource, billing_period, consumed_sell_micros, consumed_buy_micros, final_sell_micros, final_buy_micros,
         currency, customer_uuid, customer_name, project_uuid, project_name, invoice_item_uuid, last_sync_at, raw_data, is_finalized
       FROM consumption_records WHERE org_id = ? AND uuid IS NOT NULL ORDER BY billing_period, id`,
    )
    .all(orgId) as RecordRow[];
  if (rows.length === 0) return;
  let reestimated = 0;
  const records: PulledRecord[] = [];
  const finals: PulledRecord[] = [];
  for (const row of rows) {
    const fields: Record<string, unknown> = {
      ...keyAndDetails(row),
      last_sync_at: row.last_sync_at,
      raw_data: row.raw_data,
    };
    let sell = row.consumed_sell_micros ?? 0;
    let buy = row.consumed_buy_micros ?? 0;
    if (row.billing_period.startsWith(newestMonth) && reestimated < 2) {
      // Usage metered late: the server's estimate rose 3%, re-synced at the run.
      reestimated++;
      // 3% of the whole units, in integer micro-units (a multiple of 30,000: whole cents).
      sell += ((sell - (sell % 1_000_000)) * 3) / 100;
      buy += ((buy - (buy % 1_000_000)) * 3) / 100;
      fields.last_sync_at = at;
    }
    fields.consumed_sell = microsToDecimal(sell);
    fields.consumed_buy = microsToDecimal(buy);
    records.push({ sourceId: row.uuid, label: `uuid ${row.uuid}`, fields });
    if (row.is_finalized === 1 && row.final_sell_micros !== null && row.final_buy_micros !== null) {
      const billing: Record<string, unknown> = {
        ...keyAndDetails(row),
        final_sell: microsToDecimal(row.final_sell_micros),
        final_buy: microsToDecimal(row.final_buy_micros),
      };
      if (row.invoice_item_uuid !== null) billing.invoice_item_uuid = row.invoice_item_uuid;
      finals.push({
        sourceId: row.uuid,
        label: `uuid ${row.uuid}`,
        fields: billing,
      });
    }
  }
  const open = rows.filter((r) => r.is_finalized === 0).map((r) => r.billing_period.slice(0, 7) + '-01');
  storeDemoRun(
    db,
    orgId,
    'consumption',
    {
      entities: [
        { entity: 'consumption', records },
        { entity: 'billing', records: finals },
      ],
      cursors: {
        modified: at,
        billing_period_from: open.sort()[0] ?? rows[rows.length - 1].billing_period,
      },
    },
    at,
    at.replace(/:\d\dZ$/, ':09Z'),
  );
}
