import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Org } from '../../src/shared/contract/orgs';
import { startCore } from '../../src/main/core/host';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { callOk, tempDir, tempWorkspace } from '../support/temp-workspace';

// A brand-new workspace file, as a new user meets it: the welcome panel, then either an
// org of one's own and its first revenue file through the import wizard, or the demo data.

const CSV = [
  'external_id,kind,occurred_at,amount,currency,description',
  'fr_1,sale,2026-10-05,19.99,USD,First sale',
  'fr_2,sale,2026-10-06,5.01,USD,Second sale',
  'fr_3,adjustment,2026-10-07,-5.00,USD,Correction',
  '',
].join('\n');

const session = browserModeSession();

const rowCount = (page: Page) => page.getByTestId('row-count').getAttribute('data-row-count');

describe.skipIf(!HAS_CHROMIUM)('the first run in browser mode', () => {
  it('creates an org from the welcome panel, imports a revenue file through the wizard and shows its rows and totals', { timeout: 90_000 }, async () => {
    const { core } = tempWorkspace();
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);

    // The empty workspace opens on the welcome panel, on every screen.
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    expect(await page.locator('h1').innerText()).toBe('Welcome to Closebook');
    await page.getByTestId('area-imports').click();
    await welcome.waitFor();
    await page.getByTestId('area-revenues').click();

    await page.getByTestId('org-name').fill('Acme Books');
    await page.getByTestId('org-currency').fill('usd'); // typed letters go in as capitals
    expect(await page.getByTestId('org-currency').inputValue()).toBe('USD');
    await page.getByTestId('create-org-submit').click();

    // Straight into the import wizard, for revenues, with the new org chosen.
    const wizard = page.getByTestId('import-wizard');
    await wizard.waitFor();
    const { orgs } = await callOk<{ orgs: Org[] }>(core, 'orgs.list', {});
    expect(orgs).toMatchObject([{ name: 'Acme Books', currency: 'USD', parentId: null }]);
    expect(await page.getByTestId('org-switcher').inputValue()).toBe(orgs[0].id);
    expect(await page.getByTestId('import-entity').inputValue()).toBe('revenues');
    expect(await welcome.count()).toBe(0);

    await page.getByTestId('import-file-input').setInputFiles({ name: 'october.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').waitFor();
    await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
    await page.getByTestId('import-next').click();
    if (await page.locator('.wizard-body[data-step=questions]').count()) {
      for (const answer of ['answer-number_convention-dot', 'answer-date_format-YYYY-MM-DD']) {
        if (await page.getByTestId(answer).count()) await page.getByTestId(answer).check();
      }
      await page.getByTestId('import-next').click();
    }
    await page.getByTestId('import-check').click();
    await page.locator('[data-testid=import-counts][data-phase=check]').waitFor();
    await page.getByTestId('import-commit').click();
    const committed = page.locator('[data-testid=import-counts][data-phase=commit]');
    await committed.waitFor({ timeout: 30_000 });
    expect(await committed.getAttribute('data-created')).toBe('3');
    await page.keyboard.press('Escape');
    await expect.poll(() => wizard.count()).toBe(0);

    // The Revenues screen, without a restart: the file's rows and their total.
    expect(await page.locator('h1').innerText()).toBe('Revenues');
    await expect.poll(() => rowCount(page)).toBe('3');
    const grid = page.getByTestId('revenues-grid');
    await expect
      .poll(async () => (await grid.locator('[role=gridcell][col-id=externalId]').allInnerTexts()).sort())
      .toEqual(['fr_1', 'fr_2', 'fr_3']);
    const total = page.getByTestId('totals').locator('[data-currency=USD]');
    expect(Number(await total.getAttribute('data-amount'))).toBe(20);
    expect(await total.innerText()).toContain('20.00');
    expect(pageErrors).toEqual([]);
  });

  it('loads the demo data with progress, after a cancel that left the workspace empty', { timeout: 120_000 }, async () => {
    // The core on its worker thread, as `closebook web` runs it: progress streams while the
    // demo is written, and Cancel reaches the job mid-write.
    const core = await startCore({ workspacePath: join(tempDir(), 'new.closebook') });
    try {
      const { page, pageErrors, server } = await session.open(core);
      await page.goto(server.url);
      await page.getByTestId('welcome').waitFor();
      const demo = page.getByTestId('welcome-demo');
      const done = () => demo.locator('.job-progress-text').getAttribute('data-done').then(Number);

      await demo.getByTestId('load-demo').click();
      await demo.getByTestId('import-progress').waitFor();
      await expect.poll(done, { timeout: 30_000 }).toBeGreaterThan(0);
      await demo.getByTestId('import-cancel').click();
      await demo.getByTestId('demo-cancelled').waitFor();
      expect(await callOk<{ orgs: Org[] }>(core, 'orgs.list', {})).toEqual({ orgs: [] });
      expect(await page.getByTestId('welcome').count()).toBe(1);

      const started = Date.now();
      await demo.getByTestId('load-demo').click();
      await expect.poll(done, { timeout: 30_000 }).toBeGreaterThan(0);
      // The panel gives way to the Revenues screen once the demo is in.
      await page.getByTestId('revenues-grid').locator('[role=gridcell][col-id=externalId]').first().waitFor({ timeout: 60_000 });
      console.log(`demo.load to a filled Revenues grid: ${Date.now() - started} ms`);
      expect(Number(await rowCount(page))).toBeGreaterThan(0);
      expect(await page.getByTestId('welcome').count()).toBe(0);
      const options = await page.getByTestId('org-switcher').locator('option').allInnerTexts();
      expect(options).toHaveLength(3);
      expect(options[0]).toBe('Northwind Holdings');

      // Loading it again is refused: the workspace is no longer empty.
      const refused = await core.call('demo.load', {}, { name: 'test', permissions: 'all' }).result;
      expect(refused).toMatchObject({ ok: false, error: { code: 'workspace_not_empty' } });
      expect(pageErrors).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
