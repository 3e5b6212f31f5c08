import { expect } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import type { CoreHost } from '../../src/main/core/host';
import type { ImportBatchRow, ImportEntity } from '../../src/shared/contract/imports';
import { microsToDecimal } from '../../src/shared/money';
import { LOCAL } from '../support/temp-workspace';

// Control totals: what a batch says it wrote, against what its records hold.

const TABLE: Record<ImportEntity, string> = { revenues: 'revenues', payees: 'payees', products: 'products', billing: 'consumption_records' };
/** The column a batch's amountWritten sums: revenues' amount, billing's final_sell; payees and products hold none. */
const AMOUNT: Record<ImportEntity, string> = { revenues: 'amount_micros', payees: '0', products: '0', billing: 'final_sell_micros' };

/** The records a batch created or updated, each once, and the amounts they hold now (sum in micro-units). */
export function storedTotals(db: Database.Database, entity: ImportEntity, batchId: number): { rows: number; amountMicros: bigint } {
  const table = TABLE[entity];
  const [rows, amount] = db
    .prepare(
      `WITH written AS (
         SELECT id FROM ${table} WHERE batch_id = @batch
         UNION SELECT record_id FROM import_outcomes WHERE batch_id = @batch AND outcome = 'updated'
       )
       SELECT count(*), coalesce(sum(${AMOUNT[entity]}), 0) FROM written JOIN ${table} t ON t.id = written.id`,
    )
    .raw(true)
    .safeIntegers(true)
    .get({ batch: batchId }) as [bigint, bigint];
  return { rows: Number(rows), amountMicros: amount };
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
    amountWritten: microsToDecimal(stored.amountMicros),
  });
  expect(batch.rowsWritten).toBe(batch.created + batch.updated);
  return batch;
}
