import type { Page } from 'playwright-core';
import type { DemoWeb } from './demo-web';

/** The Sync screen of a demo served in browser mode: the page, its uncaught errors and the org shown. */
export async function openSyncScreen(demo: DemoWeb): Promise<{ page: Page; pageErrors: Error[]; orgId: string }> {
  const page = await (await demo.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(demo.url);
  await page.getByTestId('area-sync').click();
  const orgId = await page.getByTestId('org-switcher').inputValue();
  return { page, pageErrors, orgId };
}
