import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Org } from '../../src/shared/contract/orgs';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import type { CoreHost } from '../../src/main/core/host';

// Organization settings in Chromium: a child org created, renamed, moved nowhere it cannot
// go; each refusal (a taken sibling name, a currency change on an org with revenues, an
// empty name, an unknown code) shown next to its field, with nothing changed.

const session = browserModeSession();

const listOrgs = async (core: CoreHost) => (await callOk<{ orgs: Org[] }>(core, 'orgs.list', {})).orgs;
const row = (page: Page, name: string) => page.getByTestId('org-row').filter({ has: page.getByText(name, { exact: true }) });

describe.skipIf(!HAS_CHROMIUM)('Organization settings in browser mode', () => {
  it('creates and renames a child org; refusals stay next to their field and change nothing', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, [{ externalId: 'r1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00', payee: 'Ada' }]);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('row-count').waitFor();

    // Alt+9 opens Organizations, the last area (Rules came before it).
    await page.keyboard.press('Alt+Digit9');
    await page.getByTestId('orgs-page').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Organizations');
    expect(await page.getByTestId('org-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-depth')}:${r.querySelector('.org-name')?.textContent}`))).toEqual([
      '0:Parent Org',
      '1:Child Org',
    ]);
    expect(await page.getByTestId('org-id').inputValue()).toBe('org-parent');

    // A child of the selected org.
    await page.getByTestId('add-child-org').click();
    expect(await page.getByTestId('org-parent').inputValue()).toBe('org-parent');
    await page.getByTestId('org-name').fill('Retail EU');
    await page.getByTestId('org-currency').fill('EUR');
    await page.getByTestId('create-org-submit').click();
    await page.getByTestId('org-created').waitFor();
    await expect.poll(() => row(page, 'Retail EU').getAttribute('data-depth')).toBe('1');
    const child = (await listOrgs(core)).find((o) => o.name === 'Retail EU')!;
    expect(child).toMatchObject({ parentId: 'org-parent', currency: 'EUR' });
    // The new org is selected, its id shown to copy.
    expect(await page.getByTestId('org-id').inputValue()).toBe(child.id);

    // Rename it.
    await page.getByTestId('org-edit-name').fill('Retail Europe');
    await page.getByTestId('org-save').click();
    await expect.poll(() => page.getByTestId('org-save-status').innerText()).toBe('Saved.');
    await row(page, 'Retail Europe').waitFor();
    expect((await listOrgs(core)).find((o) => o.id === child.id)?.name).toBe('Retail Europe');
    // The sidebar's switcher follows.
    expect(await page.getByTestId('org-switcher').locator('option').allInnerTexts()).toContain('└ Retail Europe');

    // A sibling's name is taken: the error is under the name field; nothing changed.
    await page.getByTestId('org-edit-name').fill('Child Org');
    await page.getByTestId('org-save').click();
    const nameError = page.getByTestId('org-edit-name-error');
    await nameError.waitFor();
    expect(await nameError.innerText()).toMatch(/already an organization named "Child Org"/);
    expect(await page.getByTestId('org-edit-name').getAttribute('aria-invalid')).toBe('true');
    expect((await listOrgs(core)).find((o) => o.id === child.id)?.name).toBe('Retail Europe');
    await page.getByTestId('org-discard').click();
    expect(await page.getByTestId('org-edit-name').inputValue()).toBe('Retail Europe');
    expect(await nameError.count()).toBe(0);

    // The same in the create form.
    const before = await listOrgs(core);
    await row(page, 'Parent Org').getByTestId('org-row-name').click();
    await page.getByTestId('add-child-org').click();
    await page.getByTestId('org-name').fill('Child Org');
    await page.getByTestId('create-org-submit').click();
    await page.getByTestId('org-name-error').waitFor();
    expect(await page.getByTestId('org-name-error').innerText()).toMatch(/already an organization named "Child Org"/);
    expect(await listOrgs(core)).toEqual(before);

    // Bad input in the create form: an empty name, an unknown currency; both named.
    await page.getByTestId('new-org').click();
    expect(await page.getByTestId('org-parent').inputValue()).toBe('');
    await page.getByTestId('org-name').fill('   ');
    await page.getByTestId('org-currency').fill('USX');
    await page.getByTestId('create-org-submit').click();
    await page.getByTestId('org-name-error').waitFor();
    expect(await page.getByTestId('org-name-error').innerText()).toBe('Must not be empty.');
    expect(await page.getByTestId('org-currency-error').innerText()).toContain('USX');
    expect(await listOrgs(core)).toEqual(before);
    await page.getByTestId('org-name').fill('Second Company');
    await page.getByTestId('org-currency').fill('JPY');
    await page.getByTestId('create-org-submit').click();
    await row(page, 'Second Company').waitFor();
    expect((await listOrgs(core)).find((o) => o.name === 'Second Company')).toMatchObject({ parentId: null, currency: 'JPY' });

    // The parent holds revenues: its currency stays, and the form says why.
    await row(page, 'Parent Org').getByTestId('org-row-name').click();
    await page.getByTestId('org-edit-currency').fill('EUR');
    await page.getByTestId('org-save').click();
    const currencyError = page.getByTestId('org-edit-currency-error');
    await currencyError.waitFor();
    expect(await currencyError.innerText()).toMatch(/revenues/);
    expect((await listOrgs(core)).find((o) => o.id === 'org-parent')?.currency).toBe('USD');
    expect(await row(page, 'Parent Org').getByTestId('org-row-currency').innerText()).toBe('USD');

    // An org without money rows can change it.
    await row(page, 'Retail Europe').getByTestId('org-row-name').click();
    await page.getByTestId('org-edit-currency').fill('GBP');
    await page.getByTestId('org-save').click();
    await expect.poll(() => row(page, 'Retail Europe').getByTestId('org-row-currency').innerText()).toBe('GBP');

    // The time zone: a name that is no zone is refused beside the field; an IANA name is kept as the runtime spells it.
    await page.getByTestId('org-edit-time-zone').fill('PST8PDX');
    await page.getByTestId('org-save').click();
    const zoneError = page.getByTestId('org-edit-time-zone-error');
    await zoneError.waitFor();
    expect(await zoneError.innerText()).toContain('"PST8PDX" is not a time zone');
    await page.getByTestId('org-edit-time-zone').fill('america/los_angeles');
    await page.getByTestId('org-save').click();
    await expect.poll(async () => (await listOrgs(core)).find((o) => o.name === 'Retail Europe')?.timeZone).toBe('America/Los_Angeles');
    expect(await page.getByTestId('org-edit-time-zone').inputValue()).toBe('America/Los_Angeles');
    expect(pageErrors).toEqual([]);
  });
});
