import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Issue 16, item 2: amounts are compared within a currency. A click on a currency's total
// filters the grid to it (another click clears it); a sort or filter on Amount with several
// currencies in view says that they are not comparable.

const session = browserModeSession();

async function openApp(): Promise<{ page: Page; pageErrors: string[] }> {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'usd_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '2760.00' },
    { externalId: 'eur_1', kind: 'sale', occurredAt: '2026-10-02T09:00:00Z', amount: '2736.00', currency: 'EUR' },
    { externalId: 'eur_2', kind: 'sale', occurredAt: '2026-10-03T09:00:00Z', amount: '2597.00', currency: 'EUR' },
    { externalId: 'gbp_1', kind: 'sale', occurredAt: '2026-10-04T09:00:00Z', amount: '900.00', currency: 'GBP' },
  ]);
  const { page, pageErrors, server } = await session.open(core);
  await page.goto(server.url);
  await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
  return { page, pageErrors };
}

const rowCount = (page: Page) => page.getByTestId('row-count').getAttribute('data-row-count');
const chip = (page: Page, currency: string) => page.getByTestId('totals').locator(`[data-currency=${currency}] button`);

describe.skipIf(!HAS_CHROMIUM)('amounts compared within a currency', () => {
  it('says a sort by amount mixes currencies, and filters to one currency from its total', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await openApp();
    await expect.poll(() => rowCount(page)).toBe('4');
    expect(await page.getByTestId('cross-currency-notice').count()).toBe(0);

    await page.locator('.ag-header-cell[col-id=amount] .ag-header-cell-label').click();
    await expect
      .poll(() => page.getByTestId('cross-currency-notice').innerText())
      .toContain('Sorted by amount across EUR, GBP and USD: amounts in different currencies are not comparable; pick a currency');

    await chip(page, 'EUR').click();
    await expect.poll(() => rowCount(page)).toBe('2');
    expect(await chip(page, 'EUR').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('cross-currency-notice').count()).toBe(0);
    await expect
      .poll(async () => (await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').allTextContents()).sort())
      .toEqual(['eur_1', 'eur_2']);

    await chip(page, 'EUR').click();
    await expect.poll(() => rowCount(page)).toBe('4');
    await expect.poll(() => page.getByTestId('cross-currency-notice').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('says an amount filter mixes currencies, and its button picks one', { timeout: 60_000 }, async () => {
    const { page } = await openApp();
    await page.locator('.ag-header-cell[col-id=amount] .ag-header-cell-filter-button').click();
    await page.locator('.ag-filter [aria-label="Filtering operator"]').first().click();
    await page.getByRole('option', { name: 'Greater than', exact: true }).click();
    await page.locator('.ag-filter-body input').first().fill('1000');
    await page.keyboard.press('Escape');
    await expect.poll(() => rowCount(page)).toBe('3');
    await expect.poll(() => page.getByTestId('cross-currency-notice').innerText()).toContain('Filtered by amount across EUR and USD');
    await page.getByTestId('cross-currency-notice').locator('[data-currency=USD]').click();
    await expect.poll(() => rowCount(page)).toBe('1');
    expect(await page.getByTestId('cross-currency-notice').count()).toBe(0);
  });
});
