import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RevenueRow } from '../../src/shared/contract/revenues';
import { decimalToMicros } from '../../src/shared/money';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues, type SeedRevenue } from '../support/seed-revenues';

const ROWS: SeedRevenue[] = [
  { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '100.10', payee: 'Ada Books', product: 'Atlas' },
  { externalId: 'ch_2', kind: 'sale', occurredAt: '2026-10-02T10:00:00Z', amount: '0.0125', payee: 'Ben Audio', product: 'Usage' },
  { externalId: 're_1', kind: 'refund', occurredAt: '2026-10-03T11:00:00Z', amount: '-100.10', payee: 'Ada Books', product: 'Atlas', refundOf: 'ch_1' },
  { externalId: 'ad_1', kind: 'adjustment', occurredAt: '2026-10-31T23:59:59Z', amount: '5.00', description: '=HYPERLINK("http://x")' },
  { externalId: 'ch_3', kind: 'sale', occurredAt: '2026-09-15T12:00:00Z', amount: '20.20', currency: 'EUR', payee: 'Ada Books' },
  { externalId: null, kind: 'sale', occurredAt: '2026-10-05T12:00:00Z', amount: '7.77', description: 'line, with "quotes"\nand a newline' },
  { externalId: 'ch_4', kind: 'sale', occurredAt: '2026-10-06T12:00:00Z', amount: '9007199254.740991' },
];

function setup() {
  const ctx = tempWorkspace();
  seedOrgWithRevenues(ctx.workspace.db, ROWS);
  return ctx;
}

const list = (core: ReturnType<typeof setup>['core'], input: object) =>
  callOk<{ rows: RevenueRow[]; rowCount: number }>(core, 'revenues.list', { orgId: 'org-parent', startRow: 0, endRow: 100, ...input });

describe('revenues.list: grid pages from the database', () => {
  it('filters by period and kind and sorts by amount', async () => {
    const { core } = setup();
    const page = await list(core, { period: '2026-10', filterModel: { kind: { filterType: 'set', values: ['sale', 'refund'] } }, sortModel: [{ colId: 'amount', sort: 'asc' }] });
    expect(page.rowCount).toBe(5);
    expect(page.rows.map((r) => r.externalId)).toEqual(['re_1', 'ch_2', null, 'ch_1', 'ch_4']);
    expect(page.rows.map((r) => r.amount)).toEqual(['-100.10', '0.0125', '7.77', '100.10', '9007199254.740991']);
  });

  it('pages with startRow/endRow and keeps the count of the whole view', async () => {
    const { core } = setup();
    const page = await list(core, { startRow: 2, endRow: 4, sortModel: [{ colId: 'occurredAt', sort: 'desc' }] });
    expect(page.rowCount).toBe(ROWS.length);
    expect(page.rows.map((r) => r.externalId)).toEqual([null, 're_1']);
  });

  it('filters text through joins, case-insensitively', async () => {
    const { core } = setup();
    const page = await list(core, { filterModel: { payeeName: { filterType: 'text', type: 'contains', filter: 'ada' } } });
    expect(page.rows.map((r) => r.externalId).sort()).toEqual(['ch_1', 'ch_3', 're_1']);
  });

  it('refuses an oversized page and a column outside the allowlist', async () => {
    const { core } = setup();
    const big = await core.call('revenues.list', { orgId: 'org-parent', startRow: 0, endRow: 5000 }, LOCAL).result;
    expect(big).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: { issues: [{ field: 'endRow' }] } } });
    const col = await core.call('revenues.list', { orgId: 'org-parent', startRow: 0, endRow: 10, filterModel: { amount_micros: { filterType: 'number', type: 'equals', filter: 1 } } }, LOCAL).result;
    expect(col).toMatchObject({ ok: false, error: { type: 'validation_error', code: 'invalid_view' } });
  });

  it('totals tie out to the last micro-unit, per currency', async () => {
    const { core, workspace } = setup();
    const summary = await callOk<{ rowCount: number; totals: Array<{ currency: string; amount: string }> }>(core, 'revenues.summary', { orgId: 'org-parent' });
    const expectedUsd = ROWS.filter((r) => (r.currency ?? 'USD') === 'USD').reduce((s, r) => s + decimalToMicros(r.amount), 0n);
    expect(summary.totals).toEqual([
      { currency: 'EUR', amount: '20.20' },
      { currency: 'USD', amount: '9007199267.523491' },
    ]);
    expect(decimalToMicros(summary.totals[1].amount)).toBe(expectedUsd);
    const sql = workspace.db.prepare("SELECT sum(amount_micros) FROM revenues WHERE currency = 'USD'").safeIntegers(true).pluck().get();
    expect(sql).toBe(expectedUsd);
  });
});

describe('revenues.export: exactly the rows and columns of the view', () => {
  it('writes the view in order, neutralises formulas, keeps amounts numeric', async () => {
    const { core, dir } = setup();
    const path = join(dir, 'view.csv');
    const view = { orgId: 'org-parent', period: '2026-10', sortModel: [{ colId: 'amount', sort: 'desc' }], filterModel: { kind: { filterType: 'set', values: ['sale', 'adjustment'] } } };
    const result = await callOk<{ rowCount: number; bytes: number }>(core, 'revenues.export', { ...view, columns: ['amount', 'externalId', 'description'], path });
    const bytes = readFileSync(path);
    expect(result.bytes).toBe(bytes.length);
    // UTF-8 with a byte-order mark by default, so Excel reads it as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    const page = await list(core, view);
    expect(result.rowCount).toBe(page.rowCount);
    expect(parsed[0]).toEqual(['Amount', 'External ID', 'Description']);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(page.rows.map((r) => r.amount));
    expect(parsed.slice(1).map((r) => r[1])).toEqual(page.rows.map((r) => r.externalId ?? ''));
    expect(parsed.find((r) => r[1] === 'ad_1')![2]).toBe('\'=HYPERLINK("http://x")');
    expect(parsed.find((r) => r[1] === '')![2]).toBe('line, with "quotes"\nand a newline');
  });

  it('leaves no file behind when the path cannot be written', async () => {
    const { core, dir } = setup();
    const result = await core.call('revenues.export', { orgId: 'org-parent', columns: ['amount'], path: join(dir, 'missing-folder', 'x.csv') }, LOCAL).result;
    expect(result).toMatchObject({ ok: false, error: { code: 'export_path_unwritable' } });
  });
});
