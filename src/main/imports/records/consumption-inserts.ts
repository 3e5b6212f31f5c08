import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/driver';
import { sqlLiteral } from '../../db/sql-literal';
import type { RowKeyHashes } from './consumption-match-filter';
import type { ConsumptionFields } from './consumption-record';
import type { RawRecord } from './field-readers';
import { CHUNK_ROWS, isConstraintError, MultiRowInsert, rowValues } from './multi-row-insert';
import type { WrittenAmount } from './outcome-recorder';

/** Rows per multi-row INSERT, as the revenue import. */
export const CONSUMPTION_CHUNK_ROWS = CHUNK_ROWS;

/** The descriptive columns a consumption row sets, in the INSERT's order. */
export const DESCRIPTIVE = ['resource_uuid', 'resource_name', 'resource', 'customer_uuid', 'customer_name', 'project_uuid', 'project_name'] as const;
const COLUMNS = ['uuid', 'license_reference', 'billing_period', 'currency', ...DESCRIPTIVE, 'consumed_sell_micros', 'consumed_buy_micros', 'last_sync_at', 'raw_data', 'source_row'];
const COLUMNS_PER_ROW = COLUMNS.length;

interface PendingRow {
  rowNumber: number;
  fields: ConsumptionFields;
  key: string | null;
  amount: WrittenAmount;
  /** The row as given: a refused row is named by its key read from it, as the batch names any refused row. */
  raw: RawRecord;
  /** The row's key hashes when its month held no record (ConsumptionMatchFilter.noteCreated), else null. */
  keys: RowKeyHashes | null;
}

export interface ConsumptionInsertOutcomes {
  created(rowNumber: number, id: number, key: string | null, amount: WrittenAmount, f: ConsumptionFields, keys: RowKeyHashes | null): void;
  /** A constraint the row checks missed refused the row (its own statement only). */
  refused(rowNumber: number, raw: RawRecord, error: Error): void;
}

/**
 * New consumption records of one batch, inserted CONSUMPTION_CHUNK_ROWS at a time. A row
 * waits here until its chunk is full or flush() is called; the writer flushes before every
 * read of consumption_records and before any other outcome, so no read misses a row and
 * outcomes stay in row order. A statement that fails on a constraint has inserted nothing:
 * its rows are inserted again one by one, so only the offending row is refused, by its row.
 */
export class ConsumptionInserts {
  private values: unknown[] = [];
  private rows: PendingRow[] = [];
  private readonly insert: MultiRowInsert;

  constructor(
    db: Database.Database,
    private readonly batch: { orgId: string; now: string; batchId: number },
    private readonly outcomes: ConsumptionInsertOutcomes,
  ) {
    // The batch's org, time and id are literals (fewer values bound per row).
    const { orgId, now, batchId } = batch;
    const tuple = `(${sqlLiteral(orgId)}, ${COLUMNS.map(() => '?').join(', ')}, ${sqlLiteral(now)}, ${sqlLiteral(now)}, ${sqlLiteral(batchId)})`;
    this.insert = new MultiRowInsert(db, (n) => `INSERT INTO consumption_records (org_id, ${COLUMNS.join(', ')}, created_at, updated_at, batch_id) VALUES ${Array(n).fill(tuple).join(', ')}`);
  }

  /** Queue a new record: `currency` is the record's (the org's unless the row names one). */
  add(rowNumber: number, f: ConsumptionFields, currency: string, key: string | null, raw: RawRecord, keys: RowKeyHashes | null): void {
    const d = f.details;
    // The uuid from node:crypto: SQLite's default (migration 22's random-blob expression) costs ~20 % of a created row.
    this.values.push(
      randomUUID(),
      f.license_reference,
      f.billing_period,
      currency,
      f.resource_uuid ?? null,
      f.resource_name ?? null,
      d.resource ?? null,
      d.customer_uuid ?? null,
      d.customer_name ?? null,
      d.project_uuid ?? null,
      d.project_name ?? null,
      f.consumed_sell_micros,
      f.consumed_buy_micros,
      f.last_sync_at ?? this.batch.now,
      f.raw_data ?? null,
      rowNumber,
    );
    this.rows.push({ rowNumber, fields: f, key, amount: { currency, micros: f.consumed_sell_micros! }, raw, keys });
    if (this.rows.length === CONSUMPTION_CHUNK_ROWS) this.flush();
  }

  /** Insert the waiting rows and report each one's outcome, in row order. */
  flush(): void {
    const rows = this.rows;
    if (rows.length === 0) return;
    const values = this.values;
    this.rows = [];
    this.values = [];
    let result: Database.RunResult;
    try {
      result = this.insert.statement(rows.length).run(values);
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      if (rows.length === 1) return this.outcomes.refused(rows[0].rowNumber, rows[0].raw, error as Error);
      return this.oneByOne(rows, values);
    }
    // A statement's new rowids are consecutive (no conflict clause: all rows went in).
    const first = Number(result.lastInsertRowid) - rows.length + 1;
    rows.forEach((row, i) => this.outcomes.created(row.rowNumber, first + i, row.key, row.amount, row.fields, row.keys));
  }

  private oneByOne(rows: PendingRow[], values: unknown[]): void {
    rows.forEach((row, i) => {
      this.rows = [row];
      this.values = rowValues(values, i, COLUMNS_PER_ROW);
      this.flush();
    });
  }
}
