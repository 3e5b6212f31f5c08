import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// The Statements screen in Chromium: open a statement, see it laid out as the customer's
// document, print it to PDF on A4 and on Letter. Chromium's PDF holds its text in compressed,
// subset-font streams and no PDF reader is installed, so the printed text is checked on the
// page under the print stylesheet (page.emulateMedia({media: 'print'})), and the PDFs by
// their page count (one page each, read from the /Type /Page objects) and byte size.

const session = browserModeSession();
const ORG = 'org-parent';
const A4_PRINTABLE_PX = Math.floor(((210 - 30) / 25.4) * 96); // 15 mm margins
const LETTER_PRINTABLE_PX = Math.floor(((215.9 - 30) / 25.4) * 96);

async function seedStatements() {
  const ctx = tempWorkspace();
  seedOrgWithRevenues(ctx.workspace.db, [{ externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00' }]);
  await callOk(ctx.core, 'billing.update', { orgId: ORG, anchor_day: 10 });
  const prices = { ppu_price: '0.0025', section_widget_price: '0.01', column_widget_price: '0.02', record_storage_price: '0.001', file_storage_price: '23', backup_price: '1.50' };
  await callOk(ctx.core, 'plans.batch', {
    orgId: ORG,
    records: [
      { name: 'Team', effective_from: '2020-01-10', effective_to: '2020-02-24', subscription_price: '12', ...prices },
      { name: 'Team 2020', effective_from: '2020-02-25', effective_to: '2020-04-09', subscription_price: '15', ...prices },
    ],
  });
  await callOk(ctx.core, 'usage.batch', {
    orgId: ORG,
    records: [
      { cycle_start: '2020-01-10', seats: 10, record_count: 50, section_widget_uses: 100, column_widget_uses: 10, version_count: 1235, file_size_mb: 450, backups: 2 },
      { cycle_start: '2020-02-10', seats: 10 },
    ],
  });
  await callOk(ctx.core, 'credits.batch', { orgId: ORG, records: [{ granted_on: '2020-01-15', amount: '100' }] });
  return ctx;
}

function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

describe.skipIf(!HAS_CHROMIUM)('Statements screen', () => {
  it('opens a statement as the customer document and prints it to PDF on A4 and Letter without cutting it', { timeout: 120_000 }, async () => {
    const { core } = await seedStatements();
    const { page, pageErrors, server } = await session.open(core, { viewport: { width: 1366, height: 900 } });
    await page.goto(server.url);
    await page.getByTestId('area-statements').click();
    const grid = page.getByTestId('statements-grid');
    await grid.locator('[role=gridcell][col-id=name]').first().waitFor();
    expect(await grid.locator('[role=gridcell][col-id=name]').allInnerTexts()).toEqual([
      'Statement 2020-03-10 - 2020-04-09',
      'Statement 2020-02-10 - 2020-03-09',
      'Statement 2020-01-10 - 2020-02-09',
    ]);
    await grid.locator('[role=gridcell][col-id=name]', { hasText: 'Statement 2020-01-10 - 2020-02-09' }).click();
    const doc = page.getByTestId('statement-document');
    await expect.poll(() => doc.getByTestId('statement-cycle').innerText()).toBe('10 January 2020 – 9 February 2020');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('statements-grid').isVisible()).toBe(false);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    const printed = await page.locator('body').innerText();
    for (const text of [
      'Statement',
      '10 January 2020 – 9 February 2020',
      'Subscription (seats)\t10\t$12/seat/month\t$120.00',
      'Pay-per-use records\t50\t$0.0025/record\t$0.13',
      'Record storage (versions)\t1,235\t$0.001/version\t$1.24',
      'File storage\t450 MB\t$23/100G/Month\t$0.10',
      'Backups\t2\t$1.50/backup\t$3.00',
      'Total\t$125.67',
      'Credits applied\t−$100.00',
      'Amount due\t$25.67',
    ]) {
      expect(printed).toContain(text);
    }
    expect(printed).not.toContain('Export CSV');

    for (const [format, width] of [
      ['A4', A4_PRINTABLE_PX],
      ['Letter', LETTER_PRINTABLE_PX],
    ] as const) {
      // At the printable width nothing in the document is wider than the page.
      await page.setViewportSize({ width, height: 1000 });
      const overflow = await page.evaluate(() => {
        const el = (globalThis as unknown as { document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } } }).document.querySelector('.statement-document');
        return el.scrollWidth - el.clientWidth;
      });
      expect(overflow, format).toBeLessThanOrEqual(0);
      const pdf = await page.pdf({ format, printBackground: true, preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length, format).toBeGreaterThan(10_000);
      expect(pdfPageCount(pdf), format).toBe(1);
    }
    expect(pageErrors).toEqual([]);
  });
});
