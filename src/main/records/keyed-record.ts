import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { queryPage } from '../grid/page-query';
import { assertOrg } from '../orgs/assert-org';

/** A table of an org's records found by id or by external_id (payees, products), read as `p`. */
export interface KeyedTable<Stored, Row> {
  table: 'payees' | 'products';
  /** The SELECT list over `p`, without FROM. */
  select: string;
  /** The record in the not-found code and message: "payee" gives payee_not_found. */
  noun: string;
  toRow: (stored: Stored) => Row;
}

export interface RecordKey {
  orgId: string;
  id?: number;
  externalId?: string;
}

/** `<area>.get`: one record of the org by id (else external_id); 404 `<noun>_not_found` naming the key otherwise. */
export function getKeyedRecord<Stored, Row>(db: Database.Database, spec: KeyedTable<Stored, Row>, key: RecordKey): Row {
  assertOrg(db, key.orgId);
  const byId = key.id !== undefined;
  const stored = db
    .prepare(`${spec.select} FROM ${spec.table} p WHERE p.org_id = ? AND ${byId ? 'p.id' : 'p.external_id'} = ?`)
    .get(key.orgId, byId ? key.id : key.externalId) as Stored | undefined;
  if (!stored) {
    const named = byId ? `id ${key.id}` : `external_id "${key.externalId}"`;
    throw notFound(`${spec.noun}_not_found`, `No ${spec.noun} with ${named} in org ${key.orgId}`, { field: byId ? 'id' : 'externalId' });
  }
  return spec.toRow(stored);
}

export interface PageView {
  orgId: string;
  sortModel: SortModel;
  filterModel: FilterModel;
  startRow: number;
  endRow: number;
}

/**
 * The table as a page reads it. The (org_id, name) index answers a page sorted by name
 * (and filtered on name at most) from the index alone. Any other page scans the table: with
 * no statistics SQLite takes org_id = ? as selective, and would walk the index reading every
 * row in name order (measured 5 to 10 times slower than a scan; bench/records-grid.ts).
 */
function baseFor(table: string, view: { sortModel: SortModel; filterModel: FilterModel }): string {
  const byName = view.sortModel[0]?.colId === 'name' && Object.keys(view.filterModel).every((column) => column === 'name');
  return byName ? `${table} p` : `${table} p NOT INDEXED`;
}

/** `<area>.list`: a page of the org's records, sorted and filtered through the grid's column allowlist. */
export function listKeyedRecords<Stored, Row>(db: Database.Database, spec: KeyedTable<Stored, Row>, columns: Readonly<Record<string, GridColumn>>, view: PageView): Page<Row> {
  assertOrg(db, view.orgId);
  const page = queryPage<Stored>(
    db,
    {
      select: spec.select,
      base: baseFor(spec.table, view),
      key: 'p.id',
      scope: [{ sql: 'p.org_id = ?', params: [view.orgId] }],
      columns,
    },
    view,
  );
  return { rows: page.rows.map(spec.toRow), rowCount: page.rowCount };
}
