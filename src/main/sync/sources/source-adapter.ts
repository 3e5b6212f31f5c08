import type { ImportEntity } from '../../../shared/contract/imports';

/** One record as the source sent it, reduced to the fields our writer reads. */
export interface PulledRecord {
  /** The source's own id (a UUID), kept as provenance. */
  sourceId: string;
  /** Names the record in messages: its external_id or the source's id. */
  label: string;
  fields: Record<string, unknown>;
}

/** What changed of one entity since its cursor, in the order it is written. Rules are not an import entity: they are saved as rules.batch saves them, with versions; tasks (seed 002) go to the tasks table (store-tasks.ts); statements (004) and report results (000) to theirs (store-statements.ts, store-reports.ts). */
export interface PulledEntity {
  entity: ImportEntity | 'rules' | 'tasks' | 'statements' | 'reports';
  records: PulledRecord[];
  /** Set when the pull read the server's complete list: a linked record missing from it is gone from the server (gone-from-server.ts). */
  listing?: ServerListing;
}

/** Every source id the server lists now (records left out as unchanged included). */
export interface ServerListing {
  ids: ReadonlySet<string>;
  /** Whether the listing speaks for this source id (a report whose periods could not be read does not); all when absent. */
  covers?: (sourceId: string) => boolean;
}

export interface Pull {
  entities: PulledEntity[];
  /** The cursors to keep once the pull is stored. */
  cursors: Record<string, string>;
}

/** Told after each page; a pull stops (SyncFault) when `cancelled()` says so. */
export interface PullWatch {
  page(entity: string, read: number): void;
  cancelled(): boolean;
}

export const UNWATCHED: PullWatch = { page: () => {}, cancelled: () => false };

/** full: read the source whole, not from its cursors (sync.run's full re-check); sources that cannot tell ignore it. */
export interface PullMode {
  full?: boolean;
}

/** A source system as Closebook reads it: how to test its key and pull what changed. */
export interface SourceAdapter {
  /** "revenue source (seed 001)". */
  label: string;
  /** The cheapest call that proves the key (resolves, or throws a SyncFault). */
  test(baseUrl: string, key: string): Promise<void>;
  pull(baseUrl: string, key: string, cursors: Record<string, string>, watch?: PullWatch, mode?: PullMode): Promise<Pull>;
}

/** Base URL + path, with exactly one slash between. */
export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

/** The newer of two ISO 8601 times (text order is time order for the same shape). */
export function newer(a: string | undefined, b: unknown): string | undefined {
  if (typeof b !== 'string' || b === '') return a;
  if (a === undefined) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Only the fields the writer reads: a server's extra fields (url, created, ...) are not errors. */
export function pick(record: Record<string, unknown>, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (record[field] !== undefined) out[field] = record[field];
  return out;
}
