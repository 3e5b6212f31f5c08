import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SyncSource } from '../../shared/contract/sync';
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
}

const entryName = (orgId: string, source: SyncSource) => `${orgId}/${source}`;

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

  return {
    get(orgId, source) {
      const stored = read()[entryName(orgId, source)];
      if (!stored || !cipher.isEncryptionAvailable()) return null;
      try {
        return cipher.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        // Encrypted under another OS account or keychain: as if absent, so the person enters it again.
        return null;
      }
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
