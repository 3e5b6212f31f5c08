import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PayeeRow } from '../../src/shared/contract/payees';
import type { ProductRow } from '../../src/shared/contract/products';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// The Payees and Products screens in Chromium: a record created and edited through the side
// panel (a refusal shown under its field, nothing stored), a payee put on hold with a
// reason and a product archived, each seen in the grid and in the workspace.

const session = browserModeSession();
const ORG = 'org-parent';

const gridRow = (page: Page, grid: string, name: string) => page.getByTestId(grid).locator('.ag-row').filter({ has: page.getByText(name, { exact: true }) });

describe.skipIf(!HAS_CHROMIUM)('Payees and Products screens in browser mode', () => {
  it('creates and edits a payee, refuses an unknown payout currency under its field, and holds the payee with a reason', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, [{ externalId: 'r1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', payee: 'Ada' }]);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('area-payees').click();
    await gridRow(page, 'payees-grid', 'Ada').waitFor();

    await page.getByTestId('new-payee').click();
    await page.getByTestId('payee-name').fill('Cleo Prints');
    await page.getByTestId('payee-external_id').fill('pe_cleo');
    await page.getByTestId('payee-phone').fill('+44 20 7946 0958');
    await page.getByTestId('payee-address').fill('1 Fleet St\nLondon');
    await page.getByTestId('payee-payout_currency').fill('XYZ');
    await page.getByTestId('payee-threshold').fill('25');
    await page.getByTestId('payee-save').click();
    await expect.poll(() => page.getByTestId('payee-payout_currency-error').innerText()).toContain('"XYZ" is not an ISO 4217 currency code');
    expect(workspace.db.prepare("SELECT count(*) FROM payees WHERE external_id = 'pe_cleo'").pluck().get()).toBe(0);

    await page.getByTestId('payee-payout_currency').fill('GBP');
    await page.getByTestId('payee-save').click();
    await page.getByTestId('payee-saved').waitFor();
    await gridRow(page, 'payees-grid', 'Cleo Prints').waitFor();
    const created = await callOk<PayeeRow>(core, 'payees.get', { orgId: ORG, externalId: 'pe_cleo' });
    expect(created).toMatchObject({ phone: '+44 20 7946 0958', address: '1 Fleet St\nLondon', payoutCurrency: 'GBP', threshold: '25.00', onHold: false });

    // Edit: the panel now holds the created payee's form.
    await page.getByTestId('payee-name').fill('Cleo Prints Ltd');
    await page.getByTestId('payee-email').fill('cleo@example.com');
    await page.getByTestId('payee-save').click();
    await expect.poll(() => page.getByTestId('payee-saved').innerText()).toBe('Changes saved.');
    await gridRow(page, 'payees-grid', 'Cleo Prints Ltd').waitFor();
    expect(await callOk<PayeeRow>(core, 'payees.get', { orgId: ORG, externalId: 'pe_cleo' })).toMatchObject({ name: 'Cleo Prints Ltd', email: 'cleo@example.com' });

    // Hold: a reason is asked for, then the grid marks the payee and shows why.
    await page.getByTestId('payee-hold-submit').click();
    await page.getByTestId('payee-hold-reason-input-error').waitFor();
    await page.getByTestId('payee-hold-reason-input').fill('Tax form missing');
    await page.getByTestId('payee-hold-submit').click();
    await expect.poll(() => page.getByTestId('payee-hold-reason').innerText()).toBe('Tax form missing');
    await expect.poll(() => gridRow(page, 'payees-grid', 'Cleo Prints Ltd').locator('[col-id=onHold]').innerText()).toBe('On hold');
    expect(await gridRow(page, 'payees-grid', 'Cleo Prints Ltd').locator('[col-id=holdReason]').innerText()).toBe('Tax form missing');
    expect(await callOk<PayeeRow>(core, 'payees.get', { orgId: ORG, externalId: 'pe_cleo' })).toMatchObject({ onHold: true, holdReason: 'Tax form missing', email: 'cleo@example.com' });

    await page.getByTestId('payee-release').click();
    await expect.poll(() => gridRow(page, 'payees-grid', 'Cleo Prints Ltd').locator('[col-id=onHold]').innerText()).toBe('');
    expect(await callOk<PayeeRow>(core, 'payees.get', { orgId: ORG, externalId: 'pe_cleo' })).toMatchObject({ onHold: false, holdReason: null });
    expect(pageErrors).toEqual([]);
  });

  it('creates and edits a product (bad metadata refused under its field) and archives it', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, [{ externalId: 'r1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', product: 'Atlas' }]);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('area-products').click();
    await gridRow(page, 'products-grid', 'Atlas').waitFor();

    await page.getByTestId('new-product').click();
    await page.getByTestId('product-name').fill('Dune');
    await page.getByTestId('product-external_id').fill('pr_dune');
    await page.getByTestId('product-category').fill('Books');
    await page.getByTestId('product-tags').fill('scifi, classic');
    await page.getByTestId('product-metadata').fill('{"isbn": ');
    await page.getByTestId('product-save').click();
    await expect.poll(() => page.getByTestId('product-metadata-error').innerText()).toContain('not valid JSON');
    expect(workspace.db.prepare("SELECT count(*) FROM products WHERE external_id = 'pr_dune'").pluck().get()).toBe(0);

    await page.getByTestId('product-metadata').fill('{"isbn": "978-0441013593"}');
    await page.getByTestId('product-save').click();
    await page.getByTestId('product-saved').waitFor();
    await gridRow(page, 'products-grid', 'Dune').waitFor();
    expect(await gridRow(page, 'products-grid', 'Dune').locator('[col-id=tags]').innerText()).toBe('scifi, classic');

    await page.getByTestId('product-tags').fill('scifi, classic, bestseller');
    await page.getByTestId('product-save').click();
    await expect.poll(() => page.getByTestId('product-saved').innerText()).toBe('Changes saved.');
    await expect.poll(() => gridRow(page, 'products-grid', 'Dune').locator('[col-id=tags]').innerText()).toBe('scifi, classic, bestseller');

    await page.getByTestId('product-archive-button').click();
    await expect.poll(() => gridRow(page, 'products-grid', 'Dune').locator('[col-id=archived]').innerText()).toBe('Archived');
    expect(await callOk<ProductRow>(core, 'products.get', { orgId: ORG, externalId: 'pr_dune' })).toMatchObject({ archived: true, tags: ['scifi', 'classic', 'bestseller'], metadata: { isbn: '978-0441013593' } });

    // Brought back, the mark goes.
    await page.getByTestId('product-unarchive').waitFor();
    await page.getByTestId('product-unarchive').click();
    await expect.poll(() => gridRow(page, 'products-grid', 'Dune').locator('[col-id=archived]').innerText()).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
