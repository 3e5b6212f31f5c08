// The fake seed 001 and 003 servers of bench/sync.ts, in a process of their own so the sync's
// CPU time and garbage collection are the client's alone. Writes the same rows as CSV files
// for the import it is compared with, then answers messages: { change: n } changes n revenues.
//   forked by bench/sync.ts with: <revenues> <consumption> <csv folder>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeAllocora } from '../test/support/fake-allocora';
import { startFakeArrow } from '../test/support/fake-arrow-consumption';

const [revenues, consumption] = process.argv.slice(2, 4).map(Number);
const dir = process.argv[4];
const MONTHS = ['2026-10', '2026-11'];

/** Rows as CSV: a header of field names, values quoted when they need it. */
function csv(name: string, columns: string[], rows: Iterable<Record<string, unknown>>): string {
  const quote = (v: unknown) => {
    const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(row[c])).join(','));
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function main() {
  const allocora = await startFakeAllocora({ payees: 50, products: 200, revenues, months: MONTHS });
  const arrow = await startFakeArrow(consumption, MONTHS.map((m) => `${m}-01`));
  const files = {
    payees: csv('payees.csv', ['external_id', 'name', 'payout_currency'], allocora.data.payees),
    products: csv('products.csv', ['external_id', 'name', 'category'], allocora.data.products),
    revenues: csv('revenues.csv', ['external_id', 'kind', 'occurred_at', 'amount', 'currency', 'quantity', 'payee_external_id', 'product_external_id'], allocora.data.revenues),
    consumption: csv(
      'consumption.csv',
      ['license_reference', 'resource_uuid', 'resource_name', 'billing_period', 'consumed_sell', 'consumed_buy', 'customer_uuid', 'customer_name', 'project_uuid', 'project_name'],
      arrow.records,
    ),
  };
  process.send!({ ready: true, allocora: allocora.baseUrl, arrow: arrow.baseUrl, key: allocora.key, files });
  process.on('message', (message: { change?: number; stop?: boolean }) => {
    if (message.change) {
      const n = message.change;
      for (let i = 1; i <= n; i++) allocora.put('revenues', { external_id: `rv_${Math.floor((i * revenues) / (n + 1))}`, amount: `${i}.01` });
      process.send!({ changed: n });
    }
    if (message.stop) void Promise.all([allocora.close(), arrow.close()]).then(() => process.exit(0));
  });
}

void main();
