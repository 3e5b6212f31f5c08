import type { Page } from 'playwright-core';

// Runs in the page (page.evaluateHandle); the test's own types are Node's, which lack it.
declare const DataTransfer: { new (): { items: { add(file: File): void } } };

/** Drops a file on the window the way a file manager would. */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, text },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}
