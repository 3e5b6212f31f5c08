import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { decimalToMicros } from '../../src/shared/money';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';

// The Reports screen on a demo workspace in Chromium: open the revenue report of a closed
// month, see its rows in the grid with amounts the database agrees with, both charts drawn,
// and a CSV download carrying the month and the rows.

const demo = demoWebSession({ revenues: 5000, seed: 4 });

describe.skipIf(!HAS_CHROMIUM)('Reports screen', () => {
  it("opens a closed month's revenue report: grid rows as the database sums them, the two charts and the CSV", { timeout: 120_000 }, async () => {
    const page = await (await demo.browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } })).newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(demo.url);
    await page.getByTestId('area-reports').click();
    const orgId = await page.getByTestId('org-switcher').inputValue();
    await page.getByTestId('report-type').selectOption('revenue_by_product_and_kind');

    const db = new Database(demo.workspacePath, { readonly: true });
    const period = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized' ORDER BY period DESC LIMIT 1").pluck().get(orgId) as string;
    const months = page.getByTestId('report-period');
    await expect.poll(() => months.locator('option').count()).toBeGreaterThan(1);
    expect(await months.locator('option').first().textContent()).toMatch(/in progress$/);
    await months.selectOption(period);
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('finalized');

    // One sale total per currency, from the grid's exact strings, against the database.
    await page.getByRole('combobox', { name: 'kind' }).selectOption('sale');
    await page.getByTestId('report-params-apply').click();
    const sums = db.prepare("SELECT currency, count(*) AS n, sum(amount_micros) AS micros FROM revenues WHERE org_id = ? AND period = ? AND kind = 'sale' GROUP BY product_id, currency").all(orgId, period) as Array<{ n: number; micros: number }>;
    const grid = page.getByTestId('report-grid');
    await expect.poll(() => page.getByTestId('report-summary').textContent()).toContain(`${sums.length} rows`);
    const shown = await grid.locator('.ag-row [col-id=amount] [data-exact]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-exact')!));
    expect(shown.length).toBeGreaterThan(0);
    const expected = new Set(sums.map((s) => String(s.micros)));
    for (const exact of shown) expect(expected.has(String(decimalToMicros(exact)))).toBe(true);
    expect(await grid.locator('.ag-row [col-id=kind]').evaluateAll((cells) => [...new Set(cells.map((c) => c.textContent))])).toEqual(['sale']);

    // Both charts are drawn (AG Charts paints on a canvas).
    await page.getByTestId('report-chart-breakdown').locator('canvas').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('report-chart-trend').locator('canvas').first().waitFor({ timeout: 30_000 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`revenue_by_product_and_kind-${period}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`# period: ${period}\r\n# status: finalized\r\n`);
    expect(csv).toContain('# parameter kind: sale\r\n');
    expect(csv.trimEnd().split('\r\n').filter((line) => !line.startsWith('#') && !line.startsWith('\uFEFF#')).length).toBe(sums.length + 1);
    // The export ran as a ReportExport task, listed with the closes.
    expect(db.prepare("SELECT template, status FROM tasks WHERE task_type = 'ReportExport'").all()).toEqual([{ template: 'revenue_by_product_and_kind', status: 'Completed' }]);
    db.close();
    expect(pageErrors).toEqual([]);
  });
});
