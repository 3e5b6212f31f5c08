import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues, type SeedRevenue } from '../support/seed-revenues';

// How amounts read in Debian's Chromium: in the currency's minor unit, a rounded one marked
// and exact in its tooltip and data-exact; the "Show exact amounts" setting (kept across a
// reload); Ctrl+C on an amount cell copies the exact decimal string; and at 1360 px the
// Amount and Currency columns are both in view, Amount's filter button beside its heading.

const session = browserModeSession();

// Run in the page (page.evaluate); the test's own types are Node's, which lack them.
declare const localStorage: { getItem(key: string): string | null; removeItem(key: string): void };
declare const navigator: { clipboard: { readText(): Promise<string>; writeText: (text: string) => Promise<void> } };
declare const document: { activeElement: { getAttribute(name: string): string | null } | null };

// Enough rows for a vertical scrollbar, so the width check below is the real one.
const FILLER: SeedRevenue[] = Array.from({ length: 40 }, (_, i) => ({
  externalId: `fill_${String(i).padStart(2, '0')}`,
  kind: 'sale',
  occurredAt: `2026-10-${String(2 + (i % 20)).padStart(2, '0')}T12:00:00Z`,
  amount: '1.00',
  payee: 'Filler',
}));

async function openApp(): Promise<{ page: Page; pageErrors: string[] }> {
  const { workspace, core } = tempWorkspace();
  seedOrgWithRevenues(workspace.db, [
    { externalId: 'sub_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '0.125', payee: 'Metered' },
    { externalId: 'jpy_1', kind: 'sale', occurredAt: '2026-10-01T10:00:00Z', amount: '1500.5', currency: 'JPY', payee: 'Tokyo' },
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T11:00:00Z', amount: '10.00', payee: 'Ada' },
    { externalId: 're_1', kind: 'refund', occurredAt: '2026-10-01T12:00:00Z', amount: '-0.125', payee: 'Metered', refundOf: 'sub_1' },
    ...FILLER,
  ]);
  const { page, pageErrors, server } = await session.open(core, {
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1360, height: 900 },
    locale: 'en-US',
  });
  await page.goto(server.url);
  await amountCell(page, 'sub_1').waitFor();
  return { page, pageErrors };
}

/** The Amount cell of the row whose External ID is `externalId`. */
function amountCell(page: Page, externalId: string) {
  return page.locator('[data-testid=revenues-grid] [role=row]', { has: page.locator(`[col-id=externalId]`, { hasText: externalId }) }).locator('[col-id=amount]');
}

const total = (page: Page, currency: string) => page.getByTestId('totals').locator(`[data-currency=${currency}] .money`);

describe.skipIf(!HAS_CHROMIUM)('amounts in browser mode', () => {
  it('shows amounts in minor units, marks the rounded ones and keeps their exact value', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await openApp();
    await page.evaluate(() => localStorage.removeItem('closebook.exactAmounts'));

    const sub = amountCell(page, 'sub_1');
    expect(await sub.innerText()).toBe('$0.13≈');
    const subMoney = sub.locator('.money');
    expect(await subMoney.getAttribute('data-exact')).toBe('0.125');
    expect(await subMoney.getAttribute('data-rounded')).toBe('true');
    expect(await subMoney.getAttribute('title')).toContain('Exact amount: $0.125');
    expect(await amountCell(page, 're_1').innerText()).toBe('-$0.13≈');
    expect(await amountCell(page, 'jpy_1').innerText()).toBe('¥1,501≈');
    expect(await amountCell(page, 'jpy_1').locator('.money').getAttribute('data-exact')).toBe('1500.50'); // as the API sends it
    // An amount that fits its minor unit has no mark and no tooltip.
    const whole = amountCell(page, 'ch_1').locator('.money');
    expect(await whole.innerText()).toBe('$10.00');
    expect(await whole.getAttribute('data-rounded')).toBeNull();
    expect(await whole.getAttribute('title')).toBeNull();

    // Totals follow the same rule: 40 + 10 + 0.125 - 0.125 = 50 exactly; JPY 1500.5.
    await expect.poll(() => total(page, 'USD').innerText()).toBe('$50.00');
    expect(await total(page, 'JPY').innerText()).toBe('¥1,501≈');
    expect(await total(page, 'JPY').getAttribute('title')).toContain('¥1,500.5');
    expect(pageErrors).toEqual([]);
  });

  it('shows every digit everywhere with "Show exact amounts", and keeps the setting', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await openApp();
    await page.getByTestId('exact-amounts').check();
    await expect.poll(() => amountCell(page, 'sub_1').innerText()).toBe('$0.125');
    expect(await amountCell(page, 'jpy_1').innerText()).toBe('¥1,500.5');
    expect(await amountCell(page, 'ch_1').innerText()).toBe('$10.00');
    expect(await total(page, 'JPY').innerText()).toBe('¥1,500.5');
    expect(await page.locator('[data-testid=revenues-grid] .money[data-rounded]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('closebook.exactAmounts'))).toBe('true');

    await page.reload();
    await amountCell(page, 'sub_1').waitFor();
    expect(await page.getByTestId('exact-amounts').isChecked()).toBe(true);
    expect(await amountCell(page, 'sub_1').innerText()).toBe('$0.125');

    await page.getByTestId('exact-amounts').uncheck();
    await expect.poll(() => amountCell(page, 'sub_1').innerText()).toBe('$0.13≈');
    expect(pageErrors).toEqual([]);
  });

  it('copies the focused cell with Ctrl+C, the exact decimal string for an amount', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await openApp();
    const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await amountCell(page, 'sub_1').click();
    await page.keyboard.press('Control+c');
    await expect.poll(readClipboard).toBe('0.125');

    // Keyboard navigation goes on from the cell: one row down is jpy_1's amount.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+c');
    await expect.poll(readClipboard).toBe('1500.50');

    const id = page.locator('[data-testid=revenues-grid] [col-id=externalId]', { hasText: 'ch_1' });
    await id.click();
    await page.keyboard.press('Control+c');
    await expect.poll(readClipboard).toBe('ch_1');

    // Where the clipboard API is refused (the desktop shell denies permission requests),
    // the hidden-textarea fallback copies, and the cell keeps the keyboard focus.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await amountCell(page, 're_1').click();
    await page.keyboard.press('Control+c');
    await expect.poll(readClipboard).toBe('-0.125');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('col-id'))).toBe('amount');
    expect(pageErrors).toEqual([]);
  });

  it('keeps Amount and Currency in view at 1360 px, with Amount filter button beside its heading', { timeout: 60_000 }, async () => {
    const { page } = await openApp();
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const scrollbar = await box('[data-testid=revenues-grid] .ag-body-vertical-scroll');
    const currency = await box('[data-testid=revenues-grid] .ag-header-cell[col-id=currency]');
    expect(scrollbar.width).toBeGreaterThan(0);
    expect(currency.x + currency.width).toBeLessThanOrEqual(scrollbar.x);
    // The heading is not cut off.
    expect(await page.locator('.ag-header-cell[col-id=currency] .ag-header-cell-text').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

    // Amount's filter button sits at the right end of its own header, after the heading,
    // not at the left edge where it read as a column without a heading.
    const amountHeader = await box('.ag-header-cell[col-id=amount]');
    const heading = await box('.ag-header-cell[col-id=amount] .ag-header-cell-text');
    const filterButton = await box('.ag-header-cell[col-id=amount] .ag-header-cell-filter-button');
    expect(filterButton.x).toBeGreaterThan(heading.x + heading.width);
    expect(filterButton.x + filterButton.width).toBeLessThanOrEqual(amountHeader.x + amountHeader.width);
  });
});
