import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import { dropFile } from '../support/drop-file';

// Issue 16, item 15, in Chromium: a profile's mapping can be read in the panel, a built-in
// profile copied to a saved one, descriptions are shown whole; in dark mode a disabled
// button looks disabled (no fill).

// Runs in the page; the test's own types are Node's, which lack it.
declare const getComputedStyle: (element: unknown) => { backgroundColor: string; color: string };

const session = browserModeSession();

describe.skipIf(!HAS_CHROMIUM)('the mapping profiles panel', () => {
  it('shows a built-in profile’s mapping, copies it to a saved profile, and shows descriptions whole', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('area-imports').click();
    await page.getByTestId('open-profiles').click();
    const stripe = page.locator('[data-testid=profile-row][data-profile="Stripe itemized balance report"]');
    await stripe.waitFor();
    // The whole description is on screen, not clipped to two lines behind a tooltip.
    const clipped = await stripe.locator('.profile-description').evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(clipped).toBe(false);

    await stripe.getByTestId('profile-view').click();
    const mapping = page.getByTestId('profile-mapping');
    await mapping.waitFor();
    const text = await mapping.innerText();
    expect(text).toContain('column “balance_transaction_id”');
    expect(text).toContain('charge → sale');
    expect(text).toContain('sum check: gross − fee = net');

    await page.getByTestId('profile-copy-name').fill('Stripe (EU account)');
    await page.getByTestId('profile-copy').click();
    await expect.poll(() => page.getByTestId('profiles-note').innerText()).toContain('Copied to the saved profile “Stripe (EU account)”');
    const copy = page.locator('[data-testid=profile-row][data-profile="Stripe (EU account)"]');
    await copy.waitFor();
    expect(await copy.getAttribute('data-built-in')).toBe('false');
    const saved = workspace.db.prepare("SELECT entity FROM import_profiles WHERE name = 'Stripe (EU account)'").pluck().get();
    expect(saved).toBe('revenues');
    expect(pageErrors).toEqual([]);
  });

  it('in dark mode a disabled button has no fill and dimmed text', { timeout: 60_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, server } = await session.open(core, { colorScheme: 'dark' });
    await page.goto(server.url);
    await page.getByTestId('area-imports').click();
    await page.getByTestId('open-import-wizard').click();
    const next = page.getByTestId('import-next');
    await next.waitFor();
    expect(await next.isDisabled()).toBe(true);
    const style = await next.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color };
    });
    expect(style.background).toBe('rgba(0, 0, 0, 0)');
    expect(style.color).not.toBe('rgb(255, 255, 255)');
  });

  it('saving a mapping under a built-in profile’s name says so beside the name, in view, with the code in a details line', { timeout: 60_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, pageErrors, server } = await session.open(core);
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(server.url);
    await dropFile(page, 'f.csv', 'external_id,kind,occurred_at,amount,currency\nx1,sale,2026-10-05,1.00,USD\n');
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').waitFor();
    await page.getByText('Save this mapping as a profile…').click();
    await page.getByTestId('profile-name').fill('Stripe itemized balance report');
    await page.getByTestId('profile-save').click();
    const error = page.getByTestId('profile-name-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^"Stripe itemized balance report" is a built-in profile and cannot be replaced; save your version under another name\.\n+Details: profile\.name is the name of a built-in profile · profile_built_in · /);
    await expect.poll(() => error.locator('p').first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= 900; })).toBe(true);
    expect(await page.getByTestId('profile-name').getAttribute('aria-invalid')).toBe('true');
    expect(pageErrors).toEqual([]);
  });
});
