import { getJson, type GetOptions } from '../http-client';
import { SyncFault } from '../sync-fault';
import { UNWATCHED, type PulledRecord, type SourceAdapter } from './source-adapter';

// Seed 000 (allocation reports, beta): the catalog GET {base}/allocation-reports, then each
// report's periods GET …/{report_type}/periods, then each available month GET
// …/{report_type}?year=Y&month=M. The base URL is the org's API root
// https://…/beta/v1/org/<org uuid> (the seed's paths name the org). The seed gives no body
// shapes beyond "entries declare their parameters and columns"; the answers are read as
// Closebook's own reports.list / reports.periods / reports.get answer them (which follow the
// seed): {reports: [...]}, {periods: [{year, month, status}]}, {columns, rows, ...}; a bare
// array is taken for the first two too.
//
// A month the server marks `finalized` is backed by an invoice and does not change: once
// stored it is not fetched again (cursor `finalized:<report_type>`, the months kept). An
// `in_progress` month is read again every run; the store writes it only when it changed.
// sync.run's full re-check (mode.full) reads the finalized months again too. The catalog and
// the periods are read whole every run, so a synced month the server no longer lists is
// seen by any run and marked (store-reports.ts).

const LABEL = 'reports source (seed 000)';
const ORG_ROOT = /^(.*\/beta\/v1\/org\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))(?:\/allocation-reports)?\/?$/i;
const COLUMN_TYPES = new Set(['string', 'integer', 'decimal', 'money', 'date', 'boolean']);
const DECIMAL = /^-?\d+(\.\d+)?$/;

function options(key: string): GetOptions {
  return {
    label: LABEL,
    key,
    unauthorized: 'The API key was not accepted: check the key of this org.',
    forbidden: "The key is valid but cannot read this org's allocation reports.",
    accept: [404],
  };
}

/** The org's API root; a base URL that is not one stops the source naming it. */
export function reportsRoot(baseUrl: string): string {
  const match = ORG_ROOT.exec(baseUrl.replace(/\/+$/, ''));
  if (!match) throw new SyncFault(`${LABEL}: the base URL must be the org's API root, https://…/beta/v1/org/<org uuid> (got ${baseUrl})`);
  return `${match[1]!}/allocation-reports`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** A list answer: a bare array or the array under `key`. */
function listOf(body: unknown, key: string, url: string): unknown[] {
  if (Array.isArray(body)) return body;
  if (isObject(body) && Array.isArray(body[key])) return body[key] as unknown[];
  throw new SyncFault(`${LABEL}: ${url} answered without a list of ${key}`);
}

interface CatalogEntry {
  report_type: string;
}

function readCatalog(items: unknown[]): CatalogEntry[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    const type = isObject(item) && typeof item.report_type === 'string' ? item.report_type.trim() : '';
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(type)) throw new SyncFault(`${LABEL}: catalog entry ${i + 1} has no valid report_type (got ${JSON.stringify(isObject(item) ? (item.report_type ?? null) : item)})`);
    if (seen.has(type)) throw new SyncFault(`${LABEL}: report ${type} is in the catalog twice`);
    seen.add(type);
    return { report_type: type };
  });
}

interface Period {
  year: number;
  month: number;
  status: 'finalized' | 'in_progress';
}

function readPeriods(type: string, items: unknown[]): Period[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const p = isObject(item) ? item : {};
    if (!Number.isInteger(p.year) || (p.year as number) < 1 || (p.year as number) > 9999 || !Number.isInteger(p.month) || (p.month as number) < 1 || (p.month as number) > 12) {
      throw new SyncFault(`${LABEL}: report ${type}: period ${JSON.stringify(item)} is not a year and month`);
    }
    if (p.status !== 'finalized' && p.status !== 'in_progress') throw new SyncFault(`${LABEL}: report ${type}: period ${monthKey(p.year as number, p.month as number)} has status ${JSON.stringify(p.status ?? null)}, not finalized or in_progress`);
    const month = monthKey(p.year as number, p.month as number);
    if (seen.has(month)) throw new SyncFault(`${LABEL}: report ${type}: period ${month} is listed twice`);
    seen.add(month);
    return { year: p.year as number, month: p.month as number, status: p.status };
  });
}

/**
 * One report's month checked: its columns (name and a known type), its rows (objects; a money
 * or decimal cell a decimal string, an integer cell a whole number). A bad one stops the
 * source naming the report, the month, the row and the column.
 */
export function readResult(type: string, period: Period, body: unknown): PulledRecord {
  const where = `report ${type} ${monthKey(period.year, period.month)}`;
  if (!isObject(body) || !Array.isArray(body.columns) || !Array.isArray(body.rows)) throw new SyncFault(`${LABEL}: ${where} answered without {columns, rows}`);
  const columns = body.columns.map((c, i) => {
    const column = isObject(c) ? c : {};
    if (typeof column.name !== 'string' || column.name === '' || !COLUMN_TYPES.has(column.type as string)) {
      throw new SyncFault(`${LABEL}: ${where}: column ${i + 1} has no name or no known type (${JSON.stringify(c)})`);
    }
    return { name: column.name, type: column.type as string, description: typeof column.description === 'string' ? column.description : '', ...(typeof column.currency_column === 'string' ? { currency_column: column.currency_column } : {}) };
  });
  const rows = body.rows.map((r, i) => {
    if (!isObject(r)) throw new SyncFault(`${LABEL}: ${where}: row ${i + 1} is not an object`);
    const row: Record<string, string | number | boolean | null> = {};
    for (const column of columns) {
      const value = r[column.name] ?? null;
      const bad = (why: string) => new SyncFault(`${LABEL}: ${where}: row ${i + 1}, column ${column.name}: ${JSON.stringify(value)} ${why}; nothing of this source was written`);
      if (value !== null && (column.type === 'money' || column.type === 'decimal') && !(typeof value === 'string' && DECIMAL.test(value))) throw bad('is not a decimal string');
      if (value !== null && column.type === 'integer' && !Number.isSafeInteger(value)) throw bad('is not a whole number');
      if (value !== null && column.type === 'boolean' && typeof value !== 'boolean') throw bad('is not true or false');
      if (value !== null && (column.type === 'string' || column.type === 'date') && typeof value !== 'string') throw bad('is not text');
      row[column.name] = value as string | number | boolean | null;
    }
    return row;
  });
  if (body.year !== undefined && (body.year !== period.year || body.month !== period.month)) throw new SyncFault(`${LABEL}: ${where} answered the month ${String(body.year)}-${String(body.month)}`);
  return {
    sourceId: `${type}/${monthKey(period.year, period.month)}`,
    label: where,
    fields: {
      report_type: type,
      year: period.year,
      month: period.month,
      status: period.status,
      title: typeof body.title === 'string' ? body.title : type,
      parameters: isObject(body.parameters) ? body.parameters : {},
      columns,
      rows,
    },
  };
}

export const allocationReports: SourceAdapter = {
  label: LABEL,
  async test(baseUrl, key) {
    const url = reportsRoot(baseUrl);
    const { status } = await getJson(url, options(key));
    if (status === 404) throw new SyncFault(`${LABEL}: ${url} answered 404 (is the base URL the org's API root?)`, 404);
  },
  async pull(baseUrl, key, cursors, watch = UNWATCHED, mode = {}) {
    const root = reportsRoot(baseUrl);
    const next: Record<string, string> = { ...cursors };
    const records: PulledRecord[] = [];
    // Every run reads the catalog and each report's periods whole: the months listed now,
    // and the reports whose periods could not be read (their months are not judged).
    const listed = new Set<string>();
    const unread = new Set<string>();
    const checkCancel = () => {
      if (watch.cancelled()) throw new SyncFault(`${LABEL}: cancelled; nothing of this source was written`);
    };
    const catalog = await getJson(root, options(key));
    if (catalog.status === 404) throw new SyncFault(`${LABEL}: ${root} answered 404 (is the base URL the org's API root?)`, 404);
    for (const { report_type: type } of readCatalog(listOf(catalog.body, 'reports', root))) {
      checkCancel();
      const periodsUrl = `${root}/${encodeURIComponent(type)}/periods`;
      const answer = await getJson(periodsUrl, options(key));
      // Hidden for this org since the catalog was read: nothing to pull for it.
      if (answer.status === 404) {
        unread.add(type);
        continue;
      }
      const kept = new Set((cursors[`finalized:${type}`] ?? '').split(',').filter(Boolean));
      for (const period of readPeriods(type, listOf(answer.body, 'periods', periodsUrl))) {
        const month = monthKey(period.year, period.month);
        listed.add(`${type}/${month}`);
        // A full re-check reads the finalized months again: an amended invoice shows only so.
        if (period.status === 'finalized' && kept.has(month) && !mode.full) continue;
        checkCancel();
        const url = `${root}/${encodeURIComponent(type)}?year=${period.year}&month=${period.month}`;
        const result = await getJson(url, options(key));
        if (result.status === 404) {
          // The month left the report's periods between two requests: read it next run.
          if (isObject(result.body) && result.body.code === 'period_not_available') continue;
          throw new SyncFault(`${LABEL}: ${url} answered 404`, 404);
        }
        records.push(readResult(type, period, result.body));
        if (period.status === 'finalized') kept.add(month);
        watch.page('report months', records.length);
      }
      // A month the server no longer lists is forgotten: should it come back, it is read again.
      const still = [...kept].filter((month) => listed.has(`${type}/${month}`));
      if (still.length > 0) next[`finalized:${type}`] = still.sort().join(',');
      else delete next[`finalized:${type}`];
    }
    const covers = (sourceId: string) => !unread.has(sourceId.slice(0, sourceId.lastIndexOf('/')));
    return { entities: [{ entity: 'reports', records, listing: { ids: listed, covers } }], cursors: next };
  },
};
