import { BILLING_RECORD_FIELDS } from '../../imports/records/billing-record';
import { CONSUMPTION_RECORD_FIELDS } from '../../imports/records/consumption-record';
import { getJson, type GetOptions } from '../http-client';
import { SyncFault } from '../sync-fault';
import { joinUrl, newer, pick, UNWATCHED, type PulledRecord, type SourceAdapter } from './source-adapter';

// Seed 003 (Arrow consumption records): GET /api/admin/arrow/consumption-records/ with
// page / page_size and billing_period_from; the body is an array of records (a page past
// the end answers 404). The seed has no modified filter, so each run reads from the oldest
// billing period that was not finalized at the last sync, and keeps the records whose
// `modified` is after the cursor. A finalized record's final_sell / final_buy go through the
// billing writer after the estimates, as a billing export's rows do.

const LABEL = 'consumption source (seed 003)';
const PATH = '/api/admin/arrow/consumption-records/';
const PAGE_SIZE = 100;

function options(key: string): GetOptions {
  return {
    label: LABEL,
    key,
    unauthorized: 'Authentication credentials were not provided or are not valid: check the API key.',
    forbidden: 'You do not have permission to perform this action: the key cannot read consumption records.',
    accept: [404],
  };
}

export const arrowConsumption: SourceAdapter = {
  label: LABEL,
  async test(baseUrl, key) {
    await getJson(joinUrl(baseUrl, `${PATH}?page=1&page_size=1`), { ...options(key), accept: [] });
  },
  async pull(baseUrl, key, cursors, watch = UNWATCHED) {
    const since: string | undefined = cursors.modified;
    const records: PulledRecord[] = [];
    // A finalized record's final amounts, written after the estimates as a billing export's rows are.
    const finals: PulledRecord[] = [];
    let newest: string | undefined = since;
    let oldestOpen: string | undefined;
    let newestPeriod: string | undefined;
    const urlOf = (page: number) => {
      const query = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE) });
      if (cursors.billing_period_from) query.set('billing_period_from', cursors.billing_period_from);
      return joinUrl(baseUrl, `${PATH}?${query}`);
    };
    // The next page is asked for before this one's records are read (page numbers need nothing from it):
    // the server prepares it meanwhile. A fault of that request is taken up when it is awaited.
    const ask = (page: number) => {
      const answer = getJson(urlOf(page), options(key));
      answer.catch(() => {});
      return answer;
    };
    let nextPage = watch.cancelled() ? null : ask(1);
    for (let page = 1; ; page++) {
      if (watch.cancelled() || nextPage === null) throw new SyncFault(`${LABEL}: cancelled; nothing of this source was written`);
      const url = urlOf(page);
      const { status, body } = await nextPage;
      if (status === 404) {
        if (page === 1) throw new SyncFault(`${LABEL}: ${url} answered 404 (is the base URL the API's?)`, 404);
        break;
      }
      if (!Array.isArray(body)) throw new SyncFault(`${LABEL}: ${url} answered without an array of records`);
      nextPage = body.length === PAGE_SIZE && !watch.cancelled() ? ask(page + 1) : null;
      for (const [i, item] of body.entries()) {
        const raw = item as Record<string, unknown>;
        const uuid = typeof raw?.uuid === 'string' ? raw.uuid : '';
        if (uuid === '') throw new SyncFault(`${LABEL}: record ${(page - 1) * PAGE_SIZE + i + 1} has no uuid`);
        const period = typeof raw.billing_period === 'string' ? raw.billing_period : undefined;
        if (period && (newestPeriod === undefined || period > newestPeriod)) newestPeriod = period;
        if (period && raw.is_finalized !== true && (oldestOpen === undefined || period < oldestOpen)) oldestOpen = period;
        newest = newer(newest, raw.modified);
        if (since !== undefined && typeof raw.modified === 'string' && Date.parse(raw.modified) <= Date.parse(since)) continue;
        records.push({ sourceId: uuid, label: `uuid ${uuid}`, fields: pick(raw, CONSUMPTION_RECORD_FIELDS) });
        if (raw.is_finalized === true && raw.final_sell != null && raw.final_buy != null) {
          finals.push({ sourceId: uuid, label: `uuid ${uuid}`, fields: pick(raw, BILLING_RECORD_FIELDS) });
        }
      }
      watch.page('consumption', (page - 1) * PAGE_SIZE + body.length);
      if (body.length < PAGE_SIZE) break;
    }
    const next = { ...cursors };
    if (newest !== undefined) next.modified = newest;
    const from = oldestOpen ?? newestPeriod;
    if (from !== undefined) next.billing_period_from = from;
    return {
      entities: [
        { entity: 'consumption', records },
        { entity: 'billing', records: finals },
      ],
      cursors: next,
    };
  },
};
