import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { checkValidRows, commitImport, openWizardWithFile } from '../support/import-wizard-steps';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import { tempWorkspace } from '../support/temp-workspace';

// The wizard's check step shows the same record twice in one file before anything is
// written: the repeated rows are counted, said in a notice, and listed with the row they
// repeat (an identical repeat skipped, a different one an error). The import then writes
// the record once.

const CSV = [
  'external_id,kind,occurred_at,amount,currency,description',
  'dup_1,sale,2026-10-05,19.99,USD,First sale',
  'dup_2,sale,2026-10-06,5.00,USD,Other sale',
  'dup_1,sale,2026-10-05,19.99,USD,First sale',
  'dup_1,sale,2026-10-05,25.00,USD,First sale',
  '',
].join('\n');

const session = browserModeSession();

describe.skipIf(!HAS_CHROMIUM)('the same record twice in a file, in the import wizard', () => {
  it('the check lists both repeats of row 2 before anything is written; the import writes the record once', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);

    await openWizardWithFile(page, 'repeats.csv', CSV);
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').waitFor();
    await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
    await page.getByTestId('import-next').click();
    if (await page.locator('.wizard-body[data-step=questions]').count()) await page.getByTestId('import-next').click();

    const checked = await checkValidRows(page);
    expect(await checked.getAttribute('data-created')).toBe('2');
    expect(await checked.getAttribute('data-skipped-duplicate')).toBe('1');
    expect(await checked.getAttribute('data-error')).toBe('1');
    const notice = page.getByTestId('import-same-record');
    expect([await notice.getAttribute('data-identical'), await notice.getAttribute('data-different')]).toEqual(['1', '1']);
    expect(await notice.innerText()).toMatch(/2 rows name the same record as an earlier row of the file/);
    const problems = page.getByTestId('import-problems');
    await expect.poll(() => problems.locator('[role=gridcell][col-id=message]').allInnerTexts()).toEqual([
      'same record as row 2, with the same values (skipped)',
      'same record as row 2, with a different amount; a file writes each record once, so keep one of the two',
    ]);
    expect(await problems.locator('[role=gridcell][col-id=outcome]').allInnerTexts()).toEqual(['Duplicate (skipped)', 'Error']);
    expect(await problems.locator('[role=gridcell][col-id=column]').allInnerTexts()).toEqual(['(whole row)', 'external_id']);
    expect(workspace.db.prepare('SELECT count(*) FROM revenues').pluck().get()).toBe(0);

    await commitImport(page);
    expect(await page.getByTestId('import-same-record').getAttribute('data-different')).toBe('1');
    expect(workspace.db.prepare("SELECT amount_micros FROM revenues WHERE external_id = 'dup_1'").all()).toEqual([{ amount_micros: 19_990_000 }]);
    expect(pageErrors).toEqual([]);
  });
});
