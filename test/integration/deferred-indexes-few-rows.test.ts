import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { bulkRowsOf, DeferredIndexes, holdsFewRows } from '../../src/main/imports/records/deferred-indexes';
import { tempWorkspace } from '../support/temp-workspace';

// A bulk consumption batch keeps a partial index live when it holds fewer than 1 in 100 of
// the table's rows at the drop (building it again reads the whole table); every other
// non-unique index is dropped and built again, as for any table.

const ORG = 'org-f';
const BULK = bulkRowsOf('consumption_records');

function workspace() {
  const { workspace } = tempWorkspace();
  workspace.db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES (?, 'F', 'USD', '2026-01-01T00:00:00Z')").run(ORG);
  return workspace.db;
}

/**
 * `n` records with a customer, project and resource uuid (so in those partial indexes); those
 * for which `withResource(i)` holds also carry a resource (so enter consumption_records_resource_uri).
 */
function insertRecords(db: Database.Database, n: number, withResource: (i: number) => boolean) {
  const insert = db.prepare(
    `INSERT INTO consumption_records (org_id, uuid, currency, license_reference, resource_uuid, customer_uuid, project_uuid, resource_name, resource, billing_period,
       consumed_sell_micros, consumed_buy_micros, created_at, updated_at)
     VALUES (?, ?, 'USD', 'L1', ?, ?, ?, ?, ?, '2026-10-01', 1, 1, 'x', 'x')`,
  );
  const uuid = (prefix: number, i: number) => `${prefix}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const all = () => {
    for (let i = 0; i < n; i++) insert.run(ORG, uuid(0, i), uuid(1, i), uuid(2, i % 50), uuid(3, i % 70), `r-${i}`, withResource(i) ? `/res/${i}` : null);
  };
  if (db.inTransaction) all();
  else db.transaction(all)();
}

const indexNames = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'consumption_records' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
const indexSql = (db: Database.Database, name: string) => ({ name, sql: db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string });

describe('DeferredIndexes on consumption_records: partial indexes holding few rows stay live', () => {
  it('keeps the review and resource indexes (no row, and 1 in 200) live, drops the rest, and builds them again as they were', () => {
    const db = workspace();
    const all = indexNames(db);
    const before = db.prepare("SELECT name, sql FROM sqlite_schema WHERE tbl_name = 'consumption_records' ORDER BY name").all();
    db.exec('BEGIN');
    const deferred = new DeferredIndexes(db, 'consumption_records');
    insertRecords(db, BULK, (i) => i % 200 === 0);
    deferred.consider(BULK);
    expect(indexNames(db)).toEqual(['consumption_records_match', 'consumption_records_resource_uri', 'consumption_records_review', 'consumption_records_uuid']);
    // A row written while the others are dropped goes into the live ones: a query on the index finds it.
    db.prepare(
      "INSERT INTO consumption_records (org_id, uuid, currency, license_reference, resource_name, resource, billing_period, consumed_sell_micros, consumed_buy_micros, created_at, updated_at) VALUES (?, '90000000-0000-4000-8000-000000000001', 'USD', 'L2', 'late', '/res/late', '2026-10-01', 1, 1, 'x', 'x')",
    ).run(ORG);
    deferred.rebuild();
    db.exec('COMMIT');
    expect(indexNames(db)).toEqual(all);
    expect(db.prepare("SELECT name, sql FROM sqlite_schema WHERE tbl_name = 'consumption_records' ORDER BY name").all()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const viaIndex = db.prepare('SELECT resource FROM consumption_records INDEXED BY consumption_records_resource_uri WHERE resource IS NOT NULL ORDER BY resource').pluck().all();
    expect(viaIndex).toHaveLength(BULK / 200 + 1);
    expect(viaIndex).toContain('/res/late');
  });

  it('drops a partial index holding 1 in 100 of the rows or more, like any other', () => {
    const db = workspace();
    db.exec('BEGIN');
    const deferred = new DeferredIndexes(db, 'consumption_records');
    insertRecords(db, BULK, (i) => i % 100 === 0);
    deferred.consider(BULK);
    expect(indexNames(db)).toEqual(['consumption_records_match', 'consumption_records_review', 'consumption_records_uuid']);
    deferred.rebuild();
    db.exec('COMMIT');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM consumption_records INDEXED BY consumption_records_resource_uri WHERE resource IS NOT NULL').pluck().get()).toBe(BULK / 100);
  });

  it('holdsFewRows: an index without WHERE never; a partial one below 1 in 100 of the rows (max id), not at 1 in 100', () => {
    const db = workspace();
    insertRecords(db, 1000, (i) => i < 9);
    expect(holdsFewRows(db, 'consumption_records', indexSql(db, 'consumption_records_period'))).toBe(false);
    expect(holdsFewRows(db, 'consumption_records', indexSql(db, 'consumption_records_review'))).toBe(true);
    expect(holdsFewRows(db, 'consumption_records', indexSql(db, 'consumption_records_resource_uri'))).toBe(true);
    db.prepare("UPDATE consumption_records SET resource = '/res/9' WHERE id = 10").run();
    expect(holdsFewRows(db, 'consumption_records', indexSql(db, 'consumption_records_resource_uri'))).toBe(false);
  });

  it('other tables drop every non-unique index, as before', () => {
    const db = workspace();
    const unique = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'revenues' AND sql LIKE 'CREATE UNIQUE %' ORDER BY name").pluck().all();
    db.exec('BEGIN');
    const deferred = new DeferredIndexes(db, 'revenues');
    deferred.consider(bulkRowsOf('revenues'));
    const left = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'revenues' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(left).toEqual(unique);
    deferred.rebuild();
    db.exec('ROLLBACK');
  });
});
