import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import { dropFile } from '../support/drop-file';

// Issue 16, item 5, in Chromium: leaving the import wizard with mapping work (Escape, the
// close button, Cancel) asks first; "Keep working" keeps every choice, "Leave" closes it.
// With nothing set up yet, or after the import, it closes at once.

const CSV = ['external_id,kind,occurred_at,amount,currency,description', 'lv_1,sale,2026-10-05,19.99,USD,First', ''].join('\n');

const session = browserModeSession();

async function toMapping(page: Page): Promise<void> {
  await dropFile(page, 'october.csv', CSV);
  await page.getByTestId('import-wizard').waitFor();
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-mapping').waitFor();
  await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
}

describe.skipIf(!HAS_CHROMIUM)('leaving the import wizard', () => {
  it('Escape, the close button and Cancel ask before mapping work is thrown away', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    const wizard = page.getByTestId('import-wizard');
    const confirm = page.getByTestId('leave-wizard-confirm');

    // Nothing set up yet: the wizard closes at once.
    await page.getByTestId('area-imports').click();
    await page.getByRole('button', { name: 'Import file…' }).click();
    await wizard.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => wizard.count()).toBe(0);

    await toMapping(page);
    // The user maps description to nothing: work to lose.
    await page.getByTestId('map-description').selectOption('');
    const mappedBefore = await page.getByTestId('map-description').inputValue();

    // Escape asks; Escape again (or Keep working) keeps the wizard as it was.
    await page.keyboard.press('Escape');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('Nothing has been imported');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await wizard.count()).toBe(1);
    expect(await page.getByTestId('map-description').inputValue()).toBe(mappedBefore);

    // The close button asks too.
    await page.getByTestId('import-close').click();
    await confirm.waitFor();
    await page.getByTestId('leave-wizard-stay').click();
    await expect.poll(() => confirm.count()).toBe(0);

    // So does Cancel, on the check step; leaving closes the wizard and writes nothing.
    await page.getByTestId('import-next').click();
    await page.locator('[data-testid=import-counts][data-phase=check]').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-cancel-wizard').click();
    await confirm.waitFor();
    await page.getByTestId('leave-wizard-leave').click();
    await expect.poll(() => wizard.count()).toBe(0);
    expect(workspace.db.prepare('SELECT count(*) FROM revenues').pluck().get()).toBe(0);

    // After the import there is nothing to lose: Escape closes at once.
    await toMapping(page);
    await page.getByTestId('import-next').click();
    await page.locator('[data-testid=import-counts][data-phase=check]').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-commit').click();
    await page.locator('[data-testid=import-counts][data-phase=commit]').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect.poll(() => wizard.count()).toBe(0);
    expect(await confirm.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
