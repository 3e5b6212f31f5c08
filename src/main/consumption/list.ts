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
/** The fields consumption_record_counts keeps counts by (migration 31). */
const COUNTED = new Set<keyof ConsumptionListInput>(['orgId', 'billing_period', 'billing_period_from', 'billing_period_to', 'is_finalized', 'is_reconciled']);
/**
 * A filter on one of these matches few records. The org is then checked on each of them:
 * written as `+c.org_id` it cannot lead SQLite to walk the org's months index instead (with
 * a license and a month range it did, ~2 s on a million records).
 */
const SELECTIVE = new Set<keyof ConsumptionListInput>(['customer_uuid', 'project_uuid', 'resource_uuid', 'resource', 'license_reference']);

/** Where a page is read from: its order, the rows skipped before it, and a month bound that lets the walk start near it. */
interface PageRead {
  order: string;
  skip: number;
  /** The month the walk starts in; it replaces the filter's own bound on that side (SQLite would take either). */
  bound?: { sql: string; month: string; replaces: keyof ConsumptionListInput };
}

const FORWARD = 'c.billing_period, c.id';
const BACKWARD = 'c.billing_period DESC, c.id DESC';

/**
 * The cheaper of reading [offset, end) forwards or from the far end. With the filter's count
 * per month, the walk starts in the month the page starts (or, from the far end, ends) in,
 * so it never walks more than that month's records.
 */
function pageRead(count: number, offset: number, end: number, months: Array<[string, number]> | null): PageRead {
  if (months === null) return offset <= count - end ? { order: FORWARD, skip: offset } : { order: BACKWARD, skip: count - end };
  let before = 0;
  let forward: PageRead = { order: FORWARD, skip: offset };
  let backward: PageRead = { order: BACKWARD, skip: count - end };
  for (const [month, n] of months) {
    if (offset >= before && offset < before + n) forward = { order: FORWARD, skip: offset - before, bound: { sql: 'c.billing_period >= ?', month, replaces: 'billing_period_from' } };
    if (end - 1 >= before && end - 1 < before + n) backward = { order: BACKWARD, skip: before + n - end, bound: { sql: 'c.billing_period <= ?', month, replaces: 'billing_period_to' } };
    before += n;
  }
  return forward.skip <= backward.skip ? forward : backward;
}

/** consumption.list: the seed's filters, oldest month first, page / page_size, with the total count. */
export function listConsumption(db: Database.Database, input: ConsumptionListInput): ConsumptionListPage {
  if (input.orgId != null) assertOrg(db, input.orgId);
  const given = FILTERS.filter(([field]) => input[field] !== undefined && input[field] !== null);
  const selective = given.some(([field]) => SELECTIVE.has(field));
  const conditions = given.map(([field, sql]) => {
    const value = input[field];
    return { field, sql: field === 'orgId' && selective ? `+${sql}` : sql, param: typeof value === 'boolean' ? Number(value) : LOWERCASED.has(field) ? String(value).toLowerCase() : value };
  });
  const clause = conditions.length ? conditions.map((c) => c.sql).join(' AND ') : '1';
  const params = conditions.map((c) => c.param);
  // Count and page read one snapshot. A filter on the counted fields alone is counted per
  // month from consumption_record_counts (the same conditions: its alias is c too); any
  // other is counted on the index its page is read on (migration 31 puts the flags in the
  // month indexes, so neither reads a row for them). A page's ids are found on the index
  // first and only its rows are read.
  return db.transaction((): ConsumptionListPage => {
    const months = given.every(([field]) => COUNTED.has(field))
      ? (db.prepare(`SELECT billing_period, sum(records) FROM consumption_record_counts c WHERE ${clause} GROUP BY billing_period HAVING sum(records) > 0 ORDER BY billing_period`).raw().all(...params) as Array<[string, number]>)
      : null;
    const count = months ? months.reduce((sum, [, n]) => sum + n, 0) : (db.prepare(`SELECT count(*) FROM consumption_records c WHERE ${clause}`).pluck().get(...params) as number);
    const offset = (input.page - 1) * input.page_size;
    const end = Math.min(offset + input.page_size, count);
    const page = { count, page: input.page, page_size: input.page_size };
    if (end <= offset) return { ...page, results: [] };
    const read = pageRead(count, offset, end, months);
    const bound = read.bound;
    const walk = bound ? [...conditions.filter((c) => c.field !== bound.replaces), { sql: bound.sql, param: bound.month }] : conditions;
    const ids = `SELECT c.id FROM consumption_records c WHERE ${walk.map((c) => c.sql).join(' AND ') || '1'} ORDER BY ${read.order} LIMIT ? OFFSET ?`;
    const rows = db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM (${ids}) AS page CROSS JOIN consumption_records c WHERE c.id = page.id ORDER BY ${read.order}`)
      .all(...walk.map((c) => c.param), end - offset, read.skip) as StoredRecord[];
    if (read.order === BACKWARD) rows.reverse();
    return { ...page, results: rows.map(toConsumptionRecord) };
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
