import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import type { ImportBatchRow } from '../../src/shared/contract/imports';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import { checkValidRows, commitImport, openWizardWithFile, resultBatchId, undoOpenBatch } from '../support/import-wizard-steps';

// The import wizard in Debian's Chromium, against browser mode: a revenue file dropped on
// the window is uploaded, mapped from its header, checked (one bad row), committed with
// "import the valid rows"; the Revenues grid shows the new rows, the batch's outcomes grid
// shows the error row, and undoing the batch removes what it created.

// Row 3 (line 3 of the file) has an amount that is not a number.
const CSV = [
  'external_id,kind,occurred_at,amount,currency,description',
  'imp_1,sale,2026-10-05,19.99,USD,First sale',
  'imp_2,sale,2026-10-06,twelve,USD,Bad amount',
  'imp_3,adjustment,2026-10-07,-5.00,USD,Correction',
  '',
].join('\n');

const session = browserModeSession();

const rowCount = (page: Page) => page.getByTestId('row-count').getAttribute('data-row-count');

describe.skipIf(!HAS_CHROMIUM)('the import wizard in browser mode', () => {
  it('the wizard in Chromium imports a file, shows an error row, undoes the batch', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, [{ externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', payee: 'Ada' }]);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await expect.poll(() => rowCount(page)).toBe('1');

    // A file dropped anywhere opens the wizard with it.
    const wizard = await openWizardWithFile(page, 'october.csv', CSV);
    expect(await page.getByTestId('import-file-name').innerText()).toContain('october.csv');
    expect(await page.getByTestId('import-entity').inputValue()).toBe('revenues');
    await page.getByTestId('import-next').click();

    // Detected format, and the mapping guessed from the header's names.
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByTestId('import-delimiter-reason').innerText()).toMatch(/comma/i);
    expect(await page.getByTestId('import-header').locator('li').allInnerTexts()).toEqual(['external_id', 'kind', 'occurred_at', 'amount', 'currency', 'description']);
    for (const field of ['external_id', 'kind', 'occurred_at', 'amount', 'currency', 'description']) {
      expect(await page.getByTestId(`map-${field}`).inputValue()).toBe(`column:${field}`);
    }
    // The preview marks the bad row before anything is written.
    await expect.poll(() => page.getByTestId('import-preview').getAttribute('data-problem-rows')).toBe('1');
    await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
    await page.getByTestId('import-next').click();

    // Questions only if the file left one open (this one should not); answer them the plain way.
    if (await page.locator('.wizard-body[data-step=questions]').count()) {
      for (const answer of ['answer-number_convention-dot', 'answer-date_format-YYYY-MM-DD']) {
        if (await page.getByTestId(answer).count()) await page.getByTestId(answer).check();
      }
      await page.getByTestId('import-next').click();
    }

    // Check: nothing written, one error row listed.
    const checked = await checkValidRows(page);
    expect(await checked.getAttribute('data-created')).toBe('2');
    expect(await checked.getAttribute('data-error')).toBe('1');
    await expect.poll(() => page.getByTestId('import-problems').locator('[role=gridcell][col-id=message]').allInnerTexts()).toHaveLength(1);
    expect(await callOk<{ rowCount: number }>(core, 'revenues.list', { orgId: 'org-parent', period: '2026-10', startRow: 0, endRow: 10 })).toMatchObject({
      rowCount: 1,
    });

    // Commit: the valid rows land as one batch.
    const committed = await commitImport(page);
    expect(await committed.getAttribute('data-created')).toBe('2');
    expect(await committed.getAttribute('data-error')).toBe('1');
    const batchId = await resultBatchId(page);
    expect(batchId).toBeGreaterThan(0);

    // Closing the wizard: the Revenues grid behind it has read its rows again.
    await page.keyboard.press('Escape');
    await expect.poll(() => wizard.count()).toBe(0);
    await expect.poll(() => rowCount(page)).toBe('3');

    // The Imports screen lists the batch; it opens on its outcomes, error row included.
    await page.getByTestId('area-imports').click();
    const batches = page.getByTestId('batches-grid');
    await batches.locator(`[role=row][row-id="${batchId}"]`).first().click();
    const outcomes = page.getByTestId('outcomes-grid');
    await expect.poll(() => outcomes.getAttribute('data-row-count')).toBe('3');
    const errorRow = outcomes.locator('[role=row]', { has: page.locator('.outcome-error') }).first();
    await errorRow.waitFor();
    expect(await errorRow.locator('[col-id=column]').innerText()).toBe('amount');
    expect(await errorRow.locator('[col-id=externalId]').innerText()).toBe('imp_2');
    // The message in words, and under it the details line with the code and the record's field.
    expect(await errorRow.getByTestId('outcome-details').innerText()).toBe('error · field amount');
    await page.screenshot({ path: 'test-results/import-outcome-details.png' });

    // Undo, after a confirmation; the created rows are gone from the workspace.
    await undoOpenBatch(page, 2);
    await expect.poll(() => page.getByTestId('batch-facts').getAttribute('data-status')).toBe('undone');
    // The rows say what undo did: the created ones were removed; the error row stays an error.
    await expect
      .poll(async () => (await outcomes.locator('[role=gridcell][col-id=outcome]').allInnerTexts()).sort())
      .toEqual(['Error', 'Removed by undo', 'Removed by undo']);
    const remaining = workspace.db.prepare("SELECT count(*) FROM revenues WHERE external_id IN ('imp_1', 'imp_3')").pluck().get();
    expect(remaining).toBe(0);
    expect(await callOk<ImportBatchRow>(core, 'imports.get', { batchId })).toMatchObject({ status: 'undone', created: 2, error: 1 });
    expect(await page.getByTestId('undo-batch').isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
