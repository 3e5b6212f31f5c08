import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Issue 16, item 7: the Record column of a batch's outcomes (revenues, payees, products) opens the record (a click, or
// Enter on the cell), as the workspace holds it now; after an undo it says the record is gone.

const session = browserModeSession();

const CSV = ['Txn,Type,When,Gross,Ccy', 'imp_1,sale,2026-10-05,19.99,USD', 'imp_2,sale,2026-10-06,0.125,USD', 'imp_3,Verkauf,2026-10-07,5.00,USD', ''].join('\n');

describe.skipIf(!HAS_CHROMIUM)('an outcome’s record opens', () => {
  it('opens the record from its Record cell by click and by Enter, names the file’s column, and says when undo removed it', { timeout: 90_000 }, async () => {
    const { workspace, core, dir } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const path = join(dir, 'october.csv');
    writeFileSync(path, CSV);
    const mapping = { numberConvention: 'dot', columns: { external_id: 'Txn', kind: 'Type', occurred_at: 'When', amount: 'Gross', currency: 'Ccy' } };
    const commit = await callOk<ImportCommitResult>(core, 'imports.commit', { orgId: 'org-parent', entity: 'revenues', path, mapping, onError: 'skip' });
    const ids = workspace.db.prepare('SELECT external_id, id FROM revenues ORDER BY id').raw(true).all() as Array<[string, number]>;
    const idOf = Object.fromEntries(ids);

    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('area-imports').click();
    await page.getByTestId('batches-grid').locator(`[role=row][row-id="${commit.batchId}"]`).first().click();
    const outcomes = page.getByTestId('outcomes-grid');
    await expect.poll(() => outcomes.getAttribute('data-row-count')).toBe('3');

    // The error row names the column as the file calls it.
    const errorRow = outcomes.locator('[role=row]', { has: page.locator('.outcome-error') }).first();
    expect(await errorRow.locator('[col-id=column]').innerText()).toBe('Type');

    // A click on row 3's record (imp_2) opens it, the amount exact.
    await outcomes.locator(`[data-record-id="${idOf.imp_2}"]`).click();
    const fields = page.getByTestId('record-fields');
    await expect.poll(() => fields.getAttribute('data-external-id')).toBe('imp_2');
    expect(await fields.getAttribute('data-amount')).toBe('0.125');
    expect(await page.getByTestId('record-dialog').innerText()).toContain('Named by row 3 of batch');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('record-dialog').count()).toBe(0);

    // Keyboard: Enter on the focused Record cell of row 2 opens imp_1.
    await outcomes.locator(`[data-record-id="${idOf.imp_1}"]`).locator('xpath=ancestor::*[@role="gridcell"][1]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => fields.getAttribute('data-external-id')).toBe('imp_1');
    await page.getByTestId('record-dialog').getByRole('button', { name: 'Close', exact: true }).click();

    // After undo the record is gone, and the dialog says so in words.
    await page.getByTestId('undo-batch').click();
    await page.getByTestId('undo-confirm-button').click();
    await expect.poll(() => page.getByTestId('batch-facts').getAttribute('data-status')).toBe('undone');
    await outcomes.locator(`[data-record-id="${idOf.imp_1}"]`).click();
    await expect.poll(() => page.getByTestId('record-dialog').innerText()).toContain('an undo removed it');
    expect(pageErrors).toEqual([]);
  });

  it('opens a payee and a product named by their batches, with their fields as stored now', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const payees = await callOk<BatchResponse>(core, 'payees.batch', {
      orgId: 'org-parent',
      records: [{ external_id: 'pe_ada', name: 'Ada Lovelace', email: 'ada@example.com', payout_currency: 'EUR', on_hold: 'yes', hold_reason: 'Tax form missing' }],
    });
    const products = await callOk<BatchResponse>(core, 'products.batch', { orgId: 'org-parent', records: [{ external_id: 'pr_atlas', name: 'Atlas', category: 'Books', tags: ['print'] }] });
    const payeeId = (workspace.db.prepare("SELECT id FROM payees WHERE external_id = 'pe_ada'").get() as { id: number }).id;
    const productId = (workspace.db.prepare("SELECT id FROM products WHERE external_id = 'pr_atlas'").get() as { id: number }).id;

    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('area-imports').click();
    // Payee and product batches write no month: they are listed under All periods.
    await page.getByTestId('period-picker').selectOption({ label: 'All periods' });
    const outcomes = page.getByTestId('outcomes-grid');
    const dialog = page.getByTestId('record-dialog');
    for (const [batchId, id, externalId, shown] of [
      [payees.meta.batch_id, payeeId, 'pe_ada', ['Payee record', 'Ada Lovelace', 'On hold: Tax form missing', 'EUR']],
      [products.meta.batch_id, productId, 'pr_atlas', ['Product record', 'Atlas', 'Books', 'print', 'Active']],
    ] as const) {
      await page.getByTestId('batches-grid').locator(`[role=row][row-id="${batchId}"]`).first().click();
      await outcomes.locator(`[data-record-id="${id}"]`).click();
      await expect.poll(() => page.getByTestId('record-fields').getAttribute('data-external-id')).toBe(externalId);
      const text = await dialog.innerText();
      for (const words of shown) expect(text).toContain(words);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    }
    expect(pageErrors).toEqual([]);
  });
});
