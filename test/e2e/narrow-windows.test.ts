import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Issue 16, item 12: the layout works from 1024 px with Amount in view (the sidebar folds to
// icons, and remembers being folded or not), nothing scrolls sideways at 760 px, and dates
// fit their column at 1360 px.

const session = browserModeSession();

async function openAt(width: number): Promise<{ page: Page; pageErrors: string[] }> {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-20T22:53:00Z', amount: '1234567.89', payee: 'Ada' },
    { externalId: 'ad_1', kind: 'adjustment', occurredAt: '2026-10-28T11:17:00Z', amount: '-0.125' },
  ]);
  workspace.db.prepare("UPDATE orgs SET time_zone = 'Europe/Berlin' WHERE id = 'org-parent'").run();
  const { page, pageErrors, server } = await session.open(core, { viewport: { width, height: 800 } });
  await page.goto(server.url);
  await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
  return { page, pageErrors };
}

const rightEdge = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().right);
// Run in the page (page.evaluate); the test's own types are Node's, which lack them.
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };
const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!HAS_CHROMIUM)('narrow windows', () => {
  it('at 1024 px folds the sidebar and keeps Amount in view; the choice is remembered', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await openAt(1024);
    expect(await page.getByTestId('sidebar-toggle').getAttribute('aria-expanded')).toBe('false');
    // The org switcher moves to the top bar while the sidebar is folded.
    await page.getByTestId('org-switcher').waitFor();
    const gridRight = await rightEdge(page, '[data-testid=revenues-grid]');
    expect(await rightEdge(page, '.ag-header-cell[col-id=amount]')).toBeLessThanOrEqual(gridRight);
    expect(await noSideways(page)).toBe(true);

    await page.getByTestId('sidebar-toggle').click();
    expect(await page.getByTestId('sidebar-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.reload();
    await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
    expect(await page.getByTestId('sidebar-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(pageErrors).toEqual([]);
  });

  it('at 760 px nothing scrolls sideways and the period status shows whole', { timeout: 60_000 }, async () => {
    const { page } = await openAt(760);
    expect(await noSideways(page)).toBe(true);
    expect(await rightEdge(page, '[data-testid=period-status]')).toBeLessThanOrEqual(760);
  });

  it('at 1360 px dates fit their column', { timeout: 60_000 }, async () => {
    const { page } = await openAt(1360);
    const cut = await page
      .locator('[data-testid=revenues-grid] [role=gridcell][col-id=occurredAt]')
      .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
    expect(cut).toEqual([]);
  });
});
