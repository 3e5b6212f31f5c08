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
    db.close();
    await page.getByTestId('org-switcher').selectOption(parent.id);
    await page.getByTestId('area-imports').click();
    await page.getByTestId('period-picker').selectOption({ label: 'All periods' });
    await expect.poll(() => page.getByTestId('batch-count').getAttribute('data-row-count')).toBe('1');

    await page.getByTestId('include-children').check();
    await expect.poll(() => page.getByTestId('batch-count').getAttribute('data-row-count')).toBe('3');
    const grid = page.getByTestId('batches-grid');
    await expect.poll(async () => (await grid.locator('[role=gridcell][col-id=orgId]').allTextContents()).sort()).toEqual(names);

    // The parent's kept batch: its refused rows say what to do, with the code and field under.
    await grid.locator('[role=row]', { has: page.locator('.batch-committed') }).first().locator('[col-id=fileName]').click();
    const outcomes = page.getByTestId('outcomes-grid');
    const details = outcomes.getByTestId('outcome-details');
    await expect.poll(() => details.allTextContents()).toEqual(['error · field amount', 'blocked_locked_period · field occurred_at']);
    await page.screenshot({ path: 'test-results/imports-consolidated.png' });
  });
});
