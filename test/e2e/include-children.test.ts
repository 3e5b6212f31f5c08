import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decimalToMicros, microsToDecimal } from '../../src/shared/money';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues, type SeedRevenue } from '../support/seed-revenues';

// Issue 16, item 14: a parent org's consolidated view. "Include child orgs" shows the parent's
// rows with its children's, the Organization column saying whose each is, totals per currency.

const session = browserModeSession();

const PARENT_ROWS: SeedRevenue[] = [
  { externalId: 'p_usd', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '100.10' },
  { externalId: 'p_eur', kind: 'sale', occurredAt: '2026-10-02T09:00:00Z', amount: '9.99', currency: 'EUR' },
];
const CHILD_ROWS = [
  { id: 'c_usd', amount: '250.00', currency: 'USD' },
  { id: 'c_jpy', amount: '1500', currency: 'JPY' },
  { id: 'c_eur', amount: '0.01', currency: 'EUR' },
];

async function openApp(): Promise<{ page: Page; pageErrors: string[] }> {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, PARENT_ROWS);
  const insert = workspace.db.prepare(
    `INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, quantity, created_at, updated_at)
     VALUES ('org-parent-child', ?, 'sale', '2026-10-05T09:00:00Z', '2026-10', ?, ?, 1, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
  );
  for (const row of CHILD_ROWS) insert.run(row.id, decimalToMicros(row.amount), row.currency);
  const { page, pageErrors, server } = await session.open(core);
  await page.setViewportSize({ width: 1600, height: 800 });
  await page.goto(server.url);
  await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
  return { page, pageErrors };
}

const rowCount = (page: Page) => page.getByTestId('row-count').getAttribute('data-row-count');
const totals = (page: Page) =>
  page.getByTestId('totals').locator('[data-currency]').evaluateAll((items) => items.map((item) => [item.getAttribute('data-currency'), item.getAttribute('data-amount')]));
const cells = (page: Page, column: string) => page.locator(`[data-testid=revenues-grid] [role=gridcell][col-id=${column}]`).allTextContents();

function expectedTotals(rows: Array<{ amount: string; currency?: string }>): string[][] {
  const sums = new Map<string, bigint>();
  for (const r of rows) sums.set(r.currency ?? 'USD', (sums.get(r.currency ?? 'USD') ?? 0n) + decimalToMicros(r.amount));
  return [...sums.keys()].sort().map((c) => [c, microsToDecimal(sums.get(c)!)]);
}

describe.skipIf(!HAS_CHROMIUM)('include child orgs', () => {
  it('shows the parent with its children, per currency, names each row’s org, keeps the switch and exports it', { timeout: 90_000 }, async () => {
    const { page, pageErrors } = await openApp();
    await expect.poll(() => rowCount(page)).toBe('2');
    expect(await page.locator('.ag-header-cell[col-id=orgName]').count()).toBe(0);

    await page.getByTestId('include-children').check();
    await expect.poll(() => rowCount(page)).toBe('5');
    await expect.poll(() => totals(page)).toEqual(expectedTotals([...PARENT_ROWS, ...CHILD_ROWS]));
    await expect.poll(() => page.locator('.ag-header-cell[col-id=orgName]').innerText()).toBe('Organization');
    await expect.poll(async () => (await cells(page, 'orgName')).sort()).toEqual(['Child Org', 'Child Org', 'Child Org', 'Parent Org', 'Parent Org']);

    // Kept with the screen's setup: a reload comes back with the children's rows.
    await page.waitForTimeout(600);
    await page.reload();
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe('5');
    expect(await page.getByTestId('include-children').isChecked()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/-with-children-/);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    const org = header.indexOf('Organization');
    expect(org).toBeGreaterThan(-1);
    expect(rows.map((r) => r[org]).sort()).toEqual(['Child Org', 'Child Org', 'Child Org', 'Parent Org', 'Parent Org']);

    // Off again: the parent's own rows, the column hidden.
    await page.getByTestId('include-children').uncheck();
    await expect.poll(() => rowCount(page)).toBe('2');
    await expect.poll(() => totals(page)).toEqual(expectedTotals(PARENT_ROWS));
    await expect.poll(() => page.locator('.ag-header-cell[col-id=orgName]').count()).toBe(0);

    // An org without children is not offered the switch.
    await page.getByTestId('org-switcher').selectOption('org-parent-child');
    await expect.poll(() => rowCount(page)).toBe('3');
    expect(await page.getByTestId('include-children').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
