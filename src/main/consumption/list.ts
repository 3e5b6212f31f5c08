import type { ConsumptionListInput, ConsumptionListPage, ConsumptionRecord } from '../../shared/contract/consumption';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { RECORD_COLUMNS, toConsumptionRecord, type StoredRecord } from './record-row';

/** Each seed filter as a fixed condition with its bound value. */
const FILTERS: ReadonlyArray<[keyof ConsumptionListInput, string]> = [
  ['orgId', 'c.org_id = ?'],
  ['billing_period', 'c.billing_period = ?'],
  ['billing_period_from', 'c.billing_period >= ?'],
  ['billing_period_to', 'c.billing_period <= ?'],
  ['customer_uuid', 'c.customer_uuid = ?'],
  ['project_uuid', 'c.project_uuid = ?'],
  ['resource_uuid', 'c.resource_uuid = ?'],
  ['resource', 'c.resource = ?'],
  ['license_reference', 'c.license_reference = ?'],
  ['is_finalized', 'c.is_finalized = ?'],
  ['is_reconciled', 'c.is_reconciled = ?'],
];

// Stored uuids are lowercase; a filter may come in either case.
const LOWERCASED = new Set<keyof ConsumptionListInput>(['customer_uuid', 'project_uuid', 'resource_uuid']);

/** consumption.list: the seed's filters, oldest month first, page / page_size, with the total count. */
export function listConsumption(db: Database.Database, input: ConsumptionListInput): ConsumptionListPage {
  if (input.orgId != null) assertOrg(db, input.orgId);
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [field, sql] of FILTERS) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    where.push(sql);
    params.push(typeof value === 'boolean' ? Number(value) : LOWERCASED.has(field) ? String(value).toLowerCase() : value);
  }
  const clause = where.length ? where.join(' AND ') : '1';
  // Count and page read one snapshot, both on the same index (migration 31 puts the flags in
  // the month indexes, so neither reads a row for them). The page's ids are found on the index
  // first and only its rows are read; a page past the middle is read from the far end, so no
  // page walks more than half the matching entries.
  return db.transaction((): ConsumptionListPage => {
    const count = db.prepare(`SELECT count(*) FROM consumption_records c WHERE ${clause}`).pluck().get(...params) as number;
    const offset = (input.page - 1) * input.page_size;
    const end = Math.min(offset + input.page_size, count);
    const fromEnd = offset > count / 2 && end > offset;
    const order = fromEnd ? 'c.billing_period DESC, c.id DESC' : 'c.billing_period, c.id';
    const ids = `SELECT c.id FROM consumption_records c WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`;
    const rows = db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM (${ids}) AS page CROSS JOIN consumption_records c WHERE c.id = page.id ORDER BY ${order}`)
      .all(...params, fromEnd ? end - offset : input.page_size, fromEnd ? count - end : offset) as StoredRecord[];
    if (fromEnd) rows.reverse();
    return { count, page: input.page, page_size: input.page_size, results: rows.map(toConsumptionRecord) };
  })();
}

export function findRecordByUuid(db: Database.Database, uuid: string): StoredRecord | undefined {
  return db.prepare(`SELECT ${RECORD_COLUMNS} FROM consumption_records c WHERE c.uuid = ?`).get(uuid.toLowerCase()) as StoredRecord | undefined;
}

/** consumption.get: one record by uuid, 404 not_found naming it when unknown. */
export function getConsumption(db: Database.Database, uuid: string): ConsumptionRecord {
  const found = findRecordByUuid(db, uuid);
  if (!found) throw notFound('not_found', `There is no consumption record ${uuid} in this workspace`, { field: 'uuid', uuid });
  return toConsumptionRecord(found);
}
