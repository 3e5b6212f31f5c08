import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilterModel, SortModel } from '../../src/shared/contract/grid';
import { REVENUE_COLUMNS, type RevenueColumn } from '../../src/shared/contract/revenues';
import { decimalToMicros } from '../../src/shared/money';
import { openDatabase, type Database } from '../../src/main/db/driver';
import { exportRevenues, exportTwoThreadRetries } from '../../src/main/revenues/export';
import { linesWorkersStarted, runningLinesWorkers } from '../../src/main/export/lines-worker/start';
import { TWO_THREAD_EXPORT, lastTwoThreadSplit } from '../../src/main/export/two-thread-csv';
import { exportRevenuesRowByRow } from '../support/reference-revenue-export';
import { callOk, tempWorkspace } from '../support/temp-workspace';

// revenues.export builds its lines in SQLite (export/csv-sql.ts, wall-time-sql.ts); the
// bytes must be those the row-by-row writer in JS wrote (test/support/reference-revenue-
// export.ts): dates on the org's clock in zones with clock changes and odd offsets, exact
// sub-cent amounts, quotes, commas and line breaks, every class of formula payload, odd
// values a JS function writes (an integer past 2^53, a fraction, text in a number column).

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];
const PAYLOADS = ['=HYPERLINK("http://x","y")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(A1)', '|calc', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '｜x', '   =1+1', '\u00a0=1+1', '\u200b=1+1', '\ufeff=1+1'];
const TEXTS = [
  ...PAYLOADS,
  'plain',
  'Müller GmbH',
  'Ørsted A/S',
  'a,b',
  'say "hi"',
  '"quoted"',
  'two\nlines',
  'cr\rhere',
  'crlf\r\nhere',
  '',
  ' leading space',
  '{json}',
  '[x]',
  '_under',
  '`tick',
  '~tilde',
  '123',
  '0,5',
  'a=b',
  'total - fees',
  "it's",
  '日本語',
  '😀 smile',
];
const AMOUNTS = ['0', '0.000001', '-0.000001', '0.5', '-0.5', '12.3', '1234.567891', '-1234.5', '100', '0.01', '-0.01', '0.0001', '9007199254.740991', '-9007199254.740991', '7.10', '3.000100', '0.001', '2.125', '-7.005', '4.001000', '0.12', '5.1', '-0.000010'];
const CURRENCIES = ['USD', 'EUR', 'JPY', 'BHD', '=AB', '-12'];

/** A seeded pseudo-random sequence (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stored = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** Instants every 7 minutes (and odd seconds) through clock changes of the zones above, and spread over two years. */
function instants(next: () => number): string[] {
  const changes = ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z', '2026-03-08T05:30:00Z', '2026-04-04T14:00:00Z', '2026-09-26T14:00:00Z'];
  const out: string[] = [];
  for (const at of changes) for (let m = -150; m <= 150; m += 7) out.push(stored(Date.parse(at) + m * 60_000 + (m % 60) * 1000));
  const from = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < 300; i++) out.push(stored(from + Math.floor(next() * 730 * 86_400) * 1000));
  // Months years apart: the hours listed are the months', not the years between.
  out.push('2026-06-30T23:59:59.500Z', '2026-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2019-07-04T12:34:56Z', '2019-03-10T07:30:00Z', '2031-02-28T23:59:59Z');
  return out;
}

function seed(db: Database.Database): number {
  const next = random(8);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const now = '2026-11-01T00:00:00Z';
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run('org-p', 'Parent, "Org"', now);
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)').run('org-c', '=Child', 'org-p', now);
  // Names of another org's payees and products, which the export looks up row by row.
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run('org-x', 'Elsewhere', now);
  const payee = db.prepare('INSERT INTO payees (org_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const product = db.prepare('INSERT INTO products (org_id, name, category, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const names = TEXTS.filter((t) => t.trim() !== '');
  const payees = names.map((name, i) => Number(payee.run(i % 5 === 0 ? 'org-c' : i % 11 === 0 ? 'org-x' : 'org-p', name, now, now).lastInsertRowid));
  const products = names.map((name, i) => Number(product.run(i % 7 === 0 ? 'org-c' : i % 9 === 0 ? 'org-x' : 'org-p', name, i % 4 === 0 ? null : pick(TEXTS), now, now).lastInsertRowid));
  const insert = db.prepare(`INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, payee_id, product_id, amount_micros, currency, quantity,
      description, refund_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const quantities: unknown[] = [1, 2, 0, -3, 12345, 9007199254740993n, 1.5, 'seven'];
  let n = 0;
  for (const instant of instants(next)) {
    const i = n++;
    insert.run(
      i % 9 === 0 ? 'org-c' : 'org-p',
      i % 6 === 0 ? null : `${pick(TEXTS)}#${i}`,
      pick(['sale', 'refund', 'adjustment']),
      instant,
      instant.slice(0, 7),
      i % 8 === 0 ? null : pick(payees),
      i % 10 === 0 ? null : pick(products),
      decimalToMicros(pick(AMOUNTS)),
      pick(CURRENCIES),
      quantities[i % 37 === 0 ? 5 + (i % 3) : Math.floor(next() * 5)],
      i % 5 === 0 ? null : pick(TEXTS),
      i % 3 === 0 ? null : pick(TEXTS),
      now,
      now,
    );
  }
  return n;
}

interface ExportCase {
  label: string;
  columns: RevenueColumn[];
  sortModel: SortModel;
  filterModel?: FilterModel;
  period?: string | null;
  includeChildren?: boolean;
  bom?: boolean;
}

const CASES: ExportCase[] = [
  { label: 'all columns, by date', columns: [...REVENUE_COLUMNS], sortModel: [{ colId: 'occurredAt', sort: 'asc' }] },
  { label: 'all columns with the children, by amount (desc)', columns: [...REVENUE_COLUMNS], sortModel: [{ colId: 'amount', sort: 'desc' }], includeChildren: true },
  { label: 'by payee, columns reordered, no BOM', columns: ['description', 'amount', 'occurredAt', 'payeeName', 'externalId'], sortModel: [{ colId: 'payeeName', sort: 'asc' }], bom: false },
  { label: 'one month, unsorted', columns: [...REVENUE_COLUMNS], sortModel: [], period: '2026-03' },
  { label: 'filtered, no date column', columns: ['externalId', 'productName', 'productCategory', 'quantity', 'currency', 'orgName', 'kind', 'refundOf', 'period'], sortModel: [{ colId: 'externalId', sort: 'desc' }], filterModel: { description: { filterType: 'text', type: 'contains', filter: 'e' } } },
];

/** Each zone's views (every view by default): our file and the row-by-row writer's, byte for byte. Returns how many exports ran. */
async function compareEveryZoneAndView(workspace: { db: Database.Database }, dir: string, casesOf: (zone: string) => ExportCase[] = () => CASES, afterEach?: (label: string, rows: number) => void): Promise<number> {
  let exports = 0;
  for (const zone of ZONES) {
    workspace.db.prepare('UPDATE orgs SET time_zone = ?').run(zone);
    for (const c of casesOf(zone)) {
      const view = { orgId: 'org-p', period: c.period ?? null, includeChildren: c.includeChildren, sortModel: c.sortModel, filterModel: c.filterModel ?? {}, columns: c.columns, bom: c.bom };
      const ours = await exportRevenues(workspace.db, { ...view, path: join(dir, 'ours.csv') });
      exports++;
      afterEach?.(`${zone}, ${c.label}`, ours.rowCount);
      const theirs = exportRevenuesRowByRow(workspace.db, { ...view, path: join(dir, 'reference.csv') });
      expect(ours.rowCount, `${zone}, ${c.label}`).toBe(theirs.rowCount);
      expect(ours.rowCount, `${zone}, ${c.label}`).toBeGreaterThan(20);
      const [a, b] = [readFileSync(join(dir, 'ours.csv'), 'utf8'), readFileSync(join(dir, 'reference.csv'), 'utf8')];
      // Compared line by line first, so a failure names the line.
      expect(a.split('\r\n'), `${zone}, ${c.label}`).toEqual(b.split('\r\n'));
      expect(Buffer.compare(readFileSync(join(dir, 'ours.csv')), readFileSync(join(dir, 'reference.csv')))).toBe(0);
      expect(ours.bytes).toBe(theirs.bytes);
    }
  }
  return exports;
}

/** 9,000 more rows of org-p in February, in an order no index gives, so an export spans several chunks. */
function seedBulk(db: Database.Database): void {
  const insert = db.prepare(`INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at)
    VALUES ('org-p', ?, 'sale', ?, ?, ?, 'USD', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`);
  db.transaction(() => {
    for (let i = 0; i < 9_000; i++) {
      const instant = stored(Date.parse('2026-02-01T00:00:00Z') + ((i * 7919) % 9_000) * 577_000);
      insert.run(`bulk_${i}`, instant, instant.slice(0, 7), (i * 104_729) % 50_000_000);
    }
  })();
}

const SEAM_SORTS: SortModel[] = [[{ colId: 'occurredAt', sort: 'desc' }], [{ colId: 'amount', sort: 'asc' }], []];

describe('revenues.export writes the bytes the row-by-row writer wrote', () => {
  it('in every zone and view: same file, byte for byte', async () => {
    const { workspace, dir } = tempWorkspace();
    const rows = seed(workspace.db);
    expect(rows).toBeGreaterThan(500);
    const started = linesWorkersStarted();
    await compareEveryZoneAndView(workspace, dir);
    expect(linesWorkersStarted(), 'small exports stay on one thread').toBe(started);
  });

  it('over several chunks of lines (4,096 rows each) the rows at the seams keep their order', async () => {
    const { workspace, dir } = tempWorkspace();
    seed(workspace.db);
    seedBulk(workspace.db);
    workspace.db.prepare("UPDATE orgs SET time_zone = 'Europe/London'").run();
    for (const sortModel of SEAM_SORTS) {
      const view = { orgId: 'org-p', period: null, sortModel, filterModel: {}, columns: [...REVENUE_COLUMNS] };
      const ours = await exportRevenues(workspace.db, { ...view, path: join(dir, 'ours.csv') });
      exportRevenuesRowByRow(workspace.db, { ...view, path: join(dir, 'reference.csv') });
      expect(ours.rowCount).toBeGreaterThan(2 * 4096);
      expect(readFileSync(join(dir, 'ours.csv'), 'utf8').split('\r\n'), JSON.stringify(sortModel)).toEqual(readFileSync(join(dir, 'reference.csv'), 'utf8').split('\r\n'));
    }
  });

  it('leaves no temporary table behind and no write the grid would count (its kept counts stay valid)', async () => {
    const { workspace, core, dir } = tempWorkspace();
    seed(workspace.db);
    workspace.db.prepare("UPDATE orgs SET time_zone = 'America/New_York'").run();
    const changes = () => workspace.db.prepare('SELECT total_changes()').pluck().get();
    const before = changes();
    await callOk(core, 'revenues.export', { orgId: 'org-p', period: null, sortModel: [], filterModel: {}, columns: [...REVENUE_COLUMNS], path: join(dir, 'x.csv') });
    expect(changes()).toBe(before);
    expect(workspace.db.prepare("SELECT name FROM temp.sqlite_master WHERE name LIKE 'closebook_export%'").all()).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('a bad view is refused before anything is written, naming the field', async () => {
    const { workspace, core, dir } = tempWorkspace();
    seed(workspace.db);
    const result = await core.call(
      'revenues.export',
      { orgId: 'org-p', period: null, sortModel: [{ colId: 'nope', sort: 'asc' }], filterModel: {}, columns: ['amount'], path: join(dir, 'bad.csv') },
      { name: 'test', permissions: 'all' },
    ).result;
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('sortModel.0.colId');
    expect(readdirSync(dir).filter((f) => f.startsWith('bad'))).toEqual([]);
  });
});

// A big export builds its second half of lines on a worker thread (export/two-thread-csv.ts);
// a minRows of 1 forces that path on these small workspaces.
describe('revenues.export on two threads', () => {
  const limits = { ...TWO_THREAD_EXPORT };
  // Chunks of 64 rows, and this thread waits for the worker's first: both threads build lines.
  const forced = { minRows: 1, maxLoad: Infinity, chunkRows: 64, waitForWorker: true, beforeWorker: undefined, failAfterChunks: undefined };
  beforeEach(() => Object.assign(TWO_THREAD_EXPORT, forced));
  afterEach(() => Object.assign(TWO_THREAD_EXPORT, { chunkRows: undefined, waitForWorker: undefined, beforeWorker: undefined, failAfterChunks: undefined }, limits));

  const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('.partial'));

  // A worker starts in about half a second under tsx on a loaded machine: every zone with
  // every column, and every view in two zones with a clock change and an odd offset.
  it('writes the same bytes in every zone and view, each export with a worker and no redo', { timeout: 180_000 }, async () => {
    const { workspace, dir } = tempWorkspace();
    seed(workspace.db);
    const [started, retries] = [linesWorkersStarted(), exportTwoThreadRetries()];
    const exports = await compareEveryZoneAndView(
      workspace,
      dir,
      (zone) => (['Australia/Lord_Howe', 'Asia/Kathmandu'].includes(zone) ? CASES : CASES.slice(0, 1)),
      (label, rows) => {
        expect(lastTwoThreadSplit.workerRows, `${label}: the worker built lines`).toBeGreaterThan(0);
        expect(lastTwoThreadSplit.ownRows + lastTwoThreadSplit.workerRows, label).toBe(rows);
      },
    );
    expect(exports).toBe(ZONES.length - 2 + 2 * CASES.length);
    expect(linesWorkersStarted() - started).toBe(exports);
    expect(exportTwoThreadRetries()).toBe(retries);
    expect(runningLinesWorkers()).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it('stays on one thread under minRows, or while the load average leaves no core free', async () => {
    const { workspace, dir } = tempWorkspace();
    seed(workspace.db);
    const view = { orgId: 'org-p', period: null, sortModel: [], filterModel: {}, columns: [...REVENUE_COLUMNS], path: join(dir, 'one.csv') };
    const started = linesWorkersStarted();
    const rows = (await exportRevenues(workspace.db, view)).rowCount;
    expect(linesWorkersStarted()).toBe(started + 1);
    Object.assign(TWO_THREAD_EXPORT, { minRows: rows + 1 });
    await exportRevenues(workspace.db, view);
    Object.assign(TWO_THREAD_EXPORT, { minRows: rows, maxLoad: -1 });
    await exportRevenues(workspace.db, view);
    expect(linesWorkersStarted()).toBe(started + 1);
  });

  it('keeps the order at the seam between the halves, over several chunks each', async () => {
    const { workspace, dir } = tempWorkspace();
    seed(workspace.db);
    seedBulk(workspace.db);
    workspace.db.prepare("UPDATE orgs SET time_zone = 'Australia/Lord_Howe'").run();
    const progress: number[] = [];
    for (const sortModel of SEAM_SORTS) {
      const view = { orgId: 'org-p', period: null, sortModel, filterModel: {}, columns: [...REVENUE_COLUMNS] };
      const ours = await exportRevenues(workspace.db, { ...view, path: join(dir, 'ours.csv') }, { progressEvery: 1000, onProgress: (rows) => progress.push(rows) });
      const theirs = exportRevenuesRowByRow(workspace.db, { ...view, path: join(dir, 'reference.csv') });
      expect(ours.rowCount).toBe(theirs.rowCount);
      expect(lastTwoThreadSplit.workerRows, 'the worker built lines').toBeGreaterThan(0);
      expect(lastTwoThreadSplit.ownRows + lastTwoThreadSplit.workerRows).toBe(ours.rowCount);
      expect(readFileSync(join(dir, 'ours.csv'), 'utf8').split('\r\n'), JSON.stringify(sortModel)).toEqual(readFileSync(join(dir, 'reference.csv'), 'utf8').split('\r\n'));
    }
    // Progress counts both threads' rows, in steps of 1,000, never past the rows written.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((rows) => rows % 1000 === 0 && rows > 0 && rows <= 10_000)).toBe(true);
  });

  it('a write between the two reads: exported again on one thread, with what was written', async () => {
    const { workspace, dir } = tempWorkspace();
    seed(workspace.db);
    workspace.db.prepare("UPDATE orgs SET time_zone = 'America/St_Johns'").run();
    // Another connection commits after this thread's read began and before the worker's: the
    // same rows, one description changed, so the worker's read matches in count and builds lines.
    const other = openDatabase(workspace.db.name);
    TWO_THREAD_EXPORT.beforeWorker = () =>
      other.prepare("UPDATE revenues SET description = 'written_meanwhile' WHERE id = (SELECT min(id) FROM revenues WHERE org_id = 'org-p')").run();
    const [started, retries] = [linesWorkersStarted(), exportTwoThreadRetries()];
    const view = { orgId: 'org-p', period: null, sortModel: [{ colId: 'occurredAt', sort: 'asc' as const }], filterModel: {}, columns: [...REVENUE_COLUMNS] };
    const ours = await exportRevenues(workspace.db, { ...view, path: join(dir, 'ours.csv') });
    other.close();
    expect(linesWorkersStarted() - started).toBe(1);
    expect(exportTwoThreadRetries() - retries).toBe(1);
    const theirs = exportRevenuesRowByRow(workspace.db, { ...view, path: join(dir, 'reference.csv') });
    expect(ours.rowCount).toBe(theirs.rowCount);
    expect(readFileSync(join(dir, 'ours.csv'), 'utf8')).toContain('written_meanwhile');
    expect(readFileSync(join(dir, 'ours.csv'), 'utf8').split('\r\n')).toEqual(readFileSync(join(dir, 'reference.csv'), 'utf8').split('\r\n'));
    expect(runningLinesWorkers()).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it('cancelled mid-export (in the first half, or while waiting for the worker): no file, no worker, no temporary file', async () => {
    const { workspace, dir } = tempWorkspace();
    seed(workspace.db);
    seedBulk(workspace.db);
    const view = { orgId: 'org-p', period: null, sortModel: [], filterModel: {}, columns: [...REVENUE_COLUMNS], path: join(dir, 'cancelled.csv') };
    const signal = { aborted: false };
    await expect(exportRevenues(workspace.db, view, { signal, progressEvery: 1000, onProgress: () => (signal.aborted = true) })).rejects.toThrow(/cancelled/);
    // Cancelled before the start: this thread writes its half, then sees it while the worker runs.
    await expect(exportRevenues(workspace.db, view, { signal: { aborted: true } })).rejects.toThrow(/cancelled/);
    expect(runningLinesWorkers()).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('cancelled'))).toEqual([]);
    expect(workspace.db.inTransaction).toBe(false);
    expect(workspace.db.prepare("SELECT name FROM temp.sqlite_master WHERE name LIKE 'closebook_export%'").all()).toEqual([]);
  });

  it('the worker fails (disk full): the export fails with its error and leaves nothing', async () => {
    const { workspace, dir } = tempWorkspace();
    seed(workspace.db);
    seedBulk(workspace.db);
    TWO_THREAD_EXPORT.failAfterChunks = 1;
    const view = { orgId: 'org-p', period: null, sortModel: [], filterModel: {}, columns: [...REVENUE_COLUMNS], path: join(dir, 'full.csv') };
    await expect(exportRevenues(workspace.db, view)).rejects.toMatchObject({ code: 'ENOSPC', message: expect.stringContaining('no space left') });
    expect(runningLinesWorkers()).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('full'))).toEqual([]);
    // The workspace is as usable as before: the same export on one thread works.
    TWO_THREAD_EXPORT.minRows = 1_000_000;
    expect((await exportRevenues(workspace.db, view)).rowCount).toBeGreaterThan(9_000);
  });
});
