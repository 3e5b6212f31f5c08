import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';

// Issue 16, item 3 on the later screens: Payouts, Reconciliation, Imports and Payees keep their
// grid's sort and their "Include child orgs" switch across navigation and a reload, per workspace.

const demo = demoWebSession({ revenues: 3000, seed: 7 });

/** Resolves when the screen's setup was written to the workspace. */
function setupSaved(page: Page, screen: string) {
  return page.waitForResponse((response) => response.url().endsWith('/api/views.save') && response.request().postDataJSON()?.screen === screen);
}

const sortOf = (page: Page, grid: string, colId: string) => page.locator(`[data-testid=${grid}] .ag-header-cell[col-id=${colId}]`).getAttribute('aria-sort');

describe.skipIf(!HAS_CHROMIUM)('screen setups on Payouts, Reconciliation, Imports and Payees', () => {
  it('keep the switch and the sort across another screen and a reload', { timeout: 120_000 }, async () => {
    const page = await (await demo.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(demo.url);
    const db = new Database(demo.workspacePath, { readonly: true });
    const parent = db.prepare('SELECT id FROM orgs WHERE parent_id IS NULL').pluck().get() as string;
    const period = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'in_progress' ORDER BY period LIMIT 1").pluck().get(parent) as string;
    db.close();
    await page.getByTestId('org-switcher').selectOption(parent);
    await page.getByTestId('period-picker').selectOption(period);

    // Reconciliation: the switch on, sorted by customer.
    await page.getByTestId('area-reconciliation').click();
    let saved = setupSaved(page, 'reconciliation');
    await page.getByTestId('include-children').check();
    await saved;
    saved = setupSaved(page, 'reconciliation');
    await page.locator('[data-testid=recon-grid] .ag-header-cell[col-id=customer_name] .ag-header-cell-label').click();
    await saved;
    await expect.poll(() => sortOf(page, 'recon-grid', 'customer_name')).toBe('ascending');

    // Imports: the switch on.
    await page.getByTestId('area-imports').click();
    saved = setupSaved(page, 'imports');
    await page.getByTestId('include-children').check();
    await saved;

    // Payouts: the switch on.
    await page.getByTestId('area-payouts').click();
    saved = setupSaved(page, 'payouts');
    await page.getByTestId('include-children').check();
    await saved;

    // Payees: sorted by email, descending.
    await page.getByTestId('area-payees').click();
    saved = setupSaved(page, 'payees');
    const email = page.locator('[data-testid=payees-grid] .ag-header-cell[col-id=email] .ag-header-cell-label');
    await email.click();
    await email.click();
    await saved;
    await expect.poll(() => sortOf(page, 'payees-grid', 'email')).toBe('descending');

    for (const step of ['navigation', 'reload'] as const) {
      if (step === 'reload') await page.reload();
      await page.getByTestId('area-reconciliation').click();
      await expect.poll(() => page.getByTestId('include-children').isChecked(), { message: `reconciliation after ${step}` }).toBe(true);
      await expect.poll(() => sortOf(page, 'recon-grid', 'customer_name'), { message: `reconciliation sort after ${step}` }).toBe('ascending');
      await page.getByTestId('area-imports').click();
      await expect.poll(() => page.getByTestId('include-children').isChecked(), { message: `imports after ${step}` }).toBe(true);
      await page.getByTestId('area-payouts').click();
      await expect.poll(() => page.getByTestId('include-children').isChecked(), { message: `payouts after ${step}` }).toBe(true);
      await page.getByTestId('area-payees').click();
      await expect.poll(() => sortOf(page, 'payees-grid', 'email'), { message: `payees sort after ${step}` }).toBe('descending');
    }
  });
});
