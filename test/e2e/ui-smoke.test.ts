import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { CONTENT_SECURITY_POLICY_META } from '../../src/main/security/csp';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// The shell and the revenues grid in Debian's Chromium, against browser mode on a small
// seeded workspace: what loads, what the grid asks the server, what the export writes.

const LARGEST_ROW_AMOUNT = '9007199254.740991';

const session = browserModeSession();

async function openApp(): Promise<{ page: Page; pageErrors: string[]; listBodies: Array<Record<string, unknown>> }> {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', payee: 'Ada' },
    { externalId: 'ch_2', kind: 'sale', occurredAt: '2026-10-02T09:00:00Z', amount: LARGEST_ROW_AMOUNT, payee: 'Ada' },
    { externalId: 're_1', kind: 'refund', occurredAt: '2026-10-03T09:00:00Z', amount: '-2.50', refundOf: 'ch_1' },
    { externalId: 'ad_1', kind: 'adjustment', occurredAt: '2026-10-04T09:00:00Z', amount: '0.125', currency: 'EUR' },
    { externalId: 'ch_0', kind: 'sale', occurredAt: '2026-09-30T23:59:59Z', amount: '7.00' },
  ]);
  const { page, pageErrors, server } = await session.open(core);
  const listBodies: Array<Record<string, unknown>> = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/revenues.list')) listBodies.push(request.postDataJSON());
  });
  await page.goto(server.url);
  await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
  return { page, pageErrors, listBodies };
}

const rowCount = (page: Page) => page.getByTestId('row-count').getAttribute('data-row-count');

describe.skipIf(!HAS_CHROMIUM)('the renderer in browser mode', () => {
  it('loads with the CSP, takes the token out of the address bar and defaults to the newest period', async () => {
    const { page, pageErrors, listBodies } = await openApp();
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY_META);
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => rowCount(page)).toBe('4');
    expect(await page.getByTestId('period-picker').inputValue()).toBe('2026-10');
    expect(await page.getByTestId('org-switcher').locator('option').allTextContents()).toEqual(['Parent Org', '└ Child Org']);
    // The parent's own rows: "Include child orgs" starts off.
    expect(listBodies[0]).toEqual({ orgId: 'org-parent', period: '2026-10', includeChildren: false, startRow: 0, endRow: 100, sortModel: [], filterModel: {} });
    // Totals are exact decimal strings, formatted without a float in between: shown in cents
    // (rounded on the digits, marked), the exact value kept beside it.
    const usd = page.getByTestId('totals').locator('[data-currency=USD]');
    expect(await usd.getAttribute('data-amount')).toBe('9007199262.240991');
    expect(await usd.locator('.money').getAttribute('data-exact')).toBe('9007199262.240991');
    expect((await usd.innerText()).replace(/\D/g, '')).toBe('900719926224');
    expect(pageErrors).toEqual([]);
  });

  it('filters kind with the community set filter and switches period', async () => {
    const { page, listBodies } = await openApp();
    await page.locator('.ag-header-cell[col-id=kind] .ag-header-cell-filter-button').click();
    await page.locator('.set-filter input[data-value=sale]').uncheck();
    await expect.poll(() => rowCount(page)).toBe('2');
    // The grid asks for its block a moment after the filter changes (block load debounce).
    await expect.poll(() => listBodies.at(-1)?.filterModel).toEqual({ kind: { filterType: 'set', values: ['refund', 'adjustment'] } });
    await page.keyboard.press('Escape');
    await page.getByTestId('period-picker').selectOption('all');
    await expect.poll(() => rowCount(page)).toBe('2');
    await expect.poll(() => listBodies.at(-1)).toMatchObject({ period: null, startRow: 0 });
  });

  it('exports the current view as a download, in the displayed column order', async () => {
    const { page } = await openApp();
    await page.getByTestId('column-chooser').click();
    await page.locator('.popover label', { hasText: 'Description' }).locator('input').uncheck();
    await page.keyboard.press('Escape');
    await page.locator('.ag-header-cell[col-id=amount] .ag-header-cell-label').click(); // sort ascending
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('revenues-parent-org-2026-10.csv');
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split(/\r?\n/);
    // UTF-8 with a byte-order mark (for Excel); the date heading names the org's zone.
    expect(lines[0]).toBe('\uFEFFExternal ID,Date (UTC),Kind,Payee,Product,Category,Amount,Currency,Quantity,Refund of,Period');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['re_1', 'ad_1', 'ch_1', 'ch_2']);
    await expect.poll(() => page.getByTestId('export-status').getAttribute('data-row-count')).toBe('4');
  });
});
