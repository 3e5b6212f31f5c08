import { expect } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import type { CoreHost } from '../../src/main/core/host';
import type { CurrencyAmount, ImportBatchRow, ImportEntity } from '../../src/shared/contract/imports';
import { microsToDecimal } from '../../src/shared/money';
import { LOCAL } from '../support/temp-workspace';

// Control totals: what a batch says it wrote, against what its records hold.

const TABLE: Record<ImportEntity, string> = { revenues: 'revenues', payees: 'payees', products: 'products', billing: 'consumption_records', consumption: 'consumption_records', usage: 'cycle_usage', commitments: 'showback_commitments', showback_usage: 'showback_usage' };
/** What a batch's amountWritten adds up per currency: revenues' amount in their currency, billing's final_sell in the org's; payees, products and usage hold none. */
const AMOUNT: Record<ImportEntity, { amount: string; currency: string } | null> = {
  revenues: { amount: 't.amount_micros', currency: 't.currency' },
  payees: null,
  products: null,
  billing: { amount: 't.final_sell_micros', currency: 't.currency' },
  consumption: { amount: 'coalesce(t.consumed_sell_micros, 0)', currency: 't.currency' },
  usage: null,
  commitments: null,
  showback_usage: null,
};

/** The records a batch created or updated, each once, and the amounts they hold now, summed per currency (sorted by currency). */
export function storedTotals(db: Database.Database, entity: ImportEntity, batchId: number): { rows: number; amounts: CurrencyAmount[] } {
  const table = TABLE[entity];
  const written = `WITH written AS (
         SELECT id FROM ${table} WHERE batch_id = @batch
         UNION SELECT record_id FROM import_outcomes WHERE batch_id = @batch AND outcome = 'updated'
       )`;
  const rows = db.prepare(`${written} SELECT count(*) FROM written JOIN ${table} t ON t.id = written.id`).pluck().get({ batch: batchId }) as number;
  const amount = AMOUNT[entity];
  if (amount === null) return { rows, amounts: [] };
  const sums = db
    .prepare(`${written} SELECT ${amount.currency} AS currency, sum(${amount.amount}) FROM written JOIN ${table} t ON t.id = written.id GROUP BY 1 ORDER BY 1`)
    .raw(true)
    .safeIntegers(true)
    .all({ batch: batchId }) as Array<[string, bigint]>;
  return { rows, amounts: sums.map(([currency, micros]) => ({ currency, amount: microsToDecimal(micros) })) };
}

/** The batch's stored control totals equal its counts and what its records hold now; returns the batch. */
export async function expectTotalsTieOut(core: CoreHost, db: Database.Database, batchId: number): Promise<ImportBatchRow> {
  const result = await core.call('imports.get', { batchId }, LOCAL).result;
  if (!result.ok) throw new Error(`imports.get failed: ${JSON.stringify(result.error)}`);
  const batch = result.value as ImportBatchRow;
  expect(batch.status).toBe('committed');
  const stored = storedTotals(db, batch.entity, batchId);
  expect({ rowsWritten: batch.rowsWritten, amountWritten: batch.amountWritten }, `batch ${batchId} (${batch.entity})`).toEqual({
    rowsWritten: stored.rows,
    amountWritten: stored.amounts,
  });
  expect(batch.rowsWritten).toBe(batch.created + batch.updated);
  return batch;
}
