import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { CONSUMPTION_BULK_ROWS, ConsumptionBulkLoad } from '../../src/main/imports/records/consumption-bulk-load';
import { tempWorkspace } from '../support/temp-workspace';

// ConsumptionBulkLoad: into an empty table a batch is bulk from its first row, every
// non-unique index dropped too; at CONSUMPTION_BULK_ROWS the partial indexes holding few
// rows are built and stay live; finish() brings back the schema exactly. Into a table with
// records, the threshold holds as before and the other indexes are DeferredIndexes' part.

const ORG = 'org-b';

function workspace() {
  const { workspace } = tempWorkspace();
  workspace.db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES (?, 'B', 'USD', '2026-01-01T00:00:00Z')").run(ORG);
  return workspace.db;
}

/** Records `from`..`to`-1 with customer, project and resource uuids; every 250th with a resource. */
function insertRecords(db: Database.Database, from: number, to: number) {
  const insert = db.prepare(
    `INSERT INTO consumption_records (org_id, uuid, currency, license_reference, resource_uuid, customer_uuid, project_uuid, resource_name, resource, billing_period,
       consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
     VALUES (?, ?, 'USD', 'L1', ?, ?, ?, ?, ?, '2026-10-01', 1, 1, 'x', 'x')`,
  );
  const uuid = (prefix: number, i: number) => `${prefix}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  for (let i = from; i < to; i++) insert.run(ORG, uuid(0, i), uuid(1, i), uuid(2, i % 50), uuid(3, i % 70), `r-${i}`, i % 250 === 0 ? `/res/${i}` : null);
}

const present = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'consumption_records' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
const schema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'consumption_records' ORDER BY name").all();

describe('ConsumptionBulkLoad', () => {
  it('into an empty table: bulk at the first row with every index but the unique match key dropped; few-row partial indexes back at the threshold; the schema as it was after finish()', () => {
    const db = workspace();
    const before = schema(db);
    db.exec('BEGIN');
    const bulk = new ConsumptionBulkLoad(db, ORG);
    expect(bulk.consider(0)).toBe(true);
    // Left: the match key (ConsumptionBatchKeys' part) and the triggers other than the per-row count.
    expect(present(db)).toEqual(['consumption_record_counts_delete', 'consumption_record_counts_update', 'consumption_records_currency', 'consumption_records_match']);
    expect(bulk.consider(1)).toBe(false);
    insertRecords(db, 0, CONSUMPTION_BULK_ROWS);
    expect(bulk.consider(CONSUMPTION_BULK_ROWS - 1)).toBe(false);
    expect(present(db)).not.toContain('consumption_records_review');
    expect(bulk.consider(CONSUMPTION_BULK_ROWS)).toBe(false);
    // Review holds no row, resource 1 in 250: built now and live; customer, project and resource uuid hold every row: still dropped.
    expect(present(db)).toEqual([
      'consumption_record_counts_delete',
      'consumption_record_counts_update',
      'consumption_records_currency',
      'consumption_records_match',
      'consumption_records_resource_uri',
      'consumption_records_review',
    ]);
    insertRecords(db, CONSUMPTION_BULK_ROWS, CONSUMPTION_BULK_ROWS + 600);
    for (let i = 0; i < CONSUMPTION_BULK_ROWS + 600; i++) bulk.noteInserted('2026-10-01');
    bulk.finish();
    db.exec('COMMIT');
    expect(schema(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT records FROM consumption_record_counts WHERE org_id = ? AND billing_period = ?').pluck().get(ORG, '2026-10-01')).toBe(CONSUMPTION_BULK_ROWS + 600);
    expect(db.prepare('SELECT count(*) FROM consumption_records INDEXED BY consumption_records_resource_uri WHERE resource IS NOT NULL').pluck().get()).toBe(
      Math.floor((CONSUMPTION_BULK_ROWS + 599) / 250) + 1,
    );
  });

  it('into a table with records: nothing before the threshold, then only the uuid index and the count trigger', () => {
    const db = workspace();
    insertRecords(db, 0, 1);
    db.exec('BEGIN');
    const all = present(db);
    const bulk = new ConsumptionBulkLoad(db, ORG);
    expect(bulk.consider(0)).toBe(false);
    expect(bulk.consider(CONSUMPTION_BULK_ROWS - 1)).toBe(false);
    expect(present(db)).toEqual(all);
    expect(bulk.consider(CONSUMPTION_BULK_ROWS)).toBe(true);
    expect(present(db)).toEqual(all.filter((name) => name !== 'consumption_records_uuid' && name !== 'consumption_record_counts_insert'));
    bulk.finish();
    expect(present(db)).toEqual(all);
    db.exec('ROLLBACK');
  });
});
