import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import { dropFile } from '../support/drop-file';

// Issue 16, item 1, in Chromium: a file with USD, EUR and JPY rows is checked and imported,
// and every total the import side shows is one per currency, never one sum: the check, the
// Done step, the batch line above its outcomes, and the batches grid's Amount written.

const CSV = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'imports', 'three-currencies.csv'), 'utf8');
const SHOWN = 'EUR 9.99 · JPY 1,500 · USD 1,210.00';
const EXACT = [
  ['EUR', '9.99'],
  ['JPY', '1500.00'],
  ['USD', '1210.00'],
];

const session = browserModeSession();

/** The totals inside an element: [currency, exact amount] per line, as the DOM carries them. */
async function totalsIn(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator('.currency-total')
    .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-currency') ?? '', n.getAttribute('data-exact') ?? '']));
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ');

describe.skipIf(!HAS_CHROMIUM)('control totals per currency in the import wizard and the Imports screen', () => {
  it('a USD, EUR and JPY file shows one total per currency at the check, the Done step, the batch line and the batches grid', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, pageErrors, server } = await session.open(core);
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(server.url);

    await dropFile(page, 'three-currencies.csv', CSV);
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').waitFor();
    await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
    await page.getByTestId('import-next').click();

    // The check runs as the step opens (or on the button, where it does not).
    const summary = page.getByTestId('import-to-write');
    if (!(await summary.isVisible())) {
      await page.getByTestId('import-check').click();
    }
    await summary.waitFor();
    expect(await summary.getAttribute('data-rows')).toBe('6');
    expect(await text(page, 'import-to-write')).toBe(`Importing would write 6 rows: ${SHOWN}.`);
    expect(await totalsIn(page, 'import-to-write')).toEqual(EXACT);

    await page.getByTestId('import-commit').click();
    const result = page.getByTestId('import-result');
    await result.locator('[data-testid=import-counts][data-phase=commit]').waitFor({ timeout: 30_000 });
    const batchId = await result.getAttribute('data-batch-id');
    expect(await text(page, 'import-result')).toContain(`Imported as batch ${batchId}. 6 rows written: ${SHOWN}.`);
    expect(await totalsIn(page, 'import-result')).toEqual(EXACT);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('import-wizard').count()).toBe(0);

    await page.getByTestId('area-imports').click();
    const row = page.getByTestId('batches-grid').locator(`[role=row][row-id="${batchId}"]`).first();
    await row.waitFor();
    const cell = row.locator('[col-id=amountWritten]');
    expect((await cell.innerText()).replace(/\s+/g, ' ')).toBe(SHOWN);
    await row.click();
    await expect.poll(() => page.getByTestId('batch-facts').innerText()).toContain(`6 rows written (${SHOWN})`);
    expect(await totalsIn(page, 'batch-facts')).toEqual(EXACT);
    expect(pageErrors).toEqual([]);
  });
});
