import { getJson } from '../http-client';
import { ENTITIES, host, LABEL, options, pageThrough, startPaging, type PageSink } from './allocora-pages';
import { handOverToThread, pagesInThread } from './allocora-thread';
import { joinUrl, UNWATCHED, type PullWatch, type PulledEntity, type PulledRecord, type SourceAdapter } from './source-adapter';

// Seed 001 (Allocora): its paging is in allocora-pages.ts. A pull reads every page before
// anything is written; a first sync streams the pages to the store instead (streamAllocora).

export const allocora: SourceAdapter = {
  label: LABEL,
  async test(baseUrl, key) {
    await getJson(joinUrl(host(baseUrl), '/api/allocora/ping'), options(key));
  },
  async pull(baseUrl, key, cursors, watch = UNWATCHED) {
    const entities: PulledEntity[] = [];
    const next = { ...cursors };
    // Payees and products first: revenues and rules name them.
    for (const { entity } of ENTITIES) {
      // Source id -> the record: a record read twice (changed mid-read) keeps its place, newest fields.
      const records = new Map<string, PulledRecord>();
      const paging = startPaging(entity, cursors[entity]);
      await pageThrough(baseUrl, key, paging, (_, page) => {
        for (const record of page) records.set(record.sourceId, record);
      }, watch);
      entities.push({ entity, records: [...records.values()] });
      if (paging.newest !== undefined) next[entity] = paging.newest;
    }
    return { entities, cursors: next };
  },
};

/**
 * Every page of every entity, handed to `sink` as it is read (a first sync writes them
 * while the next pages are fetched: first-sync.ts). A large entity's paging is carried on
 * by a worker thread (allocora-thread.ts), so fetching, parsing and hashing use the second
 * core while this thread writes. Returns the cursors to keep once the pages are stored.
 */
export async function streamAllocora(baseUrl: string, key: string, cursors: Record<string, string>, sink: PageSink, watch: PullWatch): Promise<Record<string, string>> {
  const pagings = ENTITIES.map(({ entity }) => startPaging(entity, cursors[entity]));
  for (let i = 0; i < pagings.length; i++) {
    if (await pageThrough(baseUrl, key, pagings[i], sink, watch, handOverToThread)) continue;
    await pagesInThread(baseUrl, key, pagings.slice(i), sink, watch);
    break;
  }
  const next = { ...cursors };
  for (const paging of pagings) if (paging.newest !== undefined) next[paging.entity] = paging.newest;
  return next;
}
