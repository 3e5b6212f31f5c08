import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { callOk } from '../support/temp-workspace';
import { addRevenues, ORG, payoutsWorkspace, rule, saveRules } from '../integration/payouts-support';

// The accountant's loop in Chromium: a month's payouts run on the Payouts screen, the
// rule's split changed on the Rules screen (a refused value first: nothing saved), the
// month run again, and the payee's figure follows the new split.

const session = browserModeSession();

const ADA_EARNED = '[data-testid="payouts-grid"] .ag-row[row-id="1|USD"] [col-id="earned"]';

/** Runs the month on the Payouts screen and waits until Ada's earned amount (row id: payee id | currency) shows `expected`. */
async function runMonth(page: Page, expected: string): Promise<void> {
  await page.getByTestId('area-payouts').click();
  await page.getByTestId('payouts-run').click();
  await expect.poll(async () => (await page.locator(ADA_EARNED).textContent()) ?? '', { timeout: 30_000 }).toContain(expected);
}

describe.skipIf(!HAS_CHROMIUM)('Editing a rule changes the month’s payouts', () => {
  it('reruns October after Ada’s share goes from 50% to 70%', { timeout: 120_000 }, async () => {
    const { core } = await payoutsWorkspace();
    await saveRules(core, [
      rule('r_house', {
        name: 'House split',
        splits: [
          { payee_external_id: 'pe_a', percentage: '50' },
          { payee_external_id: 'pe_b', percentage: '50' },
        ],
      }),
    ]);
    await addRevenues(core, [
      { external_id: 's1', occurred_at: '2026-10-03', amount: '100.00', currency: 'USD', product_external_id: 'book' },
      { external_id: 's2', occurred_at: '2026-10-09', amount: '33.00', currency: 'USD', product_external_id: 'album' },
    ]);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('row-count').waitFor();

    // 133.00 split 50:50.
    await runMonth(page, '66.50');

    await page.getByTestId('area-rules').click();
    await page.getByTestId('rules-grid').locator('.ag-row', { hasText: 'House split' }).click();
    const form = page.getByTestId('rule-form');
    await expect.poll(() => form.getByTestId('rule-split-0-percentage').inputValue()).toBe('50');

    // Over 100 in all: refused under the splits, and nothing is saved.
    await form.getByTestId('rule-split-0-percentage').fill('70');
    await form.getByTestId('rule-save').click();
    await expect.poll(() => form.getByTestId('rule-splits-error').innerText()).toContain('add up to 120');
    expect((await callOk<{ version: number }>(core, 'rules.get', { orgId: ORG, externalId: 'r_house' })).version).toBe(1);

    await form.getByTestId('rule-split-1-percentage').fill('30');
    await form.getByTestId('rule-save').click();
    await expect.poll(() => page.getByTestId('rule-saved').innerText()).toContain('version 2');
    await expect.poll(() => page.getByTestId('rule-version-1').innerText()).toContain('Created');
    expect(await page.getByTestId('rule-version-2').innerText()).toContain('Changed splits');
    await page.getByTestId('rule-compare-1').click();
    const diff = await page.getByTestId('rule-diff').innerText();
    expect(diff).toMatch(/Ada: percentage\s+50%\s+70%/);
    expect(diff).toMatch(/Bo: percentage\s+50%\s+30%/);

    // The rule's version 2 is in force from 2026-01-01: October, run again, follows it.
    await runMonth(page, '93.10');
    expect(pageErrors).toEqual([]);
  });
});
