import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport } from '../../src/main/reports/get-report';
import type { ReportJson } from '../../src/shared/contract/reports';
import { Decimal } from '../../src/shared/decimal';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';
import { forgetDemoSync } from '../support/forget-demo-sync';
import { openSyncScreen } from '../support/sync-screen';
import { startFakeAllocationReports, type FakeAllocationReports, type FakeRow } from '../support/fake-allocation-reports';
import { FAKE_SOURCE_KEY } from '../support/fake-source-server';
import { startFakeStatements, type FakeStatements } from '../support/fake-statements';

// The statements (seed 004) and allocation reports (seed 000) sources in Chromium: both
// cards on the Sync screen, saved against fake servers and synced; the synced statements on
// the Statements screen; on the Reports screen the server's figures of a closed month beside
// the local ones, the rows where they disagree with their difference.

// Set before the session's beforeAll starts `closebook web`, which inherits them.
process.env.CLOSEBOOK_SYNC_KEY_STATEMENTS = FAKE_SOURCE_KEY;
process.env.CLOSEBOOK_SYNC_KEY_REPORTS = FAKE_SOURCE_KEY;
const demo = demoWebSession({ revenues: 300, seed: 12 });
let statements: FakeStatements | undefined;
let reports: FakeAllocationReports | undefined;

afterAll(async () => {
  await statements?.close();
  await reports?.close();
  delete process.env.CLOSEBOOK_SYNC_KEY_STATEMENTS;
  delete process.env.CLOSEBOOK_SYNC_KEY_REPORTS;
});

let month = '';
let changedPayee = '';
beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // A first sync of an org never connected (the demo's own sync history is demo-sync-screens.test.ts's).
  forgetDemoSync(demo.workspacePath);
  statements = await startFakeStatements(40);
});

/** The org's payouts_by_payee of its newest closed month, as computed here, served back by a fake with one figure changed and one row missing. */
async function serveChangedPayouts(orgId: string): Promise<FakeAllocationReports> {
  const db = new Database(demo.workspacePath, { readonly: true });
  month = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized' ORDER BY period DESC LIMIT 1").pluck().get(orgId) as string;
  const local = getReport(db, { orgId, report_type: 'payouts_by_payee', year: Number(month.slice(0, 4)), month: Number(month.slice(5)), format: 'json' }) as ReportJson;
  db.close();
  expect(local.rows.length).toBeGreaterThan(2);
  const rows = local.rows.map((r) => ({ ...r })) as FakeRow[];
  changedPayee = String(rows[0]!.payee_external_id);
  rows[0]!.earned = new Decimal(String(rows[0]!.earned)).plus('0.01').toFixed();
  rows.pop();
  return startFakeAllocationReports([
    { report_type: 'payouts_by_payee', title: local.title, update_cadence: 'monthly', columns: local.columns, months: new Map([[month, { status: 'finalized', rows }]]) },
  ]);
}

describe.skipIf(!HAS_CHROMIUM)('Sync screen: statements (seed 004) and allocation reports (seed 000)', () => {
  it('saves and syncs both sources; the Statements screen lists the synced statements; the Reports screen shows the server beside here', { timeout: 180_000 }, async () => {
    const { page, pageErrors, orgId } = await openSyncScreen(demo);
    reports = await serveChangedPayouts(orgId);
    for (const [source, url, title] of [
      ['statements', statements!.listUrl, 'Statements'],
      ['reports', reports!.orgRoot, 'Allocation reports'],
    ] as const) {
      const card = page.getByTestId(`sync-card-${source}`);
      await expect.poll(() => card.textContent()).toContain(title);
      await card.getByLabel('Base URL').fill(url);
      await card.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => card.textContent()).toContain('API key found');
      await page.getByTestId(`sync-test-${source}`).click();
      await expect.poll(() => page.getByTestId(`sync-test-result-${source}`).textContent()).toMatch(/the key works$/);
    }
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-card-reports').textContent(), { timeout: 60_000 }).toContain('1 created');
    await expect.poll(() => page.getByTestId('sync-card-statements').textContent()).toMatch(/\d+ created/);
    await page.screenshot({ path: '/tmp/sync-statements-reports-cards.png', fullPage: true });

    const db = new Database(demo.workspacePath, { readonly: true });
    const synced = db.prepare("SELECT count(*) FROM statements WHERE org_id = ? AND origin = 'synced'").pluck().get(orgId) as number;
    expect(synced).toBeGreaterThan(0);
    db.close();

    await page.getByTestId('area-statements').click();
    const syncedRow = page.getByTestId('statements-grid').locator('.ag-row', { hasText: 'Online (synced)' }).first();
    await expect.poll(() => syncedRow.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await syncedRow.click();
    // The document says where it comes from, and shows the server's total.
    await expect.poll(() => page.getByTestId('statement-synced').textContent()).toContain("Synced from the organization's online system");
    const name = await page.getByTestId('statement-document').getAttribute('aria-label');
    const shown = statements!.statements.find((s) => s.name === name);
    expect(shown).toBeDefined();
    expect(await page.getByTestId('statement-total').textContent()).toBe(shown!.total);
    await page.screenshot({ path: '/tmp/sync-statements-screen.png', fullPage: true });

    await page.getByTestId('area-reports').click();
    await page.getByTestId('report-type').selectOption('payouts_by_payee');
    await page.getByTestId('report-period').selectOption(month);
    const summary = page.getByTestId('report-server-summary');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/^2 of \d+ rows differ from the server's figures/);
    const grid = page.getByTestId('report-server-grid');
    await expect.poll(() => grid.locator('.ag-row').count()).toBe(2);
    await expect.poll(() => grid.locator('.ag-row', { hasText: changedPayee }).first().textContent()).toContain('0.01');
    await expect.poll(() => grid.textContent()).toContain('here only');
    await page.getByTestId('report-server').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/sync-reports-compare.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('Full re-check applies a fixed statement amended on the server and marks one the server deleted', { timeout: 120_000 }, async () => {
    const { page, pageErrors, orgId } = await openSyncScreen(demo);
    const db = new Database(demo.workspacePath, { readonly: true });
    const closed = new Set(db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized'").pluck().all(orgId) as string[]);
    db.close();
    // Two fixed statements whose cycles end in months open here: one amended, one deleted on the server.
    const [amended, deleted] = statements!.statements.filter((s) => !s.is_current && !closed.has(s.date_end.slice(0, 7)));
    statements!.change(amended!.sid, { total: '$4,321.00' });
    statements!.remove(deleted!.sid);
    const card = page.getByTestId('sync-card-statements');
    await expect.poll(() => card.textContent()).toContain('Statements');
    await page.getByTestId('sync-full').click();
    await expect.poll(() => card.textContent(), { timeout: 60_000 }).toMatch(/(^|\D)2 updated/);
    await page.screenshot({ path: '/tmp/sync-full-recheck.png', fullPage: true });
    const after = new Database(demo.workspacePath, { readonly: true });
    expect(after.prepare('SELECT total_micros FROM statements WHERE sid = ?').pluck().get(amended!.sid)).toBe(4_321_000_000);
    expect(after.prepare("SELECT deleted_on_server_at FROM sync_links WHERE source = 'statements' AND source_id = ?").pluck().get(deleted!.sid)).not.toBeNull();
    after.close();

    // The Statements screen says it: in the grid's Origin column and on the statement.
    await page.getByTestId('area-statements').click();
    const goneRow = page.getByTestId('statements-grid').locator('.ag-row', { hasText: deleted!.name as string }).first();
    await expect.poll(() => goneRow.textContent(), { timeout: 15_000 }).toContain('Gone from online');
    await goneRow.click();
    await expect.poll(() => page.getByTestId('statement-deleted-on-server').textContent()).toContain('The online system no longer lists it');
    await page.getByTestId('statement-deleted-on-server').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/sync-statement-gone.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
