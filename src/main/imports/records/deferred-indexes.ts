import type { Database } from '../../db/driver';

/** A batch creating at least this many rows considers rebuilding the table's indexes at the end. */
export const BULK_ROWS = 50_000;
/**
 * Tables whose batches turn bulk sooner. Revenues: seven live B-trees cost ~15 µs a row
 * against ~2.5 µs once they are dropped, and rebuilding them over a table at most twice the
 * batch costs less than that from a few thousand rows on (1M random-id rows: 0.58 s CPU less
 * with 10,000 than with 50,000, measured twice back to back).
 */
const BULK_ROWS_OF_TABLE: Readonly<Record<string, number>> = { revenues: 10_000, consumption_records: 10_000 };

/**
 * Tables whose partial indexes stay live through a bulk batch when they hold few rows (fewer
 * than 1 in FEW_ROWS_IN of the table's) at the drop: keeping one up to date costs only the
 * rows that enter it, while building it again reads the whole table (consumption_records:
 * review_status is never set by an import, resource often not given; each rebuild of those
 * two over 1M records read ~0.1 s CPU for an index of no row).
 */
const LIVE_FEW_ROW_INDEXES: ReadonlySet<string> = new Set(['consumption_records']);
const FEW_ROWS_IN = 100;

/** The rows a batch into this table must have created before it is a bulk load. */
export function bulkRowsOf(table: string): number {
  return BULK_ROWS_OF_TABLE[table] ?? BULK_ROWS;
}

/**
 * Keeping several B-trees in step row by row is most of a large import's cost; building an
 * index once from the finished table is much cheaper. When a batch has created many rows
 * (at least bulkRowsOf(table) and at least half as many as the table had), the table's non-unique
 * indexes are dropped and rebuilt from their own stored SQL before COMMIT, inside the
 * same transaction: a rollback or a crash brings them back untouched. Unique indexes stay,
 * since they find duplicates and enforce uniqueness while rows go in (a writer that finds
 * duplicates itself defers its unique key with DeferredUniqueIndex).
 */
export class DeferredIndexes {
  private saved: Array<{ name: string; sql: string }> | null = null;
  private readonly rowsBefore: number;

  constructor(
    private readonly db: Database.Database,
    /** One of the entity tables, fixed in code. */
    private readonly table: string,
  ) {
    this.rowsBefore = rowsIn(db, table);
  }

  /** Called as rows are created; drops the indexes once, when the batch is large enough. */
  consider(createdSoFar: number): void {
    if (this.saved || !isBulk(createdSoFar, this.rowsBefore, bulkRowsOf(this.table))) return;
    this.saved = (
      this.db
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY name")
        .all(this.table) as Array<{ name: string; sql: string }>
    ).filter((index) => !(LIVE_FEW_ROW_INDEXES.has(this.table) && holdsFewRows(this.db, this.table, index)));
    for (const index of this.saved) this.db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  }

  /** Rebuild what was dropped; call inside the transaction, before COMMIT. */
  rebuild(): void {
    for (const index of this.saved ?? []) this.db.exec(index.sql);
    this.saved = null;
  }
}

/** A partial index's WHERE condition, read from its stored CREATE INDEX; undefined for a full index. */
export function partialIndexWhere(sql: string): string | undefined {
  return /\sWHERE\s([\s\S]+)$/i.exec(sql)?.[1];
}

/** A partial index (its SQL ends in WHERE …) holding fewer than 1 in FEW_ROWS_IN of the table's rows. */
export function holdsFewRows(db: Database.Database, table: string, index: { name: string; sql: string }): boolean {
  const where = partialIndexWhere(index.sql);
  if (where === undefined) return false;
  const enough = Math.ceil(rowsIn(db, table) / FEW_ROWS_IN);
  // Read on the index itself (INDEXED BY: never a scan of the table), at most `enough` entries.
  const held = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${table} INDEXED BY "${index.name.replace(/"/g, '""')}" WHERE ${where} LIMIT ?)`).pluck().get(enough) as number;
  return held < enough;
}

/** A batch that has created this many rows, into a table that held rowsBefore, is a bulk load. */
export function isBulk(createdSoFar: number, rowsBefore: number, bulkRows = BULK_ROWS): boolean {
  return createdSoFar >= bulkRows && createdSoFar * 2 >= rowsBefore;
}

/** max(id) stands in for the row count: exact enough here, and free on a rowid table. */
export function rowsIn(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number) ?? 0;
}

/**
 * A unique index dropped for a bulk batch and built again from its stored SQL before
 * COMMIT, inside the same transaction (a rollback brings it back untouched). Inserting
 * random keys (processors' ids) into a live B-tree larger than the page cache costs most of
 * a million-row import; sorting them once costs a fraction of that. While it is dropped,
 * the writer that dropped it must find duplicates itself (see KeyIdTable); building it
 * again fails, and the batch rolls back, if any got through.
 */
export class DeferredUniqueIndex {
  private sql: string | null = null;

  constructor(
    private readonly db: Database.Database,
    /** The index's name, fixed in code. */
    private readonly name: string,
  ) {}

  get dropped(): boolean {
    return this.sql !== null;
  }

  drop(): void {
    if (this.sql !== null) return;
    const sql = this.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(this.name) as string | undefined;
    if (!sql) throw new Error(`deferred index: no index ${this.name}`);
    this.db.exec(`DROP INDEX "${this.name.replace(/"/g, '""')}"`);
    this.sql = sql;
  }

  /** Build it again; call inside the transaction, before COMMIT. */
  rebuild(): void {
    if (this.sql === null) return;
    this.db.exec(this.sql);
    this.sql = null;
  }
}
