import type { Period } from '../../shared/period';
import { addMonths } from '../../shared/period';
import type { Database } from '../db/driver';
import type { SeededRandom } from './random';

// A year of consumption records for the demo's customers (seed 003): estimates synced at each
// month's end, final amounts from the billing export a few days later. The end month is
// estimated only; the month before is billed but not yet reconciled (a few records still
// without a final amount, a few far off their estimate); older months, finalized, were
// reconciled, with a compensation item for each non-zero adjustment. Its own random stream.

interface DemoOrgRef {
  id: string;
  currency: string;
}
interface DemoPeriodRef {
  org_id: string;
  period: string;
  status: string;
}

const CUSTOMERS = ['Acme Manufacturing', 'Northwind Foods', 'Globex Logistics', 'Initech Finance', 'Umbrella Health', 'Stark Components', 'Wayne Retail', 'Hooli Media'];
const RESOURCES = [
  { name: 'vm-web', meter: 'vCPU hours', base: 420 },
  { name: 'sql-prod', meter: 'DTU hours', base: 910 },
  { name: 'Office 365 E3', meter: 'seats', base: 1_150 },
  { name: 'blob-archive', meter: 'GB months', base: 85 },
  { name: 'aks-cluster', meter: 'node hours', base: 1_800 },
  { name: 'backup-vault', meter: 'protected GB', base: 140 },
];

export interface DemoConsumptionCounts {
  records: number;
  compensationItems: number;
}

function shuffle<T>(random: SeededRandom, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** micro-units of `units` with `decimals` random digits, e.g. 412.37 or 412.375. */
function amount(random: SeededRandom, units: number, spreadPercent: number): number {
  const factor = 1 + (random.between(-spreadPercent * 100, spreadPercent * 100) / 10_000);
  const cents = Math.round(units * factor * 100);
  // One estimate in ten carries a sub-cent part, as metered usage does.
  return cents * 10_000 + (random.percent(10) ? random.between(1, 9) * 1_000 : 0);
}

export function writeDemoConsumption(db: Database.Database, random: SeededRandom, orgs: readonly DemoOrgRef[], periods: readonly DemoPeriodRef[], months: readonly Period[]): DemoConsumptionCounts {
  const insert = db.prepare(
    `INSERT INTO consumption_records (org_id, uuid, currency, resource, resource_uuid, resource_name, project_uuid, project_name, customer_uuid, customer_name,
       license_reference, billing_period, consumed_sell_micros, consumed_buy_micros, final_sell_micros, final_buy_micros, adjustment_amount_micros,
       adjustment_buy_micros, invoice_item_uuid, compensation_item_uuid, last_sync_at, is_finalized, finalized_at, is_reconciled, reconciled_at, raw_data,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const item = db.prepare(
    `INSERT INTO compensation_items (uuid, org_id, record_id, invoice_item_uuid, customer_uuid, customer_name, billing_period, currency, kind, amount_micros, buy_micros, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare(
    "INSERT INTO reconciliation_events (org_id, record_id, action, adjustment_micros, compensation_item_id, note, before, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, 'demo', ?)",
  );
  const finalizedMonths = new Set(periods.filter((p) => p.status === 'finalized').map((p) => `${p.org_id}|${p.period}`));
  const end = months[months.length - 1];
  const billedOpen = months[months.length - 2];
  const counts: DemoConsumptionCounts = { records: 0, compensationItems: 0 };
  for (const org of orgs) {
    const customerCount = random.between(4, 6);
    const customers = shuffle(random, [...CUSTOMERS]).slice(0, customerCount).map((name) => ({
      name,
      uuid: random.uuid(),
      project: { uuid: random.uuid(), name: `${name.split(' ')[0]} cloud` },
      license: `XSP${random.between(10_000, 99_999)}`,
      resources: shuffle(random, [...RESOURCES])
        .slice(0, random.between(2, 4))
        .map((r, i) => ({ ...r, uuid: random.uuid(), name: `${r.name}-${String(i + 1).padStart(2, '0')}`, scale: random.between(50, 400) / 100 })),
    }));
    for (const period of months) {
      const month = `${period}-01`;
      const next = addMonths(period, 1);
      const syncedAt = `${next}-01T05:30:00Z`;
      const billedAt = `${next}-0${random.between(3, 6)}T09:00:00Z`;
      const locked = finalizedMonths.has(`${org.id}|${period}`);
      for (const [c, customer] of customers.entries()) {
        for (const [r, resource] of customer.resources.entries()) {
          const consumedSell = amount(random, resource.base * resource.scale, 12);
          const consumedBuy = Math.round((consumedSell * random.between(72, 86)) / 100 / 10_000) * 10_000;
          let finalSell: number | null = null;
          let finalBuy: number | null = null;
          // The month being closed: the first customer's first resource, and a few more, still have no final amount.
          const unbilled = period === billedOpen && ((c === 0 && r === 0) || random.percent(4));
          if (period !== end && !unbilled) {
            // Most finals land within a few cents to half a percent; one in twenty-five is far off.
            const far = random.percent(4);
            const drift = far ? random.between(15, 60) * (random.percent(50) ? 1 : -1) * 100 : random.between(-50, 50);
            finalSell = Math.max(0, Math.round((consumedSell * (1 + drift / 10_000)) / 10_000) * 10_000);
            if (!far && random.percent(35)) finalSell = consumedSell;
            finalBuy = Math.round((finalSell * consumedBuy) / Math.max(consumedSell, 1) / 10_000) * 10_000;
          }
          const approved = finalSell !== null && Math.abs(finalSell - consumedSell) * 100 > consumedSell * 5;
          const finalized = finalSell !== null;
          const reconciled = finalized && locked;
          const adjustment = reconciled ? finalSell! - consumedSell : null;
          const adjustmentBuy = reconciled ? finalBuy! - consumedBuy : null;
          const invoiceItem = finalized ? random.uuid() : null;
          const itemUuid = adjustment !== null && adjustment !== 0 ? random.uuid() : null;
          const raw = JSON.stringify({ meter: resource.meter, quantity: Math.round(consumedSell / 1_000_000 / 3), source: 'consumption-api' });
          const uuid = random.uuid();
          const result = insert.run(org.id, uuid, org.currency, `https://cloud.example/resources/${resource.uuid}`, resource.uuid, resource.name, customer.project.uuid,
            customer.project.name, customer.uuid, customer.name, customer.license, month, consumedSell, consumedBuy, finalSell, finalBuy, adjustment, adjustmentBuy,
            invoiceItem, itemUuid, syncedAt, finalized ? 1 : 0, finalized ? billedAt : null, reconciled ? 1 : 0, reconciled ? billedAt : null, raw, syncedAt,
            reconciled || finalized ? billedAt : syncedAt);
          counts.records++;
          if (!reconciled) continue;
          const recordId = Number(result.lastInsertRowid);
          let itemId: number | null = null;
          if (itemUuid !== null) {
            const kind = adjustment! < 0 ? 'credit' : 'charge';
            itemId = Number(item.run(itemUuid, org.id, recordId, invoiceItem, customer.uuid, customer.name, month, org.currency, kind, adjustment, adjustmentBuy, billedAt).lastInsertRowid);
            counts.compensationItems++;
          }
          const before = JSON.stringify({ adjustment_amount_micros: null, adjustment_buy_micros: null, review_status: null, compensation_item_uuid: null, is_reconciled: 0, reconciled_at: null });
          // Far-off finals of closed months were approved in review; the rest reconciled on their own.
          event.run(org.id, recordId, approved ? 'approved' : 'auto_reconciled', adjustment, itemId, approved ? 'Checked against the billing export with the customer' : null, before, billedAt);
        }
      }
    }
  }
  return counts;
}
