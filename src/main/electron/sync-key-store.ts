import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SyncSource } from '../../shared/contract/sync';
import { keyEntryName as entryName, type SyncKeyEntries } from '../sync/host-key-store';
import type { SyncKeyStore } from '../sync/key-store';

// The desktop's sync keys: encrypted with Electron's safeStorage (the OS keychain's key) in a
// file of the app's user-data folder, never in a workspace. Only the Electron main process
// loads this; the cipher is passed in, so tests use a stand-in and never need Electron.

export const SYNC_KEYS_FILE_NAME = 'sync-keys.json';

/** The part of Electron's safeStorage this store uses. */
export interface KeyCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface WritableKeyStore extends SyncKeyStore {
  /** Keep (or with null, forget) an org's key for a source. Refused when the OS offers no encryption. */
  set(orgId: string, source: SyncSource, key: string | null): void;
  /** Every key it can decrypt, by entry name: what the main process hands to a core worker. */
  entries(): SyncKeyEntries;
}

export function safeStorageKeyStore(userDataDir: string, cipher: KeyCipher): WritableKeyStore {
  const file = join(userDataDir, SYNC_KEYS_FILE_NAME);

  function read(): Record<string, string> {
    if (!existsSync(file)) return {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  function write(entries: Record<string, string>): void {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(entries, null, 2), { mode: 0o600 });
    renameSync(temp, file);
  }

  function decrypt(stored: string | undefined): string | null {
    if (typeof stored !== 'string' || stored === '' || !cipher.isEncryptionAvailable()) return null;
    try {
      return cipher.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      // Encrypted under another OS account or keychain: as if absent, so the person enters it again.
      return null;
    }
  }

  return {
    get(orgId, source) {
      return decrypt(read()[entryName(orgId, source)]);
    },
    entries() {
      const keys: SyncKeyEntries = {};
      for (const [name, stored] of Object.entries(read())) {
        const key = decrypt(stored);
        if (key !== null) keys[name] = key;
      }
      return keys;
    },
    describe() {
      return "this computer's keychain (Sync screen)";
    },
    set(orgId, source, key) {
      const entries = read();
      if (key === null) delete entries[entryName(orgId, source)];
      else {
        if (!cipher.isEncryptionAvailable()) throw new Error('This system offers no encryption for stored keys; set the CLOSEBOOK_SYNC_KEY_* environment variable instead');
        entries[entryName(orgId, source)] = cipher.encryptString(key).toString('base64');
      }
      write(entries);
    },
  };
}
