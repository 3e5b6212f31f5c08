import { getJson, type GetOptions } from '../http-client';
import { SyncFault } from '../sync-fault';
import { UNWATCHED, type PulledRecord, type SourceAdapter } from './source-adapter';

// Seed 004 (statements): GET {base_url}/organizations/statement/list/organization/{sid}/detail/
// with page_size / page_number, answering {page_size, page_number, page_count, count, next,
// previous, results}. The connection's base URL is that list URL up to the org's sid (the
// seed's path names the org; there is no other place for it). The key goes in the seed's
// `token` header the way Django REST framework reads it: `Authorization: Token <key>`.
//
// The seed has no modified time nor filter. What it does say: statements are generated, a
// past cycle's is fixed (is_current false) and only the current one changes. So a run reads
// newest first until a page reaches a fixed statement it already had (date_start at or
// before the cursor `fixed_through`): every later one is older and fixed. The store writes
// only what differs from the stored copy.
// When the server's order is not newest first, every page is read (nothing is missed).
// A fixed statement the server changes later is seen only by reading every page: sync.run's
// full re-check (mode.full) does. A deletion moves the list's `count`: when it is not the
// last run's count (cursor listed_count) plus the cycles started since (after newest_start),
// the run reads on to the end. A list read to its end (a first sync, a full re-check, a
// count that moved) tells which synced statements the server no longer has.

const LABEL = 'statements source (seed 004)';
const PAGE_SIZE = 100;
const LIST = /^(.*)\/organizations\/statement\/list\/organization\/([^/?#]+)(?:\/(?:name|list|detail))?\/?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The seed's display strings: a cost, and each price with the unit the seed prints after it. */
export const COST_FIELDS = ['subscription_cost', 'ppu_cost', 'section_widget_usage_cost', 'column_widget_usage_cost', 'record_storage_cost', 'file_storage_cost', 'backup_cost', 'total', 'available_credits'] as const;
export const PRICE_UNITS = { subscription_price: '/seat/month', ppu_price: '/record', record_storage_price: '/version', file_storage_price: '/100G/Month' } as const;
export const COUNT_FIELDS = ['seats', 'record_count', 'version_count'] as const;

function options(key: string): GetOptions {
  return {
    label: LABEL,
    key,
    scheme: 'Token',
    unauthorized: 'Authentication credentials were not provided or are not valid: check the token (API key).',
    forbidden: "You do not have permission to perform this action: the seed's Statement List needs an Admin key.",
  };
}

/** The list URL's parts; a base URL that is not it stops the source naming it. */
export function statementsList(baseUrl: string): { root: string; sid: string } {
  const match = LIST.exec(baseUrl.replace(/\/+$/, ''));
  if (!match) {
    throw new SyncFault(`${LABEL}: the base URL must be the seed's statement list URL of the org, https://…/organizations/statement/list/organization/<org sid> (got ${baseUrl})`);
  }
  return { root: match[1]!, sid: match[2]! };
}

function pageUrl(baseUrl: string, serializer: string, size: number, page: number): string {
  const { root, sid } = statementsList(baseUrl);
  return `${root}/organizations/statement/list/organization/${sid}/${serializer}/?page_size=${size}&page_number=${page}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function validDay(text: unknown): text is string {
  if (typeof text !== 'string' || !DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** "$1,234.50" -> { symbol: "$", amount: "1234.50" }; null when it is not one amount. */
export function readDisplayAmount(text: string): { symbol: string; amount: string } | null {
  const match = /^(\D*?)\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,6})?$/.exec(text.trim());
  if (!match) return null;
  return { symbol: match[1]!.trim(), amount: match[2]!.replace(/,/g, '') + (match[3] ?? '') };
}

/**
 * One statement checked field by field, its display strings read into exact decimal strings
 * (a bad one stops the source naming the statement's sid and the field). Fields keep the
 * seed's names; `currency_symbol` is the symbol every amount carried (the store checks it is
 * the org's currency), `file_size_mb` the seed's "450 MB".
 */
export function readStatement(raw: unknown, position: number): PulledRecord {
  const item = isObject(raw) ? raw : {};
  const sid = typeof item.sid === 'string' && item.sid.trim() !== '' ? item.sid.trim() : null;
  if (sid === null) throw new SyncFault(`${LABEL}: statement ${position} has no sid`);
  const bad = (field: string, why: string) => new SyncFault(`${LABEL}: statement ${sid}: ${field} ${JSON.stringify(item[field] ?? null)} ${why}; nothing of this source was written`);
  const fields: Record<string, unknown> = {};
  for (const field of ['date_start', 'date_end'] as const) {
    if (!validDay(item[field])) throw bad(field, 'is not a day (YYYY-MM-DD)');
    fields[field] = item[field];
  }
  if ((fields.date_end as string) < (fields.date_start as string)) throw bad('date_end', `is before date_start ${fields.date_start as string}`);
  const symbols = new Set<string>();
  const amount = (field: string, text: unknown, unit = '') => {
    if (typeof text !== 'string' || !text.endsWith(unit)) throw bad(field, unit ? `is not an amount followed by ${unit}` : 'is not an amount');
    const read = readDisplayAmount(text.slice(0, text.length - unit.length));
    if (!read) throw bad(field, unit ? `is not an amount followed by ${unit}` : 'is not an amount (e.g. "$120.00")');
    symbols.add(read.symbol);
    if (symbols.size > 1) throw bad(field, `is in another currency than the statement's other amounts (${[...symbols].join(', ')})`);
    fields[field] = read.amount;
  };
  for (const field of COST_FIELDS) amount(field, item[field]);
  for (const [field, unit] of Object.entries(PRICE_UNITS)) amount(field, item[field], unit);
  for (const field of COUNT_FIELDS) {
    if (!Number.isSafeInteger(item[field]) || (item[field] as number) < 0) throw bad(field, 'is not a whole number of 0 or more');
    fields[field] = item[field];
  }
  const size = typeof item.file_size === 'string' ? /^(\d{1,3}(?:,\d{3})+|\d+) MB$/.exec(item.file_size.trim()) : null;
  if (!size) throw bad('file_size', 'is not a whole number of MB (e.g. "450 MB")');
  fields.file_size_mb = Number(size[1]!.replace(/,/g, ''));
  for (const field of ['is_current', 'is_subscription'] as const) {
    if (typeof item[field] !== 'boolean') throw bad(field, 'is not true or false');
    fields[field] = item[field];
  }
  fields.currency_symbol = [...symbols][0] ?? '';
  return { sourceId: sid, label: `sid ${sid}`, fields };
}

export const statementsSource: SourceAdapter = {
  label: LABEL,
  async test(baseUrl, key) {
    await getJson(pageUrl(baseUrl, 'name', 1, 1), options(key));
  },
  async pull(baseUrl, key, cursors, watch = UNWATCHED, mode = {}) {
    // A full re-check reads every page: a fixed statement changed or deleted on the server shows only so.
    const fixedThrough = mode.full ? undefined : cursors.fixed_through;
    const bySid = new Map<string, PulledRecord>();
    const sidOfCycle = new Map<string, string>();
    let newestFixed = fixedThrough;
    let descending = true;
    let previousStart: string | undefined;
    let read = 0;
    // Every sid the server listed, and its count on each page: the list is complete only when
    // it was read to its end, the count never moved and that many sids came.
    const listed = new Set<string>();
    const counts = new Set<unknown>();
    let toTheEnd = false;
    // The server's count at the last run and the newest cycle it had: now it should list that
    // many plus the cycles started since. Otherwise a statement was deleted (or added among
    // the old ones): the run reads on to the end, so the complete listing shows which.
    const countBefore = cursors.listed_count === undefined ? undefined : Number(cursors.listed_count);
    const newestBefore = cursors.newest_start;
    const fresh = new Set<string>();
    let newestStart = newestBefore;
    for (let page = 1; ; page++) {
      if (watch.cancelled()) throw new SyncFault(`${LABEL}: cancelled; nothing of this source was written`);
      const url = pageUrl(baseUrl, 'detail', PAGE_SIZE, page);
      const { body } = await getJson(url, options(key));
      if (!isObject(body) || !Array.isArray(body.results)) throw new SyncFault(`${LABEL}: ${url} answered without {page_number, page_count, results}`);
      let reachedKnown = false;
      for (const [i, raw] of body.results.entries()) {
        const record = readStatement(raw, (page - 1) * PAGE_SIZE + i + 1);
        const start = record.fields.date_start as string;
        if (previousStart !== undefined && start > previousStart) descending = false;
        previousStart = start;
        const other = sidOfCycle.get(start);
        if (other !== undefined && other !== record.sourceId) {
          throw new SyncFault(`${LABEL}: statements ${other} and ${record.sourceId} are both for the cycle starting ${start}; nothing of this source was written`);
        }
        sidOfCycle.set(start, record.sourceId);
        listed.add(record.sourceId);
        if (newestBefore === undefined || start > newestBefore) fresh.add(record.sourceId);
        if (newestStart === undefined || start > newestStart) newestStart = start;
        // Read twice (a statement generated between two page requests shifts the pages): the later read wins.
        bySid.delete(record.sourceId);
        bySid.set(record.sourceId, record);
        const fixed = record.fields.is_current === false;
        if (fixed && (newestFixed === undefined || start > newestFixed)) newestFixed = start;
        if (fixed && fixedThrough !== undefined && start <= fixedThrough) {
          // Fixed when the last sync read it: it has not changed since (kept, or blocked as then).
          reachedKnown = true;
          bySid.delete(record.sourceId);
        }
      }
      read += body.results.length;
      counts.add(body.count);
      watch.page('statements', read);
      const last = body.next == null || body.results.length === 0 || (typeof body.page_count === 'number' && page >= body.page_count);
      toTheEnd = last;
      const countMoved = countBefore !== undefined && body.count !== countBefore + fresh.size;
      if (last || (reachedKnown && descending && !countMoved)) break;
    }
    const next: Record<string, string> = { ...cursors };
    if (newestFixed !== undefined) next.fixed_through = newestFixed;
    if (newestStart !== undefined) next.newest_start = newestStart;
    const [count] = counts;
    if (counts.size === 1 && typeof count === 'number') next.listed_count = String(count);
    else delete next.listed_count;
    // An empty list is not taken as every statement deleted: an org always has its current one.
    const complete = toTheEnd && counts.size === 1 && count === listed.size && listed.size > 0;
    return { entities: [{ entity: 'statements', records: [...bySid.values()], ...(complete ? { listing: { ids: listed } } : {}) }], cursors: next };
  },
};
