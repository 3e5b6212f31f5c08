import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../support/chromium';
import { browserModeSession } from '../support/browser-session';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// The encoding question in Debian's Chromium, against browser mode: a file saved by Excel on
// Windows (Windows-1252, no BOM) is asked about with its own text read both ways; answering
// UTF-8 shows why that cannot be, answering Windows-1252 shows "Café" in the preview, and the
// import stores "Café" exactly.

// "é" is byte 0xE9 and "ü" 0xFC in Windows-1252; neither starts valid UTF-8 here.
const CSV_1252 = Buffer.from(
  ['external_id,kind,occurred_at,amount,currency,description', 'enc_1,sale,2026-10-05,19.99,USD,Café', 'enc_2,sale,2026-10-06,5.00,USD,Müller', ''].join('\n'),
  'latin1',
);

const session = browserModeSession();

// Runs in the page (page.evaluateHandle); the test's own types are Node's, which lack it.
declare const DataTransfer: { new (): { items: { add(file: File): void } } };

/** Drops a file of these exact bytes on the window, as a file manager would. */
async function dropBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, bytes: [...bytes] },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

/** The preview's cells of one column, top to bottom. */
const previewColumn = (page: Page, colId: string) => page.getByTestId('import-preview').locator(`[role=gridcell][col-id="${colId}"]`).allInnerTexts();

describe.skipIf(!HAS_CHROMIUM)('the encoding question in browser mode', () => {
  it('a Windows-1252 file is asked about, the answer reads "Café" in the preview, and the import stores it exactly', { timeout: 90_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('row-count').waitFor();

    await dropBytes(page, 'excel-export.csv', CSV_1252);
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('import-next').click();

    // The Columns step says what was detected and that it is not certain.
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByTestId('import-encoding-reason').innerText()).toContain('byte 0xE9');
    await page.getByTestId('import-encoding-asked').waitFor();
    await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
    await page.getByTestId('import-next').click();

    // The Formats step asks, with the file's own text read each way; nothing is chosen for the user.
    const question = page.getByTestId('question-encoding');
    await question.waitFor();
    expect(await question.getAttribute('data-answered')).toBe('false');
    expect(await page.getByTestId('import-next').isDisabled()).toBe(true);
    const readings = async (value: string) => page.locator(`label[for="question-encoding-${value}"] .choice-examples code`).allInnerTexts();
    expect(await readings('windows-1252')).toEqual(['row 2, "description": Café', 'row 3, "description": Müller']);
    expect(await readings('utf-8')).toEqual(['row 2, "description": Caf\uFFFD (not UTF-8)', 'row 3, "description": M\uFFFDller (not UTF-8)']);

    // UTF-8 cannot read the file: the step says where, and there is no way on.
    await page.getByTestId('answer-encoding-utf-8').check();
    const notice = page.getByTestId('error-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Row 2, column 6 ("description") is not valid UTF-8: it reads "Caf\uFFFD" as UTF-8 and "Café" as Windows-1252 (Latin-1)');
    // The byte and its offset in the details line, not the message.
    expect(await notice.getByTestId('error-details').innerText()).toMatch(/^byte 0xE9 at offset 92 is not valid UTF-8 · invalid_encoding · /);
    expect(await page.getByTestId('import-next').isDisabled()).toBe(true);

    // Windows-1252 reads it: the preview shows the text as it will be stored.
    await page.getByTestId('answer-encoding-windows-1252').check();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => previewColumn(page, 'stored:description')).toEqual(['Café', 'Müller']);
    expect(await question.getAttribute('data-answered')).toBe('true');
    await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
    await page.getByTestId('import-next').click();

    await page.getByTestId('import-check').click();
    await page.locator('[data-testid=import-counts][data-phase=check]').waitFor();
    await page.getByTestId('import-commit').click();
    const committed = page.locator('[data-testid=import-counts][data-phase=commit]');
    await committed.waitFor({ timeout: 30_000 });
    expect(await committed.getAttribute('data-created')).toBe('2');

    const stored = workspace.db.prepare("SELECT description FROM revenues WHERE external_id LIKE 'enc_%' ORDER BY external_id").pluck().all() as string[];
    expect(stored).toEqual(['Café', 'Müller']);
    expect(Buffer.from(stored[0], 'utf8').toString('hex')).toBe(Buffer.from('Caf\u00e9', 'utf8').toString('hex'));
    expect(pageErrors).toEqual([]);
  });

  it('a byte past the part read for detection stops the check with the cell read both ways and offers the encoding that reads it', { timeout: 120_000 }, async () => {
    const { workspace, core } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { page, pageErrors, server } = await session.open(core);
    await page.goto(server.url);
    await page.getByTestId('row-count').waitFor();

    // 30,000 plain rows, past the part the encoding is detected from (read as UTF-8, nothing asked), then "Müller" saved by Excel.
    const filler = Array.from({ length: 30_000 }, (_, i) => `f_${i},sale,2026-10-05,1.00,USD,plain ascii description`).join('\n');
    const late = Buffer.concat([
      Buffer.from(`external_id,kind,occurred_at,amount,currency,description\n${filler}\n`),
      Buffer.from('late_1,sale,2026-10-06,2.00,USD,Müller\n', 'latin1'),
    ]);
    await dropBytes(page, 'late.csv', late);
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').waitFor();
    await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
    await page.getByTestId('import-next').click();
    // Questions only if the file left one open; answered the plain way.
    if (await page.locator('.wizard-body[data-step=questions]').count()) {
      for (const answer of ['answer-number_convention-dot', 'answer-date_format-YYYY-MM-DD']) {
        if (await page.getByTestId(answer).count()) await page.getByTestId(answer).check();
      }
      await expect.poll(() => page.getByTestId('import-next').isEnabled()).toBe(true);
      await page.getByTestId('import-next').click();
    }

    // The check runs on its own and stops at the row, saying the cell both ways.
    const notice = page.getByTestId('error-notice');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.innerText()).toContain('Row 30,002, column 6 ("description") is not valid UTF-8: it reads "M\uFFFDller" as UTF-8 and "Müller" as Windows-1252 (Latin-1)');
    expect(await notice.getByTestId('error-details').innerText()).toMatch(/^byte 0xFC at offset [\d,]+ is not valid UTF-8 · invalid_encoding · /);

    // The offer reads the file as Windows-1252; the check runs again and finds every row.
    await notice.getByTestId('read-as-encoding').click();
    await expect.poll(() => page.locator('[data-testid=import-counts][data-phase=check]').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('error-notice').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
