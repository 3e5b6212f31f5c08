import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Issue 16, item 11: the filters in force are listed above the grid in words, each
// removable; the Kind filter's Clear clears the filter instead of unticking every kind.

const session = browserModeSession();

async function openApp(): Promise<{ page: Page; pageErrors: string[] }> {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', payee: 'Ada' },
    { externalId: 'ch_2', kind: 'sale', occurredAt: '2026-10-02T09:00:00Z', amount: '30.00', payee: 'Grace' },
    { externalId: 're_1', kind: 'refund', occurredAt: '2026-10-03T09:00:00Z', amount: '-2.50', refundOf: 'ch_1', payee: 'Ada' },
  ]);
  const { page, pageErrors, server } = await session.open(core);
  await page.goto(server.url);
  await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
  return { page, pageErrors };
}

const rowCount = (page: Page) => page.getByTestId('row-count').getAttribute('data-row-count');
const summaries = (page: Page) => page.getByTestId('active-filters').locator('li > span').allInnerTexts();

describe.skipIf(!HAS_CHROMIUM)('active filters', () => {
  it('lists each filter in words, removes one at a time, and Kind’s Clear shows every kind again', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await openApp();
    expect(await page.getByTestId('active-filters').count()).toBe(0);

    await page.locator('.ag-header-cell[col-id=payeeName] .ag-header-cell-filter-button').click();
    await page.locator('.ag-filter-body input').first().fill('Ada');
    await page.keyboard.press('Escape');
    await page.locator('.ag-header-cell[col-id=kind] .ag-header-cell-filter-button').click();
    await page.locator('.set-filter input[data-value=sale]').uncheck();
    await page.locator('.set-filter input[data-value=adjustment]').uncheck();
    await expect.poll(() => rowCount(page)).toBe('1');
    await expect.poll(() => summaries(page)).toEqual(['Payee contains “Ada”', 'Kind: Refund']);

    // Clear in the Kind filter: no Kind filter any more, not "no kind at all".
    await page.getByTestId('set-filter-clear').click();
    await expect.poll(() => rowCount(page)).toBe('2');
    expect(await page.locator('.set-filter input:checked').count()).toBe(3);
    await page.keyboard.press('Escape');
    await expect.poll(() => summaries(page)).toEqual(['Payee contains “Ada”']);

    await page.getByRole('button', { name: 'Remove the filter Payee contains “Ada”' }).click();
    await expect.poll(() => rowCount(page)).toBe('3');
    await expect.poll(() => page.getByTestId('active-filters').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
