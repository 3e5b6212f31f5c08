import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import { dropFile } from '../support/drop-file';

// Issue 16, item 9, in Chromium: the check step of a revenue file. The operation offered is
// "create new records only" (the seed's rule: a stored revenue named again is a skipped
// duplicate, never overwritten); the check runs on its own when the step opens; switching
// "reject the file" / "import the valid rows" keeps the check; there is one Cancel.

// ch_1 is stored at 10.00: the file names it with 99.00 (an overwrite under create_or_update).
const CSV = ['external_id,kind,occurred_at,amount,currency,description', 'ch_1,sale,2026-10-01,99.00,USD,Changed', 'new_1,sale,2026-10-06,5.00,USD,New', ''].join('\n');

const session = browserModeSession();

async function toCheckStep(page: Page): Promise<void> {
  await dropFile(page, 'october.csv', CSV);
  await page.getByTestId('import-wizard').waitFor();
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-mapping').waitFor();
  await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
  await page.getByTestId('import-next').click();
}

describe.skipIf(!HAS_CHROMIUM)('the check step of the import wizard', () => {
  it('revenues default to create only: the check runs on its own, a stored revenue is a skipped duplicate and stays as stored', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, [{ externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', payee: 'Ada' }]);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await toCheckStep(page);

    expect(await page.getByTestId('import-operation').inputValue()).toBe('create_only');
    // No click on "Check all rows": the counts arrive on their own.
    const checked = page.locator('[data-testid=import-counts][data-phase=check]');
    await checked.waitFor({ timeout: 30_000 });
    expect(await checked.getAttribute('data-created')).toBe('1');
    expect(await checked.getAttribute('data-skipped-duplicate')).toBe('1');
    expect(await checked.getAttribute('data-updated')).toBe('0');
    expect(await page.getByTestId('import-to-write').getAttribute('data-rows')).toBe('1');

    // On error changes no row's outcome: the check stays, and so does the Import button.
    await page.getByTestId('on-error-skip').check();
    expect(await page.locator('.field-error', { hasText: 'changed since the check' }).count()).toBe(0);
    expect(await page.getByTestId('import-commit').isEnabled()).toBe(true);
    await page.getByTestId('on-error-reject').check();
    expect(await page.getByTestId('import-commit').isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(1);

    await page.getByTestId('import-commit').click();
    const committed = page.locator('[data-testid=import-counts][data-phase=commit]');
    await committed.waitFor({ timeout: 30_000 });
    expect(await committed.getAttribute('data-skipped-duplicate')).toBe('1');
    const stored = workspace.db.prepare("SELECT amount_micros, description FROM revenues WHERE external_id = 'ch_1'").get();
    expect(stored).toEqual({ amount_micros: 10_000_000, description: null });
    const batch = workspace.db.prepare('SELECT operation FROM import_batches ORDER BY id DESC LIMIT 1').pluck().get();
    expect(batch).toBe('create_only');
    expect(pageErrors).toEqual([]);
  });

  it('choosing another operation checks again on its own, and then updates the stored revenue', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, [{ externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', payee: 'Ada' }]);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await toCheckStep(page);
    const checked = page.locator('[data-testid=import-counts][data-phase=check]');
    await checked.waitFor({ timeout: 30_000 });
    await page.getByTestId('import-operation').selectOption('create_or_update');
    await expect.poll(() => checked.getAttribute('data-updated'), { timeout: 30_000 }).toBe('1');
    await page.getByTestId('import-commit').click();
    await page.locator('[data-testid=import-counts][data-phase=commit]').waitFor({ timeout: 30_000 });
    expect(workspace.db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'ch_1'").pluck().get()).toBe(99_000_000);
    expect(pageErrors).toEqual([]);
  });
});
