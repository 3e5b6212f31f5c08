import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import { startCore, type CoreHost } from '../../src/main/core/host';
import { safeStorageKeyStore, SYNC_KEYS_FILE_NAME, type KeyCipher } from '../../src/main/electron/sync-key-store';
import { HAS_CHROMIUM, launchChromium } from '../support/chromium';
import { startFakeAllocora, type FakeAllocora } from '../support/fake-allocora';
import { callOk } from '../support/temp-workspace';

// The Sync screen as the desktop shows it, without an Electron binary: the real core worker
// with the desktop's key store (a stand-in for safeStorage), its page served over HTTP to
// Chromium. The person enters a wrong key, a right one, then clears it.

const cipher: KeyCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
};

let dir = '';
let core: CoreHost | undefined;
let http: RunningHttpServer | undefined;
let source: FakeAllocora | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // Its own folder for the whole file (tempDir's go after each test, under the open core).
  dir = mkdtempSync(join(tmpdir(), 'closebook-desk-keys-'));
  core = await startCore({ workspacePath: join(dir, 'w.closebook'), syncKeys: safeStorageKeyStore(join(dir, 'user-data'), cipher) });
  const org = await callOk<{ id: string }>(core, 'orgs.create', { name: 'Desk Org', currency: 'USD' });
  source = await startFakeAllocora({ payees: 2, products: 1, revenues: 3 });
  await callOk(core, 'sync.saveConnection', { orgId: org.id, source: 'revenue', baseUrl: source.baseUrl });
  http = await startHttpServer({ core, rendererDir: join(process.cwd(), 'out/renderer') });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await http?.close();
  await core?.close();
  await source?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAS_CHROMIUM)('Sync screen on the desktop: the API key field', () => {
  it('saves a key to the keychain, tests with it, replaces and clears it; the field never shows it back', { timeout: 120_000 }, async () => {
    const page = await (await browser!.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(http!.url);
    await page.getByTestId('area-sync').click();
    const card = page.getByTestId('sync-card-revenue');
    const state = card.getByTestId('sync-key-state-revenue');
    await expect.poll(() => state.textContent()).toContain("No API key: read from this computer's keychain");
    expect(await card.getByLabel('API key').getAttribute('type')).toBe('password');

    await card.getByLabel('API key').fill('sk_wrong_key');
    await card.getByTestId('sync-key-save-revenue').click();
    await expect.poll(() => state.textContent()).toContain('API key found');
    expect(await card.getByLabel('API key').inputValue()).toBe('');
    await card.getByTestId('sync-test-revenue').click();
    await expect.poll(() => card.getByTestId('sync-test-result-revenue').textContent()).toContain('Confirm the Authorization header');

    await card.getByLabel('API key').fill(source!.key);
    await card.getByTestId('sync-key-save-revenue').click();
    await expect.poll(() => card.getByLabel('API key').inputValue()).toBe('');
    await card.getByTestId('sync-test-revenue').click();
    await expect.poll(() => card.getByTestId('sync-test-result-revenue').getAttribute('class')).toContain('notice-success');

    await card.getByTestId('sync-key-clear-revenue').click();
    await expect.poll(() => state.textContent()).toContain('No API key');
    expect(pageErrors).toEqual([]);

    // Neither the keys file (encrypted) nor the workspace holds a key in clear.
    const keysFile = readFileSync(join(dir, 'user-data', SYNC_KEYS_FILE_NAME));
    const workspaceBytes = Buffer.concat(readdirSync(dir).filter((f) => f.startsWith('w.closebook')).map((f) => readFileSync(join(dir, f))));
    for (const bytes of [keysFile, workspaceBytes]) {
      expect(bytes.includes(Buffer.from(source!.key))).toBe(false);
      expect(bytes.includes(Buffer.from('sk_wrong_key'))).toBe(false);
    }
  });
});
