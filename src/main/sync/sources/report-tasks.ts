import { TASK_STATUSES, UNFINISHED_STATUSES, type TaskStatus } from '../../../shared/contract/tasks';
import { getJson, type GetOptions } from '../http-client';
import { SyncFault } from '../sync-fault';
import { joinUrl, newer, UNWATCHED, type PulledEntity, type PulledRecord, type PullWatch, type SourceAdapter } from './source-adapter';

// Seed 002 (generated report tasks): GET /billing/org/v1/reports with limit (at most 100),
// offset, ordering=created_at and created_after, answering {count, next, previous, results};
// the key goes as "apikey <key>". created_after is exclusive, so each run reads again from
// 1 ms before the newest created_at of the last successful sync: a task created later in
// that same millisecond is not lost. A task still Pending or InProgress at the last sync can
// still change: the next run reads again from 1 ms before the oldest such task, so its new
// status lands. store-tasks.ts writes only what changed, and marks the synced tasks of that
// re-read window the server no longer lists (deleted there). A task deleted before the
// window shows in the server's total (one more small request each run): then every task is
// listed, as sync.run's full re-check (mode.full) does.

const LABEL = 'tasks source (seed 002)';
const PATH = '/billing/org/v1/reports';
const LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The seed's date-times: ISO 8601 / RFC 3339 in UTC, a space allowed for the T.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function options(key: string): GetOptions {
  return {
    label: LABEL,
    key,
    scheme: 'apikey',
    unauthorized: 'Authentication failed: make sure the Authorization header is the word apikey, a space and a valid API key.',
    forbidden: 'The key is valid but cannot read the reports (report tasks) of this client.',
  };
}

/** A seed date-time as ISO UTC with milliseconds (how `tasks` keeps times); null when it is not one. */
export function taskInstant(value: unknown): string | null {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One task checked field by field; a bad one stops the source naming its uuid. */
function readTask(raw: unknown, position: number): PulledRecord {
  const item = isObject(raw) ? raw : {};
  const uuid = typeof item.uuid === 'string' && UUID.test(item.uuid) ? item.uuid.toLowerCase() : null;
  if (uuid === null) throw new SyncFault(`${LABEL}: task ${position} has no valid uuid (got ${JSON.stringify(item.uuid ?? null)})`);
  const bad = (field: string, why: string) => new SyncFault(`${LABEL}: task ${uuid}: ${field} ${why}; nothing of this source was written`);
  if (!TASK_STATUSES.includes(item.status as TaskStatus)) throw bad('status', `${JSON.stringify(item.status ?? null)} is not one of ${TASK_STATUSES.join(', ')}`);
  const created = taskInstant(item.created_at);
  if (created === null) throw bad('created_at', `${JSON.stringify(item.created_at ?? null)} is not an ISO 8601 date-time`);
  const updated = item.updated_at == null ? created : taskInstant(item.updated_at);
  if (updated === null) throw bad('updated_at', `${JSON.stringify(item.updated_at)} is not an ISO 8601 date-time`);
  if (typeof item.task_type !== 'string' || item.task_type === '') throw bad('task_type', 'is missing');
  for (const field of ['user_id', 'client_id'] as const) {
    if (item[field] != null && !Number.isInteger(item[field])) throw bad(field, `${JSON.stringify(item[field])} is not an integer`);
  }
  for (const field of ['processing_notes', 'parameters'] as const) {
    if (item[field] != null && !isObject(item[field])) throw bad(field, 'is not an object');
  }
  if (item.template != null && typeof item.template !== 'string') throw bad('template', 'is not text');
  return {
    sourceId: uuid,
    label: `uuid ${uuid}`,
    fields: {
      uuid,
      created_at: created,
      updated_at: updated,
      user_id: item.user_id ?? null,
      client_id: item.client_id ?? null,
      task_type: item.task_type,
      template: item.template ?? null,
      status: item.status,
      processing_notes: item.processing_notes ?? {},
      parameters: item.parameters ?? {},
    },
  };
}

/** One millisecond before an instant: created_after is exclusive, the oldest open task must be read again. */
function justBefore(instant: string): string {
  return new Date(Date.parse(instant) - 1).toISOString();
}

/**
 * The tasks pulled, with the window they were listed from: every task the server has
 * created after `listedFrom` (every task when null) is among the records, so a synced
 * task of that window missing from them is no longer on the server.
 */
export interface ListedTasks extends PulledEntity {
  entity: 'tasks';
  listedFrom: string | null;
}

export function isListedTasks(entity: PulledEntity): entity is ListedTasks {
  return entity.entity === 'tasks' && 'listedFrom' in entity;
}

/** Every task the server created after `from` (every task when undefined), paged, with the cursors to keep. */
async function listTasks(baseUrl: string, key: string, cursors: Record<string, string>, watch: PullWatch, from: string | undefined, total: number | undefined) {
  const records: PulledRecord[] = [];
  const seen = new Set<string>();
  let newest: string | undefined = cursors.created_after;
  let oldestOpen: string | undefined;
  // The server's count on each page: a task deleted between two page requests shifts the
  // offsets and one task would go unread, so a listing whose count moved marks nothing.
  const counts = new Set<unknown>();
  for (let offset = 0; ; ) {
    if (watch.cancelled()) throw new SyncFault(`${LABEL}: cancelled; nothing of this source was written`);
    const query = new URLSearchParams({ limit: String(LIMIT), offset: String(offset), ordering: 'created_at' });
    if (from !== undefined) query.set('created_after', from);
    const url = joinUrl(baseUrl, `${PATH}?${query}`);
    const { body } = await getJson(url, options(key));
    if (!isObject(body) || !Array.isArray(body.results)) throw new SyncFault(`${LABEL}: ${url} answered without {count, results}`);
    for (const [i, raw] of body.results.entries()) {
      const record = readTask(raw, offset + i + 1);
      if (seen.has(record.sourceId)) throw new SyncFault(`${LABEL}: task ${record.sourceId} came twice (the list changed while it was read); nothing of this source was written`);
      seen.add(record.sourceId);
      records.push(record);
      const created = record.fields.created_at as string;
      newest = newer(newest, created);
      if (UNFINISHED_STATUSES.includes(record.fields.status as TaskStatus) && (oldestOpen === undefined || created < oldestOpen)) oldestOpen = created;
    }
    offset += body.results.length;
    counts.add(body.count);
    watch.page('tasks', offset);
    if (body.next == null || body.results.length === 0) break;
  }
  const next: Record<string, string> = { ...cursors };
  delete next.open_since;
  if (newest !== undefined) next.created_after = newest;
  if (oldestOpen !== undefined) next.open_since = oldestOpen;
  const [count] = counts;
  const consistent = counts.size === 1 && count === records.length;
  // How many tasks the server has from before the next run's window: that run checks it.
  const all = from === undefined ? records.length : total;
  const nextSince = next.open_since ?? next.created_after;
  if (consistent && all !== undefined && nextSince !== undefined) {
    const nextFrom = Date.parse(justBefore(nextSince));
    next.older_count = String(all - records.filter((r) => Date.parse(r.fields.created_at as string) > nextFrom).length);
  } else delete next.older_count;
  if (!consistent) return { entities: [{ entity: 'tasks' as const, records }], cursors: next, consistent };
  const listed: ListedTasks = { entity: 'tasks', records, listedFrom: from ?? null };
  return { entities: [listed], cursors: next, consistent };
}

/** How many tasks the server has (one task asked for, the answer's count); undefined when it gives none. */
async function totalTasks(baseUrl: string, key: string): Promise<number | undefined> {
  const url = joinUrl(baseUrl, `${PATH}?${new URLSearchParams({ limit: '1', offset: '0', ordering: 'created_at' })}`);
  const { body } = await getJson(url, options(key));
  return isObject(body) && Number.isSafeInteger(body.count) ? (body.count as number) : undefined;
}

export const reportTasks: SourceAdapter = {
  label: LABEL,
  async test(baseUrl, key) {
    await getJson(joinUrl(baseUrl, `${PATH}?limit=1`), options(key));
  },
  async pull(baseUrl, key, cursors, watch = UNWATCHED, mode = {}) {
    // open_since is never after created_after; either is read again from 1 ms before it.
    // A full re-check lists every task: a finished one changed on the server shows only so.
    const since = mode.full ? undefined : (cursors.open_since ?? cursors.created_after);
    if (since === undefined) {
      const { consistent: _whole, ...whole } = await listTasks(baseUrl, key, cursors, watch, undefined, undefined);
      return whole;
    }
    // The server's total (one task asked for) less the window is how many tasks it has from
    // before the window: the last run counted them (cursor older_count). Fewer or more: a
    // task the window does not reach was deleted (or one created back there), so every task
    // is listed and the synced ones the list lacks are marked.
    const total = await totalTasks(baseUrl, key);
    const { consistent, ...window } = await listTasks(baseUrl, key, cursors, watch, justBefore(since), total);
    const older = cursors.older_count === undefined ? undefined : Number(cursors.older_count);
    if (older === undefined || total === undefined || !consistent || total - window.entities[0]!.records.length === older) return window;
    const { consistent: _whole, ...whole } = await listTasks(baseUrl, key, cursors, watch, undefined, undefined);
    return whole;
  },
};
