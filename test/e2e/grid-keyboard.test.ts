import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Issue 16, item 10: Tab enters and leaves the grid as one stop (arrows inside), the filter
// shortcut is shown, and copy works for a cell and for a block (amounts exact).

declare const navigator: { clipboard: { readText(): Promise<string> } };
declare const document: { activeElement: { closest(selector: string): unknown; getAttribute(name: string): string | null } | null };

const session = browserModeSession();

async function openApp(): Promise<{ page: Page; pageErrors: string[] }> {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'a_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '0.125', payee: 'Metered' },
    { externalId: 'a_2', kind: 'sale', occurredAt: '2026-10-02T09:00:00Z', amount: '1500.5', currency: 'JPY', payee: 'Tokyo' },
    { externalId: 'a_3', kind: 'refund', occurredAt: '2026-10-03T09:00:00Z', amount: '-9007199254.740991', payee: 'Tab\tand "quote"' },
  ]);
  const { page, pageErrors, server } = await session.open(core, { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1600, height: 800 } });
  await page.goto(server.url);
  await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
  // One order whatever the default: by External ID.
  await page.locator('.ag-header-cell[col-id=externalId] .ag-header-cell-label').click();
  await expect.poll(() => page.locator('[data-testid=revenues-grid] [row-index="0"] [col-id=externalId]').innerText()).toBe('a_1');
  return { page, pageErrors };
}

const cell = (page: Page, row: number, column: string) => page.locator(`[data-testid=revenues-grid] [role=row][row-index="${row}"] [col-id=${column}]`);
const focusInGrid = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid=revenues-grid]') != null);
const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe.skipIf(!HAS_CHROMIUM)('the grid by keyboard', () => {
  it('Tab leaves the grid from a cell and Shift+Tab comes back to it; the keys are shown inside it', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await openApp();
    await cell(page, 1, 'payeeName').click();
    expect(await focusInGrid(page)).toBe(true);
    await expect.poll(() => page.getByTestId('grid-keys').isVisible()).toBe(true);
    expect(await page.getByTestId('grid-keys').innerText()).toContain('Alt+↓ opens its filter');

    await page.keyboard.press('Tab');
    expect(await focusInGrid(page)).toBe(false);
    await expect.poll(() => page.getByTestId('grid-keys').isVisible()).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusInGrid(page)).toBe(true);

    // From the headings too: Tab does not walk them.
    await cell(page, 0, 'payeeName').click();
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.closest('.ag-header-cell') != null)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusInGrid(page)).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('Alt+↓ on a heading opens its filter, as the hint says', { timeout: 60_000 }, async () => {
    const { page } = await openApp();
    await cell(page, 0, 'payeeName').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => page.locator('.ag-filter').isVisible()).toBe(true);
    await page.locator('.ag-filter input').first().fill('tokyo');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('row-count').getAttribute('data-row-count')).toBe('1');
  });

  it('Ctrl+C copies a cell, and a Shift+arrows block as tab-separated text with exact amounts', { timeout: 60_000 }, async () => {
    const { page } = await openApp();
    await cell(page, 0, 'amount').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toBe('0.125');

    await page.keyboard.press('Shift+ArrowLeft'); // Category
    await page.keyboard.press('Shift+ArrowLeft'); // Product
    await page.keyboard.press('Shift+ArrowLeft'); // Payee
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.locator('[data-testid=revenues-grid] .cell-in-range').count()).toBe(12);
    await page.keyboard.press('Control+c');
    await expect
      .poll(() => readClipboard(page))
      .toBe(['Metered\t\t\t0.125', 'Tokyo\t\t\t1500.50', '"Tab\tand ""quote"""\t\t\t-9007199254.740991'].join('\r\n'));

    // Any plain move drops the block; the next copy is one cell again (from Payee to Amount of row 2).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-testid=revenues-grid] .cell-in-range').count()).toBe(0);
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toBe('-9007199254.740991');

    // Shift+click makes a block from the focused cell too.
    await cell(page, 0, 'externalId').click();
    await cell(page, 1, 'externalId').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toBe('a_1\r\na_2');
  });
});
