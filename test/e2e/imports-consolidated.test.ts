import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';

// The demo's Imports screen in Chromium: a parent with "Include child orgs" lists its
// batches and its children's (kept, undone, rejected), each naming its organization, and
// the kept batch's refused rows show their message with the details line under it.

const demo = demoWebSession({ revenues: 6000, seed: 5 });

describe.skipIf(!HAS_CHROMIUM)('Imports screen, a parent with its children', () => {
  it('lists every org’s batches with their organization, and opens a batch’s refused rows with their details line', { timeout: 120_000 }, async () => {
    const page = await (await demo.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(demo.url);
    const db = new Database(demo.workspacePath, { readonly: true });
    const parent = db.prepare('SELECT id, name FROM orgs WHERE parent_id IS NULL').get() as { id: string; name: string };
    const names = (db.prepare('SELECT name FROM orgs ORDER BY name').pluck().all() as string[]).sort();
    // Beside the processors' files, the demo's syncs wrote batches (demo-sync.ts): counted as the database holds them.
    const parentBatches = db.prepare('SELECT count(*) FROM import_batches WHERE org_id = ?').pluck().get(parent.id) as number;
    const allBatches = db.prepare('SELECT count(*) FROM import_batches').pluck().get() as number;
    db.close();
    await page.getByTestId('org-switcher').selectOption(parent.id);
    await page.getByTestId('area-imports').click();
    await page.getByTestId('period-picker').selectOption({ label: 'All periods' });
    await expect.poll(() => page.getByTestId('batch-count').getAttribute('data-row-count')).toBe(String(parentBatches));

    await page.getByTestId('include-children').check();
    await expect.poll(() => page.getByTestId('batch-count').getAttribute('data-row-count')).toBe(String(allBatches));
    const grid = page.getByTestId('batches-grid');
    // File name descending: the processors' three files first (the syncs' batches have no file name).
    const fileNameHeader = grid.locator('.ag-header-cell[col-id=fileName] .ag-header-cell-label');
    await fileNameHeader.click();
    await fileNameHeader.click();
    const orgOfRow = (index: number) => grid.locator(`[role=row][row-index="${index}"] [role=gridcell][col-id=orgId]`).first().textContent();
    await expect.poll(async () => (await Promise.all([0, 1, 2].map(orgOfRow))).sort()).toEqual(names);

    // The parent's kept batch: its refused rows say what to do, with the code and field under.
    await grid.locator('[role=row]', { hasText: 'stripe-balance-' }).first().locator('[col-id=fileName]').click();
    const outcomes = page.getByTestId('outcomes-grid');
    const details = outcomes.getByTestId('outcome-details');
    await expect.poll(() => details.allTextContents()).toEqual(['error · field amount', 'blocked_locked_period · field occurred_at']);
    await page.screenshot({ path: 'test-results/imports-consolidated.png' });
  });
});
