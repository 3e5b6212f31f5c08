import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { demoWebSession } from '../support/demo-web';
import { forgetDemoSync } from '../support/forget-demo-sync';
import { openSyncScreen } from '../support/sync-screen';
import { startFakeAllocora, type FakeAllocora } from '../support/fake-allocora';
import { FAKE_SOURCE_KEY } from '../support/fake-source-server';

// The Sync screen in Chromium on a demo workspace served by `closebook web`, whose
// environment carries the revenue source's key (never the workspace): save the base URL of
// a fake seed 001 server, Test it, Sync now, and see the counts the database agrees with,
// a closed month's revenues blocked; then two conflicts resolved from the screen.

// Set before the session's beforeAll starts `closebook web`, which inherits it.
process.env.CLOSEBOOK_SYNC_KEY_REVENUE = FAKE_SOURCE_KEY;
const demo = demoWebSession({ revenues: 500, seed: 7 });
let server: FakeAllocora | undefined;
let closed = '';
let open = '';

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // A first sync of an org never connected (the demo's own sync history is demo-sync-screens.test.ts's).
  forgetDemoSync(demo.workspacePath);
  const db = new Database(demo.workspacePath, { readonly: true });
  const orgId = db.prepare('SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY name LIMIT 1').pluck().get() as string;
  closed = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'finalized' ORDER BY period DESC LIMIT 1").pluck().get(orgId) as string;
  open = db.prepare("SELECT period FROM periods WHERE org_id = ? AND status = 'in_progress' ORDER BY period DESC LIMIT 1").pluck().get(orgId) as string;
  db.close();
  server = await startFakeAllocora({ payees: 4, products: 3, revenues: 30, months: [open, closed] });
});
afterAll(async () => {
  await server?.close();
  delete process.env.CLOSEBOOK_SYNC_KEY_REVENUE;
});

describe.skipIf(!HAS_CHROMIUM)('Sync screen', () => {
  it('saves a connection, tests its key, syncs, and shows the run as the database holds it', { timeout: 120_000 }, async () => {
    const { page, pageErrors, orgId } = await openSyncScreen(demo);
    const card = page.getByTestId('sync-card-revenue');
    await card.getByLabel('Base URL').fill('ftp://example.com');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.getByTestId('error-notice').textContent()).toContain('baseUrl: must start with http:// or https://');

    await card.getByLabel('Base URL').fill(server!.baseUrl);
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.textContent()).toContain('API key found');
    await expect.poll(() => page.getByTestId('sync-card-consumption').textContent()).toMatch(/Last sync\s*never/);
    await page.getByTestId('sync-test-revenue').click();
    await expect.poll(() => page.getByTestId('sync-test-result-revenue').textContent()).toBe('revenue source (seed 001): the key works');

    await page.getByTestId('sync-now').click();
    const history = page.getByTestId('sync-history');
    await expect.poll(() => history.textContent()).toContain('committed');

    const db = new Database(demo.workspacePath, { readonly: true });
    const run = db.prepare("SELECT created_count, blocked_locked_period_count, batches FROM sync_runs WHERE org_id = ? AND source = 'revenue'").get(orgId) as {
      created_count: number;
      blocked_locked_period_count: number;
      batches: string;
    };
    const inClosed = server!.data.revenues.filter((r) => String(r.occurred_at).startsWith(closed)).length;
    expect(run.blocked_locked_period_count).toBe(inClosed);
    expect(run.created_count).toBe(4 + 3 + 30 - inClosed);
    const revenuesBatch = (JSON.parse(run.batches) as { revenues: number }).revenues;
    expect(db.prepare('SELECT count(*) FROM revenues WHERE batch_id = ?').pluck().get(revenuesBatch)).toBe(30 - inClosed);
    db.close();
    await expect.poll(() => card.textContent()).toContain(`${run.created_count} created`);
    await expect.poll(() => history.textContent()).toContain(`${inClosed} blocked (closed month)`);
    expect(pageErrors).toEqual([]);
  });

  it('lists a record changed here and on the server with both values; Keep local and Take server resolve it', { timeout: 120_000 }, async () => {
    // Runs after the first sync above. Two revenues of the open month, changed on both sides.
    const [kept, taken] = server!.data.revenues.filter((r) => String(r.occurred_at).startsWith(open)).map((r) => r.external_id);
    const db = new Database(demo.workspacePath);
    const orgId = db.prepare("SELECT org_id FROM revenues WHERE external_id = ?").pluck().get(kept) as string;
    // A local edit (as an import would make it): the amount and the row's time.
    db.prepare("UPDATE revenues SET amount_micros = 11110000, updated_at = '2026-12-01T00:00:00Z' WHERE org_id = ? AND external_id IN (?, ?)").run(orgId, kept, taken);
    server!.put('revenues', { external_id: kept, amount: '22.22' });
    server!.put('revenues', { external_id: taken, amount: '33.33' });

    const { page, pageErrors } = await openSyncScreen(demo);
    await page.getByTestId('sync-now').click();
    const conflicts = page.getByTestId('sync-conflict');
    await expect.poll(() => conflicts.count()).toBe(2);
    const keptCard = conflicts.filter({ hasText: kept });
    await expect.poll(() => keptCard.locator('tbody tr').first().innerText()).toMatch(/^amount\s+11\.11\s+22\.22$/);
    await expect.poll(() => page.getByTestId('sync-card-revenue').textContent()).toContain('2 conflicts');
    await page.screenshot({ path: 'test-results/sync-conflicts.png', fullPage: true });

    await keptCard.getByTestId('conflict-keep-local').click();
    await expect.poll(() => conflicts.count()).toBe(1);
    await conflicts.filter({ hasText: taken }).getByTestId('conflict-take-server').click();
    await expect.poll(() => conflicts.count()).toBe(0);
    const amount = db.prepare('SELECT amount_micros FROM revenues WHERE org_id = ? AND external_id = ?').pluck();
    expect(amount.get(orgId, kept)).toBe(11_110_000);
    expect(amount.get(orgId, taken)).toBe(33_330_000);
    db.close();
    expect(pageErrors).toEqual([]);
  });
});
