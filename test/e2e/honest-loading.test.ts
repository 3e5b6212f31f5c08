import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Issue 16, item 4: counts and totals show only for the view they belong to. While another
// period is counted, the previous period's figures are gone (a loading state instead); when
// counting fails, an error replaces them.

const session = browserModeSession();

async function openApp(): Promise<{ page: Page; pageErrors: string[] }> {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00' },
    { externalId: 'ch_2', kind: 'sale', occurredAt: '2026-10-02T09:00:00Z', amount: '20.00', currency: 'EUR' },
    { externalId: 'ch_0', kind: 'sale', occurredAt: '2026-09-30T12:00:00Z', amount: '7.00' },
  ]);
  const { page, pageErrors, server } = await session.open(core);
  await page.goto(server.url);
  await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
  return { page, pageErrors };
}

describe.skipIf(!HAS_CHROMIUM)('honest loading and error states', () => {
  it('shows no count or totals of the previous period while the new one is counted, then its own', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await openApp();
    await expect.poll(() => page.getByTestId('row-count').getAttribute('data-row-count')).toBe('2');
    expect(await page.getByTestId('totals').locator('[data-currency]').count()).toBe(2);

    const held: Route[] = [];
    await page.route('**/api/revenues.summary', (route) => held.push(route));
    await page.getByTestId('period-picker').selectOption('2026-09');
    await expect.poll(() => held.length).toBeGreaterThan(0);
    expect(await page.getByTestId('summary').getAttribute('data-state')).toBe('loading');
    expect(await page.getByTestId('row-count').innerText()).toContain('Counting');
    expect(await page.getByTestId('totals').count()).toBe(0);

    for (const route of held) await route.continue();
    await page.unroute('**/api/revenues.summary');
    await expect.poll(() => page.getByTestId('row-count').getAttribute('data-row-count')).toBe('1');
    expect(await page.getByTestId('totals').locator('[data-currency]').evaluateAll((els) => els.map((e) => e.getAttribute('data-currency')))).toEqual(['USD']);
    expect(pageErrors).toEqual([]);
  });

  it('replaces the figures with an error when counting fails', { timeout: 60_000 }, async () => {
    const { page } = await openApp();
    await expect.poll(() => page.getByTestId('row-count').getAttribute('data-row-count')).toBe('2');
    await page.route('**/api/revenues.summary', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { type: 'internal', code: 'internal_error', message: 'The disk is gone', detail: null, timestamp: '2026-12-01T00:00:00Z' } }),
      }),
    );
    await page.getByTestId('period-picker').selectOption('2026-09');
    await expect.poll(() => page.getByTestId('summary').getAttribute('data-state')).toBe('failed');
    expect(await page.getByTestId('row-count').innerText()).toBe('Count and totals unavailable');
    expect(await page.getByTestId('totals').count()).toBe(0);
    await expect(page.getByTestId('error-notice').first().innerText()).resolves.toContain('The disk is gone');
  });
});
