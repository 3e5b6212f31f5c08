import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { dropFile } from './drop-file';

// The import wizard's steps as the e2e tests walk them, so each test keeps only what it checks.

/** Drops the file on the window and waits for the wizard it opens. */
export async function openWizardWithFile(page: Page, name: string, text: string): Promise<Locator> {
  await dropFile(page, name, text);
  const wizard = page.getByTestId('import-wizard');
  await wizard.waitFor();
  return wizard;
}

/** Screenshots the page into CLOSEBOOK_SCREENSHOTS when that folder is given (to look at the screens); else nothing. */
export async function screenshotIfAsked(page: Page, name: string): Promise<void> {
  const folder = process.env.CLOSEBOOK_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, name) });
}

/** Picks the entity on the file step; its hint must say what the entity is. */
export async function chooseEntity(page: Page, entity: string, hint: RegExp): Promise<void> {
  await page.getByTestId('import-entity').selectOption(entity);
  expect(await page.locator('#import-entity-hint').innerText()).toMatch(hint);
}

/** Goes from the file step to the mapping and waits until the built-in profile matched by the header is applied. */
export async function nextToProfileMapping(page: Page, profile: string): Promise<void> {
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-mapping').waitFor();
  await expect.poll(() => page.getByTestId('import-profile-applied').getAttribute('data-profile')).toBe(profile);
}

/** Checks with "import the valid rows" chosen; returns the check's counts (nothing is written yet). */
export async function checkValidRows(page: Page): Promise<Locator> {
  await page.getByTestId('on-error-skip').check();
  await page.getByTestId('import-check').click();
  const checked = page.locator('[data-testid=import-counts][data-phase=check]');
  await checked.waitFor();
  return checked;
}

/** Commits the checked file; returns the commit's counts once they are shown. */
export async function commitImport(page: Page): Promise<Locator> {
  await page.getByTestId('import-commit').click();
  const committed = page.locator('[data-testid=import-counts][data-phase=commit]');
  await committed.waitFor({ timeout: 30_000 });
  return committed;
}

/** The id of the batch the wizard's result names. */
export async function resultBatchId(page: Page): Promise<number> {
  return Number(await page.getByTestId('import-result').getAttribute('data-batch-id'));
}

/** Undoes the batch open on the Imports screen, after its confirmation; waits until the result says how many were removed. */
export async function undoOpenBatch(page: Page, removed: number): Promise<void> {
  await page.getByTestId('undo-batch').click();
  await page.getByTestId('undo-confirm-button').click();
  await expect.poll(() => page.getByTestId('undo-result').getAttribute('data-removed')).toBe(String(removed));
}
