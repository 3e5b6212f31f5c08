import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import type { BillingSettings } from '../../src/shared/contract/statements';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import { checkValidRows, chooseEntity, commitImport, nextToProfileMapping, openWizardWithFile, resultBatchId, screenshotIfAsked, undoOpenBatch } from '../support/import-wizard-steps';

// The import wizard with the usage entity, in Debian's Chromium against browser mode: a usage
// file dropped on the window is read with its built-in profile, checked (one negative seat
// count refused, naming its column), committed with "import the valid rows"; the current
// cycle's statement shows the imported seats, and undoing the batch brings it back.

const ORG = 'org-parent';
const HEADER = 'Org ID,Cycle Start,Seats,Records,Section Widget Uses,Column Widget Uses,Record Versions,File Size (MB),Backups';

const session = browserModeSession();

describe.skipIf(!HAS_CHROMIUM)('the import wizard with the usage entity', () => {
  it('imports a usage file through the wizard; the current statement follows; undo restores it', { timeout: 120_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    await callOk(core, 'plans.batch', { orgId: ORG, records: [{ name: 'Team', effective_from: '2026-01-01', subscription_price: '12', ppu_price: '0.01' }] });
    const { current_cycle: current } = await callOk<BillingSettings>(core, 'billing.get', { orgId: ORG });
    const csv = [HEADER, `${ORG},2026-06-01,10,1200,40,15,3000,450,4`, `${ORG},2026-07-01,-2,1350,42,18,3200,520,4`, `${ORG},${current.date_start},9,500,0,0,0,0,0`, ''].join('\n');
    // Read from the table: statements.list would fix the past cycles the file writes, and undo would then be refused.
    const currentStatement = () =>
      workspace.db.prepare('SELECT date_start, seats, record_count, total_micros FROM statements WHERE org_id = ? AND is_current = 1').get(ORG);

    const { page, pageErrors, server } = await session.open(core, { viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByTestId('area-imports').click();
    const wizard = await openWizardWithFile(page, 'usage.csv', csv);
    await chooseEntity(page, 'usage', /per billing cycle/);
    await screenshotIfAsked(page, 'usage-wizard-file.png');

    // The built-in profile is matched by the header: every column mapped, no question left.
    await nextToProfileMapping(page, 'Usage report per billing cycle');
    expect(await page.getByTestId('map-cycle_start').inputValue()).toBe('column:Cycle Start');
    expect(await page.getByTestId('map-seats').inputValue()).toBe('column:Seats');
    await expect.poll(() => page.getByTestId('import-preview').getAttribute('data-problem-rows')).toBe('1');
    await screenshotIfAsked(page, 'usage-wizard-mapping.png');
    await page.getByTestId('import-next').click();
    expect(await page.locator('.wizard-body[data-step=questions]').count()).toBe(0);

    // Check writes nothing; the negative seat count is the one error, naming its column.
    const checked = await checkValidRows(page);
    expect(await checked.getAttribute('data-created')).toBe('2');
    expect(await checked.getAttribute('data-error')).toBe('1');
    const messages = page.getByTestId('import-problems').locator('[role=gridcell][col-id=message]');
    await expect.poll(() => messages.allInnerTexts()).toEqual(['Seats: -2 is negative; usage counts are never below zero']);
    expect(workspace.db.prepare('SELECT count(*) FROM cycle_usage').pluck().get()).toBe(0);

    const committed = await commitImport(page);
    expect(await committed.getAttribute('data-created')).toBe('2');
    const batchId = await resultBatchId(page);
    await screenshotIfAsked(page, 'usage-wizard-result.png');
    // The current cycle's statement has the imported usage: 9 seats x 12 + 500 records x 0.01.
    expect(currentStatement()).toEqual({ date_start: current.date_start, seats: 9, record_count: 500, total_micros: 113_000_000 });

    // The batch on the Imports screen; undo takes the usage back out and the statement follows.
    await page.keyboard.press('Escape');
    await expect.poll(() => wizard.count()).toBe(0);
    await page.getByTestId('batches-grid').locator(`[role=row][row-id="${batchId}"]`).first().click();
    const outcomes = page.getByTestId('outcomes-grid');
    await expect.poll(() => outcomes.getAttribute('data-row-count')).toBe('3');
    await undoOpenBatch(page, 2);
    expect(workspace.db.prepare('SELECT count(*) FROM cycle_usage').pluck().get()).toBe(0);
    expect(currentStatement()).toEqual({ date_start: current.date_start, seats: 0, record_count: 0, total_micros: 0 });
    expect(pageErrors).toEqual([]);
  });
});
