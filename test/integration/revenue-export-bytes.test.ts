import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FilterModel, SortModel } from '../../src/shared/contract/grid';
import { REVENUE_COLUMNS, type RevenueColumn } from '../../src/shared/contract/revenues';
import { decimalToMicros } from '../../src/shared/money';
import type { Database } from '../../src/main/db/driver';
import { exportRevenues } from '../../src/main/revenues/export';
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

describe('revenues.export writes the bytes the row-by-row writer wrote', () => {
  it('in every zone and view: same file, byte for byte', () => {
    const { workspace, dir } = tempWorkspace();
    const rows = seed(workspace.db);
    expect(rows).toBeGreaterThan(500);
    for (const zone of ZONES) {
      workspace.db.prepare('UPDATE orgs SET time_zone = ?').run(zone);
      for (const c of CASES) {
        const view = { orgId: 'org-p', period: c.period ?? null, includeChildren: c.includeChildren, sortModel: c.sortModel, filterModel: c.filterModel ?? {}, columns: c.columns, bom: c.bom };
        const ours = exportRevenues(workspace.db, { ...view, path: join(dir, 'ours.csv') });
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
  });

  it('over several chunks of lines (4,096 rows each) the rows at the seams keep their order', () => {
    const { workspace, dir } = tempWorkspace();
    seed(workspace.db);
    const insert = workspace.db.prepare(`INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at)
      VALUES ('org-p', ?, 'sale', ?, ?, ?, 'USD', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`);
    workspace.db.transaction(() => {
      for (let i = 0; i < 9_000; i++) {
        const instant = stored(Date.parse('2026-02-01T00:00:00Z') + ((i * 7919) % 9_000) * 577_000);
        insert.run(`bulk_${i}`, instant, instant.slice(0, 7), (i * 104_729) % 50_000_000);
      }
    })();
    workspace.db.prepare("UPDATE orgs SET time_zone = 'Europe/London'").run();
    for (const sortModel of [[{ colId: 'occurredAt', sort: 'desc' }], [{ colId: 'amount', sort: 'asc' }], []] as SortModel[]) {
      const view = { orgId: 'org-p', period: null, sortModel, filterModel: {}, columns: [...REVENUE_COLUMNS] };
      const ours = exportRevenues(workspace.db, { ...view, path: join(dir, 'ours.csv') });
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
