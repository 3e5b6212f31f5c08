import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILT_IN_PROFILES } from '../../src/main/imports/profiles/built-in-profiles';
import type { MappingProfile } from '../../src/shared/contract/import-files';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { LOCAL, callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Mapping profiles in Debian's Chromium, against browser mode: the Imports screen's
// Profiles panel exports a built-in profile as a download, imports it back under another
// name, shows why a bad file is refused, and deletes a saved profile; in the wizard, a
// layout rule is fixed and edited, and the preview follows.

const session = browserModeSession();

const STRIPE = BUILT_IN_PROFILES[0];
const rowOf = (page: Page, name: string) => page.locator(`[data-testid=profile-row][data-profile="${name}"]`);
const profileNames = (page: Page) => page.getByTestId('profile-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-profile')));

async function openProfiles(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('area-imports').click();
  await page.getByTestId('open-profiles').click();
  await page.getByTestId('profiles-table').waitFor();
}

/** Picks a file in the panel's import button (browser mode: a file input, then an upload). */
function pickProfileFile(page: Page, name: string, text: string) {
  return page.getByTestId('profiles-panel').getByTestId('profile-import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe.skipIf(!HAS_CHROMIUM)('mapping profiles in browser mode', () => {
  it('the Profiles panel exports a built-in profile, imports it back under another name, refuses bad files, deletes a saved one', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, pageErrors, server } = await session.open(core);
    await openProfiles(page, server.url);
    expect(await profileNames(page)).toEqual(BUILT_IN_PROFILES.map((p) => p.name));
    // Built-ins list their header and cannot be deleted.
    const stripeRow = rowOf(page, STRIPE.name);
    expect(await stripeRow.getAttribute('data-built-in')).toBe('true');
    expect(await stripeRow.getByTestId('profile-header').getAttribute('data-columns')).toBe(String(STRIPE.header.length));
    expect(await stripeRow.getByTestId('profile-delete').count()).toBe(0);

    // Export: a download of the exported form, the profile exactly as stored.
    const [download] = await Promise.all([page.waitForEvent('download'), stripeRow.getByTestId('profile-export').click()]);
    expect(download.suggestedFilename()).toBe('stripe-itemized-balance-report.profile.json');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(text)).toEqual({ format: 'closebook-mapping-profile', version: 1, profile: STRIPE });
    expect(await page.getByTestId('profiles-note').innerText()).toContain('downloaded as “stripe-itemized-balance-report.profile.json”');

    // Import it back: the name is a built-in's, so the panel asks for another one.
    await pickProfileFile(page, 'stripe-itemized-balance-report.profile.json', text);
    const clash = page.getByTestId('profile-clash');
    await clash.waitFor();
    expect(await clash.innerText()).toContain(`holds the profile “${STRIPE.name}”, but a built-in profile already has that name`);
    expect(await page.getByTestId('profile-clash-name').inputValue()).toBe(`${STRIPE.name} (2)`);
    // A name in use is refused here too, never silently replaced.
    await page.getByTestId('profile-clash-name').fill('paypal ACTIVITY download');
    await page.getByTestId('profile-clash-import').click();
    await expect.poll(() => clash.getByTestId('error-notice').innerText()).toContain('There is already a built-in profile named “PayPal activity download”');
    await page.getByTestId('profile-clash-name').fill('Stripe (EU account)');
    await page.getByTestId('profile-clash-import').click();
    await expect.poll(() => page.getByTestId('profile-import-status').innerText()).toBe('Imported “Stripe (EU account)”, a profile for revenues.');
    await rowOf(page, 'Stripe (EU account)').waitFor();
    expect(await rowOf(page, 'Stripe (EU account)').getAttribute('data-built-in')).toBe('false');
    expect(await callOk<MappingProfile>(core, 'profiles.get', { name: 'Stripe (EU account)' })).toEqual({ ...STRIPE, name: 'Stripe (EU account)', builtIn: false });

    // Bad files: the error names the file and the problem; nothing is saved.
    await pickProfileFile(page, 'notes.json', 'name: my profile');
    const error = page.getByTestId('profiles-panel').getByTestId('error-notice');
    await expect.poll(() => error.innerText()).toContain('“notes.json” was not imported');
    expect(await error.innerText()).toMatch(/not valid JSON/);
    await pickProfileFile(page, 'colour.json', JSON.stringify({ format: 'closebook-mapping-profile', version: 1, profile: { ...STRIPE, name: 'Colour', colour: 'red' } }));
    await expect.poll(() => error.innerText()).toContain('“colour.json” was not imported');
    expect(await error.innerText()).toContain('profile.colour: is not a field of a mapping profile');
    await pickProfileFile(page, 'grid.json', JSON.stringify({ rows: [], columns: ['a'] }));
    await expect.poll(() => error.innerText()).toContain('it has none of name, entity, description, header, mapping');
    expect(await profileNames(page)).toEqual([...BUILT_IN_PROFILES.map((p) => p.name), 'Stripe (EU account)']);

    // Delete the saved one, after a confirmation that can be declined.
    await rowOf(page, 'Stripe (EU account)').getByTestId('profile-delete').click();
    await page.getByTestId('profile-delete-confirm').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('profile-delete-confirm').count()).toBe(0);
    expect(await page.getByTestId('profiles-panel').count()).toBe(1);
    await rowOf(page, 'Stripe (EU account)').getByTestId('profile-delete').click();
    await page.getByTestId('profile-delete-confirm-button').click();
    await expect.poll(() => rowOf(page, 'Stripe (EU account)').count()).toBe(0);
    expect(await page.getByTestId('profiles-note').innerText()).toBe('Deleted “Stripe (EU account)”.');
    expect((await core.call('profiles.get', { name: 'Stripe (EU account)' }, LOCAL).result).ok).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('the wizard imports a profile file, shows why its rule does not fit the file, and the preview follows a rule edited', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    // A colleague's profile for a processor's report, made when its total column was "Net total".
    const profileFile = JSON.stringify({
      format: 'closebook-mapping-profile',
      version: 1,
      profile: {
        name: 'Processor report',
        entity: 'revenues',
        header: ['external_id', 'kind', 'occurred_at', 'gross', 'fee', 'Net total', 'currency'],
        mapping: {
          columns: { external_id: 'external_id', kind: 'kind', occurred_at: 'occurred_at', amount: 'gross', currency: 'currency' },
          dateFormat: 'YYYY-MM-DD',
          numberConvention: 'dot',
          sumCheck: { parts: ['gross'], subtract: ['fee'], total: 'Net total' },
        },
      },
    });
    // This month's export calls it "net"; row 3 does not add up (20.00 - 1.00 is not 18.00).
    const csv = ['external_id,kind,occurred_at,gross,fee,net,currency', 'p_1,sale,2026-10-05,10.00,0.50,9.50,USD', 'p_2,sale,2026-10-06,20.00,1.00,18.00,USD', ''].join('\n');
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('area-imports').click();
    await page.getByTestId('open-import-wizard').click();
    await page.getByTestId('import-file-input').setInputFiles({ name: 'october.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').waitFor();
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.getAttribute('data-problem-rows')).toBe('0');

    // The profile file is imported from the wizard and chosen for this file at once.
    await page.getByTestId('import-wizard').getByTestId('profile-import-input').setInputFiles({ name: 'processor.json', mimeType: 'application/json', buffer: Buffer.from(profileFile) });
    await expect.poll(() => page.getByTestId('import-profile').inputValue()).toBe('Processor report');
    expect(await page.getByTestId('import-wizard').getByTestId('profile-import-status').innerText()).toContain('Imported “Processor report”');
    expect(await callOk<MappingProfile>(core, 'profiles.get', { name: 'Processor report' })).toMatchObject({ builtIn: false, mapping: { sumCheck: { total: 'Net total' } } });
    // Its sum check names a column this file lacks: the rule says so, in the server's words.
    const sumCheck = page.getByTestId('rule-sumCheck');
    await expect.poll(() => sumCheck.getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('rule-sumCheck-problems').innerText()).toContain('the file has no column "Net total"');
    expect(await page.getByTestId('rule-sumCheck-total').inputValue()).toBe('Net total');

    // Fix it: the total is "net". The check applies, and the preview marks the row that does not add up.
    await page.getByTestId('rule-sumCheck-total').selectOption('net');
    await expect.poll(() => sumCheck.getAttribute('data-state')).toBe('applied');
    expect(await page.getByTestId('rule-sumCheck-summary').innerText()).toBe('A row is refused unless “gross” − “fee” = “net”.');
    await expect.poll(() => preview.getAttribute('data-problem-rows')).toBe('1');
    expect(await preview.locator('[row-id="3"] [col-id=problem]').innerText()).toMatch(/does not add up/);

    // An incomplete edit is held back with its reason, and the preview runs without the rule.
    await page.getByTestId('rule-sumCheck-subtract').getByLabel('fee', { exact: true }).uncheck();
    await expect.poll(() => sumCheck.getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('rule-sumCheck-problems').innerText()).toContain('at least two columns besides the total');
    await expect.poll(() => preview.getAttribute('data-problem-rows')).toBe('0');
    await page.getByTestId('rule-sumCheck-subtract').getByLabel('fee', { exact: true }).check();
    await expect.poll(() => preview.getAttribute('data-problem-rows')).toBe('1');

    // Another file: the store export's external ID loses its line position when the option is cleared.
    await page.getByTestId('import-back').click();
    await page.getByTestId('import-file-input').setInputFiles('test/fixtures/imports/shopify-orders.csv');
    await page.getByTestId('import-next').click();
    await expect.poll(() => page.getByTestId('stored-external_id').innerText()).toBe('#1001:NB-A5:1');
    expect(await page.getByTestId('rule-externalIdFrom').getAttribute('data-state')).toBe('applied');
    await page.getByTestId('rule-externalIdFrom-linePosition').uncheck();
    await expect.poll(() => page.getByTestId('stored-external_id').innerText()).toBe('#1001:NB-A5');
    await expect.poll(() => preview.locator('[row-id="3"] [col-id="stored:external_id"]').innerText()).toBe('#1001:PEN-01');
    // Turning the rule off leaves external_id to be mapped from one column again.
    await page.getByTestId('rule-externalIdFrom-toggle').uncheck();
    await expect.poll(() => page.getByTestId('map-external_id').inputValue()).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
