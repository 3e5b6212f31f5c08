import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';
import { forgetDemoSync } from '../support/forget-demo-sync';
import { openSyncScreen } from '../support/sync-screen';
import { startFakeTasks, type FakeTasks } from '../support/fake-report-tasks';
import { FAKE_SOURCE_KEY } from '../support/fake-source-server';

// The tasks source (seed 002) on the Sync screen in Chromium: its card like the others',
// saved against a fake tasks server, synced; the synced tasks then show on the Close screen
// beside the closes, said to have run online; one the server then deletes is said so.

// Set before the session's beforeAll starts `closebook web`, which inherits it.
process.env.CLOSEBOOK_SYNC_KEY_TASKS = FAKE_SOURCE_KEY;
const demo = demoWebSession({ revenues: 200, seed: 11 });
let server: FakeTasks | undefined;
let late: ReturnType<FakeTasks['add']>;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // A first sync of an org never connected (the demo's own sync history is demo-sync-screens.test.ts's).
  forgetDemoSync(demo.workspacePath);
  server = await startFakeTasks(12);
  server.add({ status: 'InProgress', task_type: 'ReportExport', template: 'usage' });
  // After the running task: in the window the next sync reads again.
  late = server.add({ task_type: 'ReportExport', template: 'gone-later' });
});
afterAll(async () => {
  await server?.close();
  delete process.env.CLOSEBOOK_SYNC_KEY_TASKS;
});

describe.skipIf(!HAS_CHROMIUM)('Sync screen: tasks source (seed 002)', () => {
  it('saves the tasks connection, syncs, and the Close screen lists the synced tasks', { timeout: 120_000 }, async () => {
    const { page, pageErrors, orgId } = await openSyncScreen(demo);
    const card = page.getByTestId('sync-card-tasks');
    await expect.poll(() => card.textContent()).toContain('Report tasks');
    await card.getByLabel('Base URL').fill(server!.baseUrl);
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.textContent()).toContain('API key found');
    await page.getByTestId('sync-test-tasks').click();
    await expect.poll(() => page.getByTestId('sync-test-result-tasks').textContent()).toBe('tasks source (seed 002): the key works');
    await page.getByTestId('sync-now').click();
    await expect.poll(() => card.textContent()).toContain('14 created');
    await page.screenshot({ path: '/tmp/sync-tasks-card.png', fullPage: true });

    const db = new Database(demo.workspacePath, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM tasks WHERE client_id = ? AND origin = 'synced'").pluck().get(orgId)).toBe(14);
    db.close();
    // Deleted on the server: the next sync reads the window again and marks it.
    server!.remove(late.uuid);
    await page.getByTestId('sync-now').click();
    await expect.poll(() => card.textContent()).toContain('1 updated');
    await page.getByTestId('area-close').click();
    const grid = page.getByTestId('tasks-grid');
    // The synced task still running online (the only ReportExport) is listed as the server has it.
    const running = grid.locator('.ag-row', { hasText: 'InProgress' }).first();
    await expect.poll(() => running.textContent(), { timeout: 15_000 }).toMatch(/InProgress.*ReportExport.*Online \(synced\).*usage/);
    await expect.poll(() => grid.locator('.ag-row', { hasText: 'gone-later' }).first().textContent(), { timeout: 15_000 }).toMatch(/Completed.*ReportExport.*Online \(deleted there\)/);
    // The closes run here (the demo's) are still said to be Closebook's.
    await expect.poll(() => grid.locator('.ag-row', { hasText: 'monthly-close' }).first().textContent(), { timeout: 15_000 }).toContain('Closebook');
    await page.screenshot({ path: '/tmp/sync-tasks-close.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
