import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../src/main/demo/create';
import { openWorkspace } from '../../src/main/db/workspace';
import { inProcessCore } from '../../src/main/core/in-process';
import { currentPeriod } from '../../src/main/close/month-state';
import { browserModeSession } from '../support/browser-session';
import { HAS_CHROMIUM } from '../support/chromium';
import { dropFile } from '../support/drop-file';
import { callOk, tempDir } from '../support/temp-workspace';

// The Close screen on a demo workspace in Chromium: the month's checks, the close with its
// task, the history, the tasks grid; then an import into the closed month is refused.

const session = browserModeSession();

describe.skipIf(!HAS_CHROMIUM)('the Close screen', () => {
  it('closes a demo month through its checks, and an import into it is then refused', { timeout: 120_000 }, async () => {
    const path = join(tempDir(), 'demo.closebook');
    createDemoWorkspace(path, { revenues: 5000, seed: 3 });
    const workspace = openWorkspace(path, { create: false });
    const core = inProcessCore(workspace);
    const db = workspace.db;
    // The latest ended open month of the root org. The demo leaves a few of its consumption
    // records without a final amount (the billing export is late): that export arrives here,
    // written directly (the billing import itself is tested elsewhere), so the month can close.
    const orgId = db.prepare('SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id').pluck().get() as string;
    const chosen = {
      orgId,
      period: db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'in_progress' AND period < ? ORDER BY period DESC LIMIT 1").pluck().get(orgId, currentPeriod(db, orgId)) as string | undefined,
    };
    expect(chosen.period, 'a demo org with an ended open month').toBeDefined();
    db.prepare(
      `UPDATE consumption_records SET final_sell_micros = consumed_sell_micros, final_buy_micros = consumed_buy_micros, is_finalized = 1, finalized_at = '2026-12-01T09:00:00Z'
       WHERE org_id = ? AND billing_period = ? AND is_finalized = 0`,
    ).run(orgId, `${chosen.period}-01`);
    const period = chosen.period!;
    await callOk(core, 'payouts.run', { orgId, period });
    // Its consumption reconciled, and what needs review held: each a decision the close then accepts.
    await callOk(core, 'reconciliation.run', { orgId, period });
    const review = db
      .prepare("SELECT uuid FROM consumption_records WHERE org_id = ? AND billing_period = ? AND is_reconciled = 0 AND coalesce(review_status, '') <> 'held'")
      .pluck()
      .all(orgId, `${period}-01`) as string[];
    if (review.length) await callOk(core, 'reconciliation.hold', { uuids: review, note: 'waiting for the vendor' });

    const { page, pageErrors, server } = await session.open(core);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(server.url);
    await page.getByTestId('org-switcher').selectOption(orgId);
    await page.getByTestId('area-close').click();
    await page.getByTestId('period-picker').selectOption(period);
    const checks = page.getByTestId('close-checks');
    await checks.waitFor();
    expect(await checks.locator('[data-outcome=error]').count()).toBe(0);
    expect(await checks.locator('[data-check=payouts]').getAttribute('data-outcome')).toBe('pass');
    expect(await page.getByTestId('close-status').getAttribute('data-status')).toBe('in_progress');

    await page.getByTestId('close-start').click();
    const task = page.getByTestId('close-task');
    await task.waitFor({ timeout: 60_000 });
    expect(await task.getAttribute('data-status')).toBe('Completed');
    await expect.poll(() => page.getByTestId('close-status').getAttribute('data-status')).toBe('finalized');
    await expect.poll(() => page.getByTestId('close-history').locator('li[data-action=closed]').count()).toBe(1);
    // The tasks grid has read the new task: Completed, for this month.
    const newest = page.getByTestId('tasks-grid').locator('.ag-row[row-index="0"]');
    await expect.poll(() => newest.locator('[col-id=period]').innerText()).toBe(period);
    expect(await newest.locator('[col-id=status]').innerText()).toBe('Completed');
    expect(db.prepare('SELECT status FROM periods WHERE org_id = ? AND period = ?').pluck().get(orgId, period)).toBe('finalized');
    await page.screenshot({ path: join(tempDir(), 'close.png') });

    // An import into the closed month: every row blocked, nothing written.
    const before = db.prepare('SELECT count(*) FROM revenues WHERE org_id = ? AND period = ?').pluck().get(orgId, period);
    await dropFile(page, 'late.csv', `external_id,kind,occurred_at,amount,currency,description\nlate_1,sale,${period}-15T10:00:00Z,12.00,USD,late sale\nlate_2,sale,${period}-16T10:00:00Z,3.50,USD,late sale\n`);
    await page.getByTestId('import-wizard').waitFor();
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
    await page.getByTestId('on-error-skip').check();
    await page.getByTestId('import-check').click();
    const checked = page.locator('[data-testid=import-counts][data-phase=check]');
    await checked.waitFor({ timeout: 30_000 });
    expect(await checked.getAttribute('data-blocked-locked-period')).toBe('2');
    expect(await checked.getAttribute('data-created')).toBe('0');
    expect(db.prepare('SELECT count(*) FROM revenues WHERE org_id = ? AND period = ?').pluck().get(orgId, period)).toBe(before);
    expect(pageErrors).toEqual([]);
    workspace.close();
  });
});
