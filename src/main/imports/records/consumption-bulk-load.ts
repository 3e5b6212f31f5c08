import type { Database } from '../../db/driver';
import { bulkRowsOf, partialIndexWhere } from './deferred-indexes';

/** Records a consumption batch creates before it is a bulk one (as DeferredIndexes decides for the table). */
export const CONSUMPTION_BULK_ROWS = bulkRowsOf('consumption_records');

const UUID_INDEX = 'consumption_records_uuid';
const COUNT_TRIGGER = 'consumption_record_counts_insert';

/**
 * What a bulk consumption batch (CONSUMPTION_BULK_ROWS created, at least half as many as the table held,
 * as DeferredIndexes decides) puts off until just before COMMIT, inside its transaction, so
 * a rollback or a crash brings both back untouched:
 * - the unique index on uuid: each record's uuid is a new random one (node:crypto), and
 *   inserting random keys into a B-tree larger than the page cache cost about a quarter of a
 *   million-row import's inserts; building it once from the finished table costs a sort.
 *   Building it again fails, and the batch rolls back, if two uuids were ever the same.
 * - the count trigger (migration 31's consumption_record_counts_insert): one upsert per
 *   inserted row; the batch's new records are counted here per month instead and added in
 *   one statement per month.
 * Into a table that held no record (a new workspace's first import) the batch is a bulk
 * one from its first row, the table's other non-unique indexes dropped here too: a
 * statement that changes more than 64 KiB of pages that existed before it spills
 * SQLite's statement journal to a temporary file, which then serves every later statement
 * of the transaction (a 20-row insert into eleven live indexes did, and the rest of a
 * million-row import wrote ~1.6 GB of journal in 4 KiB writes). With every index dropped
 * first no statement comes near that. At CONSUMPTION_BULK_ROWS the partial indexes that
 * hold few rows are built (over that many rows: cheap) and stay live, as DeferredIndexes
 * keeps them in any other bulk batch.
 */
export class ConsumptionBulkLoad {
  private started = false;
  private uuidIndexSql: string | null = null;
  private triggerSql: string | null = null;
  /** Month -> records inserted while the trigger was off (all neither finalized nor reconciled). */
  private readonly inserted = new Map<string, number>();
  private readonly rowsBefore: number;
  /** Non-unique indexes this step dropped (an empty table's batch): built again in finish(). */
  private indexes: Array<{ name: string; sql: string }> = [];
  private fewRowsChecked = false;

  constructor(
    private readonly db: Database.Database,
    private readonly orgId: string,
    private readonly bulkRows = CONSUMPTION_BULK_ROWS,
  ) {
    // max(id) stands in for the row count, as in DeferredIndexes.
    this.rowsBefore = (db.prepare('SELECT coalesce(max(id), 0) FROM consumption_records').pluck().get() as number) ?? 0;
  }

  /** Call between statements, with the records the batch has created so far; true when the batch just became a bulk one. */
  consider(createdSoFar: number): boolean {
    if (this.started) {
      if (!this.fewRowsChecked && createdSoFar >= this.bulkRows) this.keepFewRowIndexes();
      return false;
    }
    const empty = this.rowsBefore === 0;
    if (!empty && (createdSoFar < this.bulkRows || createdSoFar * 2 < this.rowsBefore)) return false;
    this.started = true;
    this.fewRowsChecked = !empty;
    if (empty) this.dropOtherIndexes();
    this.uuidIndexSql = this.drop('index', UUID_INDEX);
    this.triggerSql = this.drop('trigger', COUNT_TRIGGER);
    return true;
  }

  /** The table's non-unique indexes, dropped (their SQL kept). */
  private dropOtherIndexes(): void {
    this.indexes = this.db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'consumption_records' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY name")
      .all() as Array<{ name: string; sql: string }>;
    // Names read from the schema of this one table.
    for (const index of this.indexes) this.db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  }

  /** Build now, and so keep live, the dropped partial indexes holding fewer than 1 in 100 of the rows. */
  private keepFewRowIndexes(): void {
    this.fewRowsChecked = true;
    const rows = this.db.prepare('SELECT coalesce(max(id), 0) FROM consumption_records').pluck().get() as number;
    const enough = Math.ceil(rows / 100);
    this.indexes = this.indexes.filter((index) => {
      const where = partialIndexWhere(index.sql);
      if (where === undefined) return true;
      // The index's own WHERE, read from its stored SQL; a scan of a table of about bulkRows rows.
      const held = this.db.prepare(`SELECT count(*) FROM (SELECT 1 FROM consumption_records WHERE ${where} LIMIT ?)`).pluck().get(enough) as number;
      if (held >= enough) return true;
      this.db.exec(index.sql);
      return false;
    });
  }

  /** A record of this month was inserted. */
  noteInserted(period: string): void {
    if (this.triggerSql !== null) this.inserted.set(period, (this.inserted.get(period) ?? 0) + 1);
  }

  /** Build the index and the trigger again and add the counts; call inside the transaction, before COMMIT. */
  finish(): void {
    for (const index of this.indexes) this.db.exec(index.sql);
    this.indexes = [];
    if (this.uuidIndexSql !== null) this.db.exec(this.uuidIndexSql);
    if (this.triggerSql !== null) {
      this.db.exec(this.triggerSql);
      const add = this.db.prepare(
        `INSERT INTO consumption_record_counts (org_id, billing_period, is_finalized, is_reconciled, records) VALUES (?, ?, 0, 0, ?)
         ON CONFLICT DO UPDATE SET records = records + excluded.records`,
      );
      for (const [period, records] of this.inserted) add.run(this.orgId, period, records);
    }
    this.uuidIndexSql = null;
    this.triggerSql = null;
    this.inserted.clear();
  }

  /** Drop a schema object, keeping its SQL; null when it is not there (another step dropped it). */
  private drop(type: 'index' | 'trigger', name: string): string | null {
    const sql = this.db.prepare('SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?').pluck().get(type, name) as string | undefined;
    if (!sql) return null;
    // Names fixed in code above.
    this.db.exec(`DROP ${type.toUpperCase()} ${name}`);
    return sql;
  }
}
