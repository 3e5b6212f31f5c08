import type { Database } from '../../db/driver';

/** A batch creating at least this many rows considers rebuilding the table's indexes at the end. */
export const BULK_ROWS = 50_000;

/**
 * Keeping several B-trees in step row by row is most of a large import's cost; building an
 * index once from the finished table is much cheaper. When a batch has created many rows
 * (at least BULK_ROWS and at least half as many as the table had), the table's non-unique
 * indexes are dropped and rebuilt from their own stored SQL before COMMIT, inside the
 * same transaction: a rollback or a crash brings them back untouched. Unique indexes stay,
 * since they find duplicates and enforce uniqueness while rows go in.
 */
export class DeferredIndexes {
  private saved: Array<{ name: string; sql: string }> | null = null;
  private readonly rowsBefore: number;

  constructor(
    private readonly db: Database.Database,
    /** One of the entity tables, fixed in code. */
    private readonly table: string,
  ) {
    // max(id) stands in for the row count: exact enough here, and free on a rowid table.
    this.rowsBefore = (db.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number) ?? 0;
  }

  /** Called as rows are created; drops the indexes once, when the batch is large enough. */
  consider(createdSoFar: number): void {
    if (this.saved || createdSoFar < BULK_ROWS || createdSoFar * 2 < this.rowsBefore) return;
    this.saved = this.db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY name")
      .all(this.table) as Array<{ name: string; sql: string }>;
    for (const index of this.saved) this.db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  }

  /** Rebuild what was dropped; call inside the transaction, before COMMIT. */
  rebuild(): void {
    for (const index of this.saved ?? []) this.db.exec(index.sql);
    this.saved = null;
  }
}
