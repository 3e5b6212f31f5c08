import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Issue 16, item 13, in the browser: the downloaded file's bytes. A BOM (unless the Columns
// panel's setting turns it off), dates Excel reads as dates on the org's clock with the zone
// in the heading, the screen's labels, exact plain amounts.

const session = browserModeSession();

describe.skipIf(!HAS_CHROMIUM)('CSV export in the browser', () => {
  it('downloads UTF-8 with a BOM, Excel dates on the org clock, the screen labels; the setting leaves the BOM out', { timeout: 60_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, [
      { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-10T15:00:00Z', amount: '10.00', payee: 'Müller' },
      { externalId: 're_1', kind: 'refund', occurredAt: '2026-10-31T03:17:06Z', amount: '-0.125', payee: 'Müller', refundOf: 'ch_1' },
    ]);
    workspace.db.prepare("UPDATE orgs SET time_zone = 'America/New_York' WHERE id = 'org-parent'").run();
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.locator('[data-testid=revenues-grid] [role=gridcell][col-id=externalId]').first().waitFor();
    // Only the columns this test reads, sorted by date.
    await page.getByTestId('column-chooser').click();
    for (const name of ['Product', 'Category', 'Currency', 'Quantity', 'Description', 'Refund of', 'Period']) {
      await page.locator('.popover label', { hasText: new RegExp(`^${name}$`) }).locator('input').uncheck();
    }
    await page.keyboard.press('Escape');
    await page.locator('.ag-header-cell[col-id=occurredAt] .ag-header-cell-label').click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'External ID,Date (America/New_York),Kind,Payee,Amount\r\n' + 'ch_1,2026-10-10 11:00:00,Sale,Müller,10.00\r\n' + 're_1,2026-10-30 23:17:06,Refund,Müller,-0.125\r\n',
    );

    await page.getByTestId('column-chooser').click();
    await page.getByTestId('csv-bom').uncheck();
    await page.keyboard.press('Escape');
    const [plain] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(readFileSync((await plain.path())!).toString('utf8').startsWith('External ID,')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
