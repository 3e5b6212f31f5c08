import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { PayoutRun } from '../../src/shared/contract/payouts';
import { decimalToMicros } from '../../src/shared/money';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';

// The Payouts screen on a demo workspace in Chromium: run an open month, see each
// currency's totals row tie out to the month's revenue in the database, open a payee's
// revenue rows, and download the payable list.

const demo = demoWebSession({ revenues: 20000, seed: 3 });

describe.skipIf(!HAS_CHROMIUM)('Payouts screen', () => {
  it('runs a month whose per-currency totals tie out to its revenue, opens a payee\'s revenue rows and exports the payable list', { timeout: 120_000 }, async () => {
    const page = await (await demo.browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(demo.url);
    await page.getByTestId('area-payouts').click();
    const orgId = await page.getByTestId('org-switcher').inputValue();
    // The newest month still in progress (a finalized month cannot be run).
    const db = new Database(demo.workspacePath, { readonly: true });
    const period = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'in_progress' ORDER BY period DESC LIMIT 1").pluck().get(orgId) as string;
    await page.getByTestId('period-picker').selectOption(period);
    await page.getByTestId('payouts-run').click();
    const totals = page.getByTestId('payouts-totals');
    await totals.waitFor({ timeout: 60_000 });

    const revenue = db.prepare('SELECT currency, SUM(amount_micros) AS micros FROM revenues WHERE org_id = ? AND period = ? GROUP BY currency ORDER BY currency').all(orgId, period) as Array<{ currency: string; micros: number }>;
    expect(revenue.length).toBeGreaterThan(1);
    const rows = totals.locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-currency')))).toEqual(revenue.map((r) => r.currency));
    for (const { currency, micros } of revenue) {
      const row = totals.locator(`tr[data-currency=${currency}]`);
      const exact = async (column: string) => decimalToMicros((await row.locator(`td[data-column=${column}] [data-exact]`).getAttribute('data-exact'))!);
      expect(await exact('revenue'), currency).toBe(BigInt(micros));
      expect((await exact('allocated')) + (await exact('unallocated')), currency).toBe(BigInt(micros));
      expect(await row.getAttribute('data-ties-out')).toBe('true');
      await expect.poll(() => row.locator('.ties-out').textContent()).toBe('✓ Ties out');
    }
    const stored = JSON.parse(db.prepare('SELECT result FROM payout_runs WHERE org_id = ? AND period = ?').pluck().get(orgId, period) as string) as PayoutRun;
    const grid = page.getByTestId('payouts-grid');
    await grid.locator('.ag-row').first().waitFor();
    expect(stored.payees.length).toBeGreaterThan(0);

    // Drill down: the first line with earnings opens its revenue rows, each naming its rule.
    const line = stored.payees.find((p) => decimalToMicros(p.earned) > 0n)!;
    await grid.locator(`.ag-row[row-id="${line.payeeId}|${line.currency}"] [col-id=payeeName]`).click();
    const explain = page.getByTestId('payouts-explain');
    await expect.poll(() => explain.getAttribute('data-payee-id')).toBe(String(line.payeeId));
    const explainGrid = page.getByTestId('payouts-explain-grid');
    await explainGrid.locator('[role=gridcell][col-id=share]').first().waitFor();
    await expect.poll(() => page.getByTestId('payouts-explain-count').textContent()).toMatch(/^[\d,]+ rows?/);
    const ruleNames = await explainGrid.locator('[role=gridcell][col-id=ruleName]').allTextContents();
    expect(ruleNames.length).toBeGreaterThan(0);
    // The rows are the line's currency, and their shares add up to the line's net.
    expect(await explain.getAttribute('data-currency')).toBe(line.currency);
    const shareTotal = await explain.locator('.payouts-explain-total [data-exact]').getAttribute('data-exact');
    expect(decimalToMicros(shareTotal!)).toBe(decimalToMicros(line.earned) + decimalToMicros(line.reversed) + decimalToMicros(line.adjusted));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payouts-export').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('period,payee_id,payee_external_id,payee_name,currency,amount');
    expect(csv.length - 1).toBe(stored.payees.filter((p) => decimalToMicros(p.payable) > 0n).length);
    db.close();
  });

  it("a parent's consolidated view: every org below it with its run status, totals per currency over the orgs run, lines with their org", { timeout: 120_000 }, async () => {
    const page = await (await demo.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(demo.url);
    await page.getByTestId('area-payouts').click();
    const db = new Database(demo.workspacePath, { readonly: true });
    const parent = db.prepare('SELECT id, name FROM orgs WHERE parent_id IS NULL ORDER BY name LIMIT 1').get() as { id: string; name: string };
    const children = db.prepare('SELECT id, name FROM orgs WHERE parent_id = ? ORDER BY name').all(parent.id) as Array<{ id: string; name: string }>;
    expect(children.length).toBeGreaterThan(0);
    await page.getByTestId('org-switcher').selectOption(parent.id);
    const period = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'in_progress' ORDER BY period DESC LIMIT 1").pluck().get(parent.id) as string;
    await page.getByTestId('period-picker').selectOption(period);
    // The parent's month is run here; its children's are not.
    await page.getByTestId('payouts-run').click();
    await page.getByTestId('payouts-totals').waitFor({ timeout: 60_000 });

    await page.getByTestId('include-children').check();
    const chips = page.getByTestId('payouts-group-orgs').locator('li');
    await expect.poll(() => chips.count()).toBeGreaterThan(children.length);
    expect(await page.getByTestId('payouts-group-orgs').locator('li[data-status=run]').allTextContents()).toEqual([expect.stringContaining(parent.name)]);
    const missing = await page.getByTestId('payouts-group-missing').textContent();
    for (const child of children) expect(missing).toContain(child.name);
    // Runs stay per org: Run and Export wait until the switch is off.
    expect(await page.getByTestId('payouts-run').isDisabled()).toBe(true);

    const stored = JSON.parse(db.prepare('SELECT result FROM payout_runs WHERE org_id = ? AND period = ?').pluck().get(parent.id, period) as string) as PayoutRun;
    const totals = page.getByTestId('payouts-totals');
    for (const c of stored.currencies) {
      const row = totals.locator(`tr[data-currency=${c.currency}]`);
      expect(decimalToMicros((await row.locator('td[data-column=revenue] [data-exact]').getAttribute('data-exact'))!), c.currency).toBe(decimalToMicros(c.revenue));
      expect(await row.getAttribute('data-ties-out')).toBe('true');
    }
    const grid = page.getByTestId('payouts-grid');
    await grid.locator('.ag-row').first().waitFor();
    const orgCells = await grid.locator('[role=gridcell][col-id=orgName]').allTextContents();
    expect(orgCells.length).toBeGreaterThan(0);
    expect(new Set(orgCells)).toEqual(new Set([parent.name]));
    await page.screenshot({ path: 'test-results/payouts-consolidated.png' });
    db.close();
  });
});
