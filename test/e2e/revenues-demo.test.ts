import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';
import { describe, expect, it } from 'vitest';
import { REVENUE_COLUMNS } from '../../src/shared/contract/revenues';
import { REVENUE_COLUMN_LABELS } from '../../src/shared/contract/revenue-labels';

// The whole path a user takes: `closebook demo`, then `closebook web` (the command behind
// `npm run web`), then Debian's Chromium sorting, filtering and exporting the Revenues
// grid. The downloaded file is compared with the database, row by row.

const demo = demoWebSession({ revenues: 30000, seed: 7 });

describe.skipIf(!HAS_CHROMIUM)('Revenues in browser mode on a demo workspace', () => {
  it('sorts and filters in the database and exports exactly the view', { timeout: 120_000 }, async () => {
    const page = await (await demo.browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(demo.url);
    const grid = page.getByTestId('revenues-grid');
    await grid.locator('[role=gridcell][col-id=externalId]').first().waitFor();
    const orgId = await page.getByTestId('org-switcher').inputValue();
    const period = await page.getByTestId('period-picker').inputValue();

    // Refunds only, largest magnitude first: amount ascending (refunds are negative).
    await grid.locator('.ag-header-cell[col-id=kind] .ag-header-cell-filter-button').click();
    await page.locator('.set-filter input[data-value=sale]').uncheck();
    await page.locator('.set-filter input[data-value=adjustment]').uncheck();
    await page.keyboard.press('Escape');
    await grid.locator('.ag-header-cell[col-id=amount] .ag-header-cell-label').click();

    const db = new Database(demo.workspacePath, { readonly: true });
    const expected = db
      .prepare(
        `SELECT id, external_id, amount_micros FROM revenues
         WHERE org_id = ? AND period = ? AND kind = 'refund' ORDER BY amount_micros ASC, id ASC`,
      )
      .safeIntegers(true)
      .all(orgId, period) as Array<{ id: bigint; external_id: string; amount_micros: bigint }>;
    db.close();
    expect(expected.length).toBeGreaterThan(10);

    await expect.poll(() => page.getByTestId('row-count').getAttribute('data-row-count'), { timeout: 15_000 }).toBe(String(expected.length));
    // The first row is the largest refund (rows are keyed by revenue id; cells may be virtualised out of view).
    await expect.poll(() => grid.locator('[role=row][row-index="0"]').first().getAttribute('row-id'), { timeout: 15_000 }).toBe(String(expected[0].id));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    // Every column is shown, in the grid's default order (ui-smoke covers hidden and moved columns),
    // but Organization, shown only with "Include child orgs". The date heading names the org's zone.
    const shown = REVENUE_COLUMNS.filter((c) => c !== 'orgName');
    expect(header).toEqual(shown.map((c) => (c === 'occurredAt' ? expect.stringMatching(/^Date \(.+\)$/) : REVENUE_COLUMN_LABELS[c])));
    const idCol = header.indexOf('External ID');
    const amountCol = header.indexOf('Amount');
    expect(rows.map((r) => r[idCol])).toEqual(expected.map((e) => e.external_id));
    // Amounts stay numbers and tie out to the last micro-unit.
    const toMicros = (text: string) => {
      const [whole, fraction = ''] = text.replace('-', '').split('.');
      const micros = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
      return text.startsWith('-') ? -micros : micros;
    };
    expect(rows.map((r) => toMicros(r[amountCol]))).toEqual(expected.map((e) => e.amount_micros));
    const total = rows.reduce((sum, r) => sum + toMicros(r[amountCol]), 0n);
    expect(total).toBe(expected.reduce((sum, e) => sum + e.amount_micros, 0n));
  });
});
