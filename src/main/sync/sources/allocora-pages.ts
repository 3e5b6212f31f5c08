import { PAYEE_RECORD_FIELDS } from '../../imports/records/payee-writer';
import { PRODUCT_RECORD_FIELDS } from '../../imports/records/product-writer';
import { REVENUE_RECORD_FIELDS } from '../../imports/records/revenue-record';
import { RULE_RECORD_FIELDS } from '../../rules/rule-record';
import { getJson, type GetOptions } from '../http-client';
import { serverHash, type HashedRecord } from '../record-state';
import { SyncFault } from '../sync-fault';
import { joinUrl, pick, type PullWatch } from './source-adapter';

// Seed 001 (Allocora): bearer key, /api/allocora/ping to validate it, entity lists (payees,
// products, revenues, rules) under
// /api/v1 answering {records: [...], meta} pages of at most 100, oldest updated_at first. The
// seed's entity pages are not in the seed, so the list filters are ours: the first page asks
// updated_after=<cursor> (exclusive); each next page continues from the last record read,
// updated_since=<its updated_at> (inclusive) skipping the records of that instant already
// read (offset). Unlike a plain offset, a record changed while the pages are read moves past
// the last one read and is read again, never skipped; its newest version is the one kept.
// This file is the paging alone, so a worker thread (allocora-thread.ts) can run it too.

export const LABEL = 'revenue source (seed 001)';
const PAGE = 100;
export const ENTITIES = [
  { entity: 'payees', fields: PAYEE_RECORD_FIELDS },
  { entity: 'products', fields: PRODUCT_RECORD_FIELDS },
  { entity: 'revenues', fields: REVENUE_RECORD_FIELDS },
  { entity: 'rules', fields: RULE_RECORD_FIELDS },
] as const;
export type AllocoraEntity = (typeof ENTITIES)[number]['entity'];

export function options(key: string): GetOptions {
  return {
    label: LABEL,
    key,
    // The seed's troubleshooting words.
    unauthorized: 'Confirm the Authorization header includes Bearer followed by a current workspace API key and that the request is sent from a trusted server-side environment.',
    forbidden: 'The key is valid but does not include the required permission. Create or rotate a key with the read or write permission named in the response.',
  };
}

/** The host: a base URL given as the seed's production one (…/api/v1) loses that suffix. */
export function host(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

/** The query of the page after one ending at `last` (its `atLast` records of that instant read), or the first page's. */
function pageQuery(cursor: string | undefined, last: string | null, atLast: number): URLSearchParams {
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (last !== null) {
    query.set('updated_since', last);
    query.set('offset', String(atLast));
  } else if (cursor) query.set('updated_after', cursor);
  return query;
}

async function fetchPage(baseUrl: string, key: string, entity: string, query: URLSearchParams): Promise<unknown[]> {
  const url = joinUrl(host(baseUrl), `/api/v1/${entity}?${query}`);
  const { body } = await getJson(url, options(key));
  const page = (body as { records?: unknown } | null)?.records;
  if (!Array.isArray(page)) throw new SyncFault(`${LABEL}: ${url} answered without a records list`);
  return page;
}

/**
 * A pulled seed 001 record. Its label (for messages only) is made when asked for: a first
 * sync holds a million of these until they are written, and every string less is less for
 * the garbage collector to walk.
 */
export class AllocoraRecord implements HashedRecord {
  constructor(
    readonly sourceId: string,
    readonly fields: Record<string, unknown>,
    readonly serverHash: string,
  ) {}

  get label(): string {
    const externalId = this.fields.external_id;
    return typeof externalId === 'string' ? `external_id "${externalId}"` : `id ${this.sourceId}`;
  }
}

/** Where the paging of one entity stands: enough for another thread to carry it on. */
export interface Paging {
  entity: AllocoraEntity;
  /** The entity's cursor at the start of the run (updated_after of the first page). */
  cursor: string | undefined;
  /** The updated_at of the last record read, and how many of that instant were read. */
  last: string | null;
  atLast: number;
  /** Records read so far (their number names a record with no id). */
  read: number;
  /** The newest updated_at read: the entity's next cursor. */
  newest: string | undefined;
  newestMs: number;
}

export function startPaging(entity: AllocoraEntity, cursor: string | undefined): Paging {
  return { entity, cursor, last: null, atLast: 0, read: 0, newest: cursor, newestMs: cursor === undefined ? -Infinity : Date.parse(cursor) };
}

/** Told each page's records, checked and hashed, in the server's order. */
export type PageSink = (entity: AllocoraEntity, records: AllocoraRecord[]) => void | Promise<void>;

export function cancelledFault(): SyncFault {
  return new SyncFault(`${LABEL}: cancelled; nothing of this source was written`);
}

/** One record checked and reduced to the writer's fields, its server hash worked out. */
function readRecord(item: unknown, paging: Paging, fields: ReadonlySet<string>): AllocoraRecord {
  const { entity, read } = paging;
  if (typeof item !== 'object' || item === null) throw new SyncFault(`${LABEL}: ${entity} record ${read} is not an object`);
  const raw = item as Record<string, unknown>;
  const sourceId = typeof raw.id === 'string' && raw.id !== '' ? raw.id : typeof raw.external_id === 'string' ? raw.external_id : '';
  if (sourceId === '') throw new SyncFault(`${LABEL}: ${entity} record ${read} has no id`);
  const updatedMs = typeof raw.updated_at === 'string' ? Date.parse(raw.updated_at) : NaN;
  if (Number.isNaN(updatedMs)) throw new SyncFault(`${LABEL}: ${entity} record ${sourceId} has no updated_at time`);
  if (updatedMs > paging.newestMs) {
    paging.newestMs = updatedMs;
    paging.newest = raw.updated_at as string;
  }
  const picked = pick(raw, fields);
  return new AllocoraRecord(sourceId, picked, serverHash(picked));
}

/**
 * The pages of one entity from where `paging` stands. The next page is asked for as soon as
 * this one is parsed (its query needs only this page's last updated_at), and this page's
 * records are checked and hashed while the server prepares it: the client's work hides
 * behind the server's. Returns true at the entity's end; false when `handOver(paging)` said,
 * before a next page was asked, that another thread carries on from `paging`.
 */
export async function pageThrough(baseUrl: string, key: string, paging: Paging, sink: PageSink, watch: PullWatch, handOver?: (paging: Paging) => boolean): Promise<boolean> {
  const { entity } = paging;
  const fields = ENTITIES.find((e) => e.entity === entity)!.fields;
  const ask = (query: URLSearchParams) => {
    const page = fetchPage(baseUrl, key, entity, query);
    // Not awaited while this page is read: a fault is taken up by the next await (or dropped with the pull).
    page.catch(() => {});
    return page;
  };
  if (watch.cancelled()) throw cancelledFault();
  let next: Promise<unknown[]> | null = ask(pageQuery(paging.cursor, paging.last, paging.atLast));
  let handedOver = false;
  for (let stop = false; next !== null; ) {
    const page = await next;
    next = null;
    for (const item of page) {
      const at = (item as { updated_at?: unknown } | null)?.updated_at;
      if (typeof at !== 'string') break; // readRecord below names the record
      if (at === paging.last) paging.atLast++;
      else {
        paging.last = at;
        paging.atLast = 1;
      }
    }
    // A cancel asks for no more pages; this one is still read and reported.
    if (page.length === PAGE) {
      if (watch.cancelled()) stop = true;
      else if (handOver?.(paging)) handedOver = true;
      else next = ask(pageQuery(paging.cursor, paging.last, paging.atLast));
    }
    const records: AllocoraRecord[] = [];
    for (const item of page) {
      paging.read++;
      records.push(readRecord(item, paging, fields));
    }
    await sink(entity, records);
    watch.page(entity, paging.read);
    if (stop) throw cancelledFault();
  }
  return !handedOver;
}
