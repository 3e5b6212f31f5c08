import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import { checkValidRows, chooseEntity, commitImport, nextToProfileMapping, openWizardWithFile, resultBatchId, screenshotIfAsked, undoOpenBatch } from '../support/import-wizard-steps';

// The import wizard with the commitments entity (showback), in Debian's Chromium against
// browser mode: a commitments file dropped on the window is read with its built-in profile,
// checked (shares adding up to 90 refused, naming the Fixed Shares column; terms after the
// finalized September 2026 of the seed), committed with
// "import the valid rows", listed on the Imports screen and undone.

const ORG = 'org-parent';
const HEADER = 'Commitment ID,Name,Currency,Purchase Date,Term Start,Term End,Monthly Premium,Commitment Cost,Rebates,Allocation,Fixed Shares';

const session = browserModeSession();

describe.skipIf(!HAS_CHROMIUM)('the import wizard with the commitments entity', () => {
  it('imports a commitments file through the wizard, refusing a bad row by its column; undo removes what it created', { timeout: 120_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const csv = [
      HEADER,
      'cm-1,Compute plan,USD,2026-09-10,2026-10-01,2027-09-30,1200.00,100.00,20.00,proportional,',
      'cm-2,Split plan,USD,2026-09-10,2026-10-01,2026-12-31,300.00,,,fixed,service: compute=60; storage=30',
      'cm-3,Even plan,USD,2026-09-10,2026-11-01,2026-12-31,50.505,,,even,',
      '',
    ].join('\n');
    const stored = () => workspace.db.prepare('SELECT external_id FROM showback_commitments WHERE org_id = ? ORDER BY id').pluck().all(ORG);

    const { page, pageErrors, server } = await session.open(core, { viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByTestId('area-imports').click();
    const wizard = await openWizardWithFile(page, 'commitments.csv', csv);
    await chooseEntity(page, 'commitments', /Commitments bought/);
    await screenshotIfAsked(page, 'commitments-wizard-file.png');
    await nextToProfileMapping(page, 'Commitments list');
    expect(await page.getByTestId('map-term_start').inputValue()).toBe('column:Term Start');
    expect(await page.getByTestId('map-fixed_shares').inputValue()).toBe('column:Fixed Shares');
    await expect.poll(() => page.getByTestId('import-preview').getAttribute('data-problem-rows')).toBe('1');
    await screenshotIfAsked(page, 'commitments-wizard-mapping.png');
    await page.getByTestId('import-next').click();

    const checked = await checkValidRows(page);
    expect(await checked.getAttribute('data-created')).toBe('2');
    expect(await checked.getAttribute('data-error')).toBe('1');
    const messages = page.getByTestId('import-problems').locator('[role=gridcell][col-id=message]');
    await expect.poll(() => messages.allInnerTexts()).toEqual(['Fixed Shares: shares: the percentages add up to 90.00, not exactly 100']);
    expect(stored()).toEqual([]);

    const committed = await commitImport(page);
    expect(await committed.getAttribute('data-created')).toBe('2');
    const batchId = await resultBatchId(page);
    await screenshotIfAsked(page, 'commitments-wizard-result.png');
    expect(stored()).toEqual(['cm-1', 'cm-3']);

    await page.keyboard.press('Escape');
    await expect.poll(() => wizard.count()).toBe(0);
    // A commitment belongs to no one month (like a payee), so its batch is listed under All periods.
    await page.getByTestId('period-picker').selectOption({ label: 'All periods' });
    await page.getByTestId('batches-grid').locator(`[role=row][row-id="${batchId}"]`).first().click();
    const outcomes = page.getByTestId('outcomes-grid');
    await expect.poll(() => outcomes.getAttribute('data-row-count')).toBe('3');
    await screenshotIfAsked(page, 'commitments-imports-batch.png');
    await undoOpenBatch(page, 2);
    expect(stored()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
