import type { Database } from '../../db/driver';
import { sqlLiteral } from '../../db/sql-literal';
import { CHUNK_ROWS, isConstraintError, MultiRowInsert, rowValues } from './multi-row-insert';
import type { WrittenAmount } from './outcome-recorder';
import type { RevenueFields } from './revenue-record';
import type { RevenueReferences, RevenueValues } from './revenue-rules';

export const INSERT_CHUNK_ROWS = CHUNK_ROWS;
const COLUMNS_PER_ROW = 12;

interface PendingRow {
  rowNumber: number;
  externalId: string | null;
  amountMicros: number;
  currency: string;
  /** Which optional fields the row gave (GIVEN bits). */
  given: number;
}

// Which optional fields a waiting row gave (the others took their defaults): bits, not the
// row's fields, so a row found to repeat an earlier one can be compared with it without
// holding the fields of every waiting row (holding them raised the 1M-row import's peak RSS
// by about 25 MB).
const GIVEN = { kind: 1, quantity: 2, description: 4, refund_of: 8, payee: 16, product: 32 } as const;

export function givenFieldsOf(f: RevenueFields): number {
  return (
    (f.kind !== undefined ? GIVEN.kind : 0) |
    (f.quantity !== undefined ? GIVEN.quantity : 0) |
    (f.description !== undefined ? GIVEN.description : 0) |
    (f.refund_of !== undefined ? GIVEN.refund_of : 0) |
    (f.payee_external_id !== undefined ? GIVEN.payee : 0) |
    (f.product_external_id !== undefined ? GIVEN.product : 0)
  );
}

/** A waiting row as it was given: its fields (read back from its queued values) and its resolved references. */
export interface RowAsGiven {
  fields: RevenueFields;
  refs: RevenueReferences;
}

export interface InsertOutcomes {
  created(rowNumber: number, id: number, externalId: string | null, amount: WrittenAmount): void;
  /** The row's external_id was in the workspace already (or was created earlier in this batch): nothing inserted. */
  exists(rowNumber: number, externalId: string, row: RowAsGiven): void;
  /** A constraint the record checks missed refused the row (its own statement only). */
  refused(rowNumber: number, externalId: string | null, error: Error): void;
}

/**
 * While the unique key (org_id, external_id) is dropped (DeferredUniqueIndex), nothing in
 * SQLite finds a duplicate: the writer's own register of the org's keys does.
 */
export interface InsertKeys {
  /** The id of the org's stored revenue with this external_id, if any. */
  idOf(externalId: string): number | undefined;
  /** A revenue was inserted with this external_id. */
  created(externalId: string, id: number): void;
}

/**
 * New revenues of one batch, inserted INSERT_CHUNK_ROWS at a time. A row waits here until
 * its chunk is full or flush() is called; the writer flushes before every read of the
 * revenues table and before any other outcome, so no read misses a row and outcomes stay in
 * row order. A row whose external_id exists is skipped by ON CONFLICT DO NOTHING: then the
 * rows the statement did insert are found by their ids (a statement's new rowids are
 * consecutive) and the others reported as existing, which also covers two rows of one
 * chunk with the same external_id (the first is inserted, the second exists).
 */
export class RevenueInserts {
  private values: unknown[] = [];
  private rows: PendingRow[] = [];
  private readonly insert: MultiRowInsert;
  private readonly insertedRows: Database.Statement;
  /** Set while the unique key is dropped: duplicates are found here before the insert, not by ON CONFLICT. */
  keys: InsertKeys | null = null;

  constructor(
    db: Database.Database,
    private readonly batch: { orgId: string; now: string; batchId: number },
    private readonly outcomes: InsertOutcomes,
  ) {
    this.insertedRows = db.prepare('SELECT source_row, id FROM revenues WHERE id BETWEEN ? AND ?').raw();
    // The batch's org, time and id are literals (fewer values bound per row).
    const { orgId, now, batchId } = batch;
    const tuple = `(${sqlLiteral(orgId)}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${sqlLiteral(now)}, ${sqlLiteral(now)}, ${sqlLiteral(batchId)}, ?)`;
    if (tuple.split('?').length - 1 !== COLUMNS_PER_ROW) throw new Error('revenue insert: placeholders do not match the values');
    this.insert = new MultiRowInsert(
      db,
      (n) => `INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, payee_id, product_id, amount_micros, currency, quantity,
           description, refund_of, created_at, updated_at, batch_id, source_row)
         VALUES ${Array(n).fill(tuple).join(', ')} ON CONFLICT DO NOTHING`,
    );
  }

  add(rowNumber: number, externalId: string | null, v: RevenueValues, given: number): void {
    this.values.push(externalId, v.kind, v.occurred_at, v.period, v.payee_id, v.product_id, v.amount_micros, v.currency, v.quantity, v.description, v.refund_of, rowNumber);
    this.rows.push({ rowNumber, externalId, amountMicros: v.amount_micros, currency: v.currency, given });
    if (this.rows.length === INSERT_CHUNK_ROWS) this.flush();
  }

  /** Insert the waiting rows and report each one's outcome, in row order. */
  flush(): void {
    const rows = this.rows;
    if (rows.length === 0) return;
    const values = this.values;
    this.rows = [];
    this.values = [];
    if (this.keys) return this.insertNew(rows, values, this.keys);
    let result: Database.RunResult;
    try {
      result = this.insert.statement(rows.length).run(values);
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      // The statement changed nothing: one row is refused; of several, insert them one by one to find which.
      if (rows.length === 1) return this.outcomes.refused(rows[0].rowNumber, rows[0].externalId, error as Error);
      return this.oneByOne(rows, values);
    }
    const last = Number(result.lastInsertRowid);
    if (result.changes === rows.length) {
      const first = last - rows.length + 1;
      rows.forEach((row, i) => this.outcomes.created(row.rowNumber, first + i, row.externalId, { currency: row.currency, micros: row.amountMicros }));
      return;
    }
    const ids = new Map<number, number>();
    if (result.changes > 0) {
      for (const [sourceRow, id] of this.insertedRows.all(last - result.changes + 1, last) as Array<[number, number]>) ids.set(sourceRow, id);
    }
    rows.forEach((row, i) => {
      const id = ids.get(row.rowNumber);
      if (id !== undefined) this.outcomes.created(row.rowNumber, id, row.externalId, { currency: row.currency, micros: row.amountMicros });
      // Only a row with an external_id can conflict.
      else this.outcomes.exists(row.rowNumber, row.externalId!, asGiven(values, i, row.given));
    });
  }

  /**
   * The unique key is dropped: rows whose external_id is stored, or given by an earlier row
   * of the chunk, are kept out of the statement and reported as existing; the others are
   * inserted (their new ids are consecutive) and registered before any outcome is reported,
   * so the outcomes of the existing rows can look their records up.
   */
  private insertNew(rows: PendingRow[], values: unknown[], keys: InsertKeys): void {
    const inChunk = new Set<string>();
    const exists = rows.map((row) => {
      const key = row.externalId;
      if (key === null) return false;
      const repeated = inChunk.has(key) || keys.idOf(key) !== undefined;
      inChunk.add(key);
      return repeated;
    });
    const fresh = rows.filter((_, i) => !exists[i]);
    let first = 0;
    if (fresh.length > 0) {
      const freshValues = fresh.length === rows.length ? values : rows.flatMap((_, i) => (exists[i] ? [] : rowValues(values, i, COLUMNS_PER_ROW)));
      let result: Database.RunResult;
      try {
        result = this.insert.statement(fresh.length).run(freshValues);
      } catch (error) {
        if (!isConstraintError(error)) throw error;
        if (rows.length === 1) return this.outcomes.refused(rows[0].rowNumber, rows[0].externalId, error as Error);
        return this.oneByOne(rows, values);
      }
      if (result.changes !== fresh.length) throw new Error(`revenue insert: ${result.changes} rows inserted of ${fresh.length}`);
      first = Number(result.lastInsertRowid) - fresh.length + 1;
      fresh.forEach((row, i) => {
        if (row.externalId !== null) keys.created(row.externalId, first + i);
      });
    }
    let next = first;
    rows.forEach((row, i) => {
      if (exists[i]) this.outcomes.exists(row.rowNumber, row.externalId!, asGiven(values, i, row.given));
      else this.outcomes.created(row.rowNumber, next++, row.externalId, { currency: row.currency, micros: row.amountMicros });
    });
  }

  private oneByOne(rows: PendingRow[], values: unknown[]): void {
    rows.forEach((row, i) => {
      this.rows = [row];
      this.values = rowValues(values, i, COLUMNS_PER_ROW);
      this.flush();
    });
  }
}

/** The fields row i of a statement's values was given with (the layout add() writes). */
function asGiven(values: readonly unknown[], i: number, given: number): RowAsGiven {
  const at = i * COLUMNS_PER_ROW;
  const v = (n: number) => values[at + n];
  const was = (bit: number) => (given & bit) !== 0;
  return {
    fields: {
      external_id: v(0) as string | null,
      kind: was(GIVEN.kind) ? (v(1) as RevenueFields['kind']) : undefined,
      occurred_at: v(2) as string,
      amount_micros: v(6) as number,
      currency: v(7) as string,
      quantity: was(GIVEN.quantity) ? (v(8) as number) : undefined,
      description: was(GIVEN.description) ? (v(9) as string | null) : undefined,
      refund_of: was(GIVEN.refund_of) ? (v(10) as string | null) : undefined,
      payee_external_id: undefined,
      product_external_id: undefined,
    },
    refs: {
      payee_id: was(GIVEN.payee) ? (v(4) as number | null) : undefined,
      product_id: was(GIVEN.product) ? (v(5) as number | null) : undefined,
    },
  };
}
