import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import type { CoreHost } from '../../src/main/core/host';

// Issue 16, item 3: the review setup survives. Sort, filters, hidden columns, org and period
// stay across Alt+2 / Alt+1 and a reload (kept in the workspace file, so a new port keeps
// them too); a view saved under a name opens again; one naming a column that no longer
// exists opens without it and says so.

const session = browserModeSession();

function seeded(): CoreHost {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', payee: 'Ada' },
    { externalId: 'ch_2', kind: 'sale', occurredAt: '2026-10-02T09:00:00Z', amount: '30.00', payee: 'Ada' },
    { externalId: 'ch_3', kind: 'sale', occurredAt: '2026-10-02T10:00:00Z', amount: '20.00', payee: 'Grace' },
    { externalId: 're_1', kind: 'refund', occurredAt: '2026-10-03T09:00:00Z', amount: '-2.50', refundOf: 'ch_1', payee: 'Ada' },
    { externalId: 'ch_0', kind: 'sale', occurredAt: '2026-09-30T12:00:00Z', amount: '7.00', payee: 'Ada' },
    { externalId: 'ch_9', kind: 'sale', occurredAt: '2026-09-29T12:00:00Z', amount: '8.00', payee: 'Grace' },
  ]);
  return core;
}

const rowCount = (page: Page) => page.getByTestId('row-count').getAttribute('data-row-count');
const firstRowId = (page: Page) => page.locator('[data-testid=revenues-grid] [role=row][row-index="0"] [role=gridcell][col-id=externalId]').first().textContent({ timeout: 5000 });
const headers = (page: Page) => page.locator('[data-testid=revenues-grid] .ag-header-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('col-id')));

async function waitForGrid(page: Page): Promise<void> {
  await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
}

/** Resolves when the screen's setup was written to the workspace. */
function setupSaved(page: Page, screen: string) {
  return page.waitForResponse((response) => response.url().endsWith('/api/views.save') && response.request().postDataJSON()?.screen === screen);
}

describe.skipIf(!HAS_CHROMIUM)('the review setup survives', () => {
  it('keeps filters, sort, hidden columns and the period across navigation and a reload', { timeout: 60_000 }, async () => {
    const core = seeded();
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await waitForGrid(page);
    await expect.poll(() => rowCount(page)).toBe('4');

    // Payee contains "Ada", Amount descending, Description hidden.
    await page.locator('.ag-header-cell[col-id=payeeName] .ag-header-cell-filter-button').click();
    await page.locator('.ag-filter-body input').first().fill('Ada');
    await expect.poll(() => rowCount(page)).toBe('3');
    await page.keyboard.press('Escape');
    await page.locator('.ag-header-cell[col-id=amount] .ag-header-cell-label').click();
    await page.locator('.ag-header-cell[col-id=amount] .ag-header-cell-label').click();
    await expect.poll(() => firstRowId(page)).toBe('ch_2');
    const saved = setupSaved(page, 'revenues');
    await page.getByTestId('column-chooser').click();
    await page.locator('.popover label', { hasText: 'Description' }).locator('input').uncheck();
    await page.keyboard.press('Escape');
    await saved;

    // Imports and back.
    await page.keyboard.press('Alt+Digit2');
    await page.getByTestId('revenues-grid').waitFor({ state: 'detached' });
    await page.keyboard.press('Alt+Digit1');
    await waitForGrid(page);
    await expect.poll(() => rowCount(page)).toBe('3');
    await expect.poll(() => firstRowId(page)).toBe('ch_2');
    expect(await headers(page)).not.toContain('description');

    // Another period, then a reload: the period, the filter, the sort and the columns come back.
    const appSaved = setupSaved(page, 'app');
    await page.getByTestId('period-picker').selectOption('2026-09');
    await expect.poll(() => rowCount(page)).toBe('1');
    await appSaved;
    await page.reload();
    await waitForGrid(page);
    expect(await page.getByTestId('period-picker').inputValue()).toBe('2026-09');
    await expect.poll(() => rowCount(page)).toBe('1');
    await expect.poll(() => firstRowId(page)).toBe('ch_0');
    expect(await headers(page)).not.toContain('description');
    expect(await page.locator('.ag-header-cell[col-id=amount]').getAttribute('aria-sort')).toBe('descending');
    expect(pageErrors).toEqual([]);
  });

  it('saves a view under a name and opens it again', { timeout: 60_000 }, async () => {
    const core = seeded();
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await waitForGrid(page);
    await page.locator('.ag-header-cell[col-id=kind] .ag-header-cell-filter-button').click();
    await page.locator('.set-filter input[data-value=sale]').uncheck();
    await expect.poll(() => rowCount(page)).toBe('1');
    await page.keyboard.press('Escape');

    await page.getByTestId('saved-views').click();
    await page.getByTestId('saved-view-name').fill('Refunds only');
    await page.getByTestId('saved-view-save').click();
    await expect.poll(() => page.getByTestId('saved-view-open').allTextContents()).toEqual(['Refunds only']);
    await page.keyboard.press('Escape');

    await page.getByTestId('clear-filters').click();
    await expect.poll(() => rowCount(page)).toBe('4');
    await page.getByTestId('saved-views').click();
    await page.getByTestId('saved-view-open').click();
    await expect.poll(() => rowCount(page)).toBe('1');
    await expect.poll(() => firstRowId(page)).toBe('re_1');
    expect(pageErrors).toEqual([]);
  });

  it('opens a saved view naming a column that no longer exists without it, and says so', { timeout: 60_000 }, async () => {
    const core = seeded();
    const grid = {
      columns: [
        { colId: 'colour', hide: false, width: 100 },
        { colId: 'externalId', hide: false },
        { colId: 'amount', hide: false },
      ],
      sortModel: [{ colId: 'colour', sort: 'asc' }],
      filterModel: { colour: { filterType: 'text', type: 'equals', filter: 'red' }, payeeName: { filterType: 'text', type: 'equals', filter: 'Grace' } },
    };
    await callOk(core, 'views.save', { screen: 'revenues', state: { grid } });
    await callOk(core, 'views.save', { screen: 'revenues', name: 'Old view', state: { grid } });
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await waitForGrid(page);
    // The kept setup: the Grace filter applies, the colour sort and filter are left out.
    await expect.poll(() => rowCount(page)).toBe('1');
    await expect(page.getByTestId('missing-columns').innerText()).resolves.toContain('“colour”');
    expect((await headers(page)).slice(0, 2)).toEqual(['externalId', 'amount']);
    await page.getByTestId('missing-columns').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('saved-views').click();
    await page.getByTestId('saved-view-open').click();
    await expect(page.getByTestId('missing-columns').innerText()).resolves.toContain('The view “Old view”');
    expect(pageErrors).toEqual([]);
  });
});
