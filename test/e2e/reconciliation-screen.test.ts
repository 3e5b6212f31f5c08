import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';

// The Reconciliation screen on a demo workspace in Chromium: run the month being closed,
// see the rows over the tolerance highlighted, select two of them and approve them in bulk
// with a note; the database then holds them reconciled with their compensation items.

const demo = demoWebSession({ revenues: 2000, seed: 5 });

describe.skipIf(!HAS_CHROMIUM)('Reconciliation screen', () => {
  it('runs the month, highlights rows over the tolerance and approves the selected ones in bulk with a note', { timeout: 120_000 }, async () => {
    const page = await (await demo.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(demo.url);
    await page.getByTestId('area-reconciliation').click();
    const orgId = await page.getByTestId('org-switcher').inputValue();
    const db = new Database(demo.workspacePath, { readonly: true });
    // The month being closed: billed, still open.
    const period = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'in_progress' ORDER BY period LIMIT 1").pluck().get(orgId) as string;
    await page.getByTestId('period-picker').selectOption(period);
    await page.getByTestId('recon-run').click();
    await page.getByTestId('recon-message').waitFor();
    await expect.poll(() => page.locator('.ag-row.recon-above-tolerance').count(), { timeout: 20_000 }).toBeGreaterThan(1);

    // A row is drawn in the pinned and the scrolling part of the grid: its ids, each once.
    const ids = [...new Set(await page.locator('.ag-row.recon-above-tolerance').evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id'))))].slice(0, 2) as string[];
    for (const id of ids) await page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).first().check();
    await expect.poll(() => page.getByTestId('recon-selected').textContent()).toBe('2 selected');
    await expect(page.getByTestId('recon-approve').isDisabled()).resolves.toBe(true);
    await page.getByTestId('recon-note').fill('Agreed with the customer on the call');
    await page.getByTestId('recon-approve').click();
    await expect.poll(() => page.getByTestId('recon-message').textContent()).toMatch(/Approved 2 records/);

    const stored = db
      .prepare(
        `SELECT c.is_reconciled, c.adjustment_amount_micros AS adjustment, c.final_sell_micros - coalesce(c.consumed_sell_micros, 0) AS expected, i.amount_micros AS item, e.note
         FROM consumption_records c LEFT JOIN compensation_items i ON i.uuid = c.compensation_item_uuid
         JOIN reconciliation_events e ON e.record_id = c.id AND e.action = 'approved' WHERE c.uuid IN (?, ?)`,
      )
      .all(...ids) as Array<{ is_reconciled: number; adjustment: number; expected: number; item: number | null; note: string }>;
    expect(stored).toHaveLength(2);
    for (const r of stored) {
      expect(r).toMatchObject({ is_reconciled: 1, note: 'Agreed with the customer on the call' });
      expect(r.adjustment).toBe(r.expected);
      expect(r.item).toBe(r.adjustment === 0 ? null : r.adjustment);
    }
    // The approved rows are no longer highlighted.
    for (const id of ids) await expect.poll(() => page.locator(`.ag-row[row-id="${id}"].recon-above-tolerance`).count()).toBe(0);
    db.close();
  });

  it("a parent's consolidated view: every org's records of the month with their organization, the run kept per org", { timeout: 120_000 }, async () => {
    const page = await (await demo.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(demo.url);
    const db = new Database(demo.workspacePath, { readonly: true });
    const parent = db.prepare('SELECT id FROM orgs WHERE parent_id IS NULL').pluck().get() as string;
    const names = new Map((db.prepare('SELECT id, name FROM orgs').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
    const period = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'in_progress' ORDER BY period LIMIT 1").pluck().get(parent) as string;
    const perOrg = db.prepare('SELECT org_id, count(*) AS n FROM consumption_records WHERE billing_period = ? GROUP BY org_id').all(`${period}-01`) as Array<{ org_id: string; n: number }>;
    db.close();
    expect(perOrg.length).toBe(names.size);
    await page.getByTestId('org-switcher').selectOption(parent);
    await page.getByTestId('area-reconciliation').click();
    await page.getByTestId('period-picker').selectOption(period);
    await page.getByTestId('include-children').check();
    // Every org's count in the status line, and an Organization cell on each row naming one of them.
    const total = perOrg.reduce((n, o) => n + o.n, 0);
    await expect
      .poll(async () => {
        const text = (await page.getByTestId('recon-status').textContent()) ?? '';
        return [...text.matchAll(/(\d+) [a-z ]+?(?= ·| —|$)/g)].reduce((n, m) => n + Number(m[1]), 0);
      })
      .toBe(total);
    const orgCells = page.getByTestId('recon-grid').locator('[role=gridcell][col-id=org_id]');
    await orgCells.first().waitFor();
    expect(new Set(await orgCells.allTextContents()).size).toBeGreaterThan(1);
    for (const cell of await orgCells.allTextContents()) expect([...names.values()]).toContain(cell);
    expect(await page.getByTestId('recon-run').isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-results/reconciliation-consolidated.png' });
  });
});
