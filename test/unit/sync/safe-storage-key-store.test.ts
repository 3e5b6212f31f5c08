import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeStorageKeyStore, SYNC_KEYS_FILE_NAME, type KeyCipher } from '../../../src/main/electron/sync-key-store';

// A stand-in for Electron's safeStorage: reversible, and never the plain text.
function fakeCipher(available = true): KeyCipher {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the desktop key store (safeStorage)', () => {
  it('keeps a key per org and source, encrypted in the user-data file, and forgets it', () => {
    dir = mkdtempSync(join(tmpdir(), 'closebook-keys-'));
    const store = safeStorageKeyStore(dir, fakeCipher());
    store.set('org-a', 'revenue', 'sk_live_secret_1');
    store.set('org-b', 'revenue', 'sk_live_secret_2');
    expect(store.get('org-a', 'revenue')).toBe('sk_live_secret_1');
    expect(store.get('org-b', 'revenue')).toBe('sk_live_secret_2');
    expect(store.get('org-a', 'consumption')).toBeNull();
    const bytes = readFileSync(join(dir, SYNC_KEYS_FILE_NAME));
    expect(bytes.includes(Buffer.from('sk_live_secret'))).toBe(false);
    // A new store over the same folder reads what the first kept.
    expect(safeStorageKeyStore(dir, fakeCipher()).get('org-a', 'revenue')).toBe('sk_live_secret_1');
    // What the main process hands to a core worker: every key, decrypted.
    expect(store.entries()).toEqual({ 'org-a/revenue': 'sk_live_secret_1', 'org-b/revenue': 'sk_live_secret_2' });
    store.set('org-a', 'revenue', null);
    expect(store.get('org-a', 'revenue')).toBeNull();
    expect(store.entries()).toEqual({ 'org-b/revenue': 'sk_live_secret_2' });
    expect(store.get('org-b', 'revenue')).toBe('sk_live_secret_2');
  });

  it('refuses to keep a key when the system offers no encryption, and writes nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'closebook-keys-'));
    const store = safeStorageKeyStore(dir, fakeCipher(false));
    expect(() => store.set('org-a', 'revenue', 'sk_plain')).toThrow(/no encryption.*CLOSEBOOK_SYNC_KEY_/);
    expect(() => readFileSync(join(dir, SYNC_KEYS_FILE_NAME))).toThrow();
  });
});
