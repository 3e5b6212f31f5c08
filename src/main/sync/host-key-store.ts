import type { SyncSource } from '../../shared/contract/sync';
import { EnvKeyStore, type SyncKeyStore } from './key-store';

// The core worker's view of the desktop's keys (see key-store.ts for the whole path): the
// decrypted keys the main process handed over, in memory only, and a way to ask the main
// process to keep a new one. The worker never sees safeStorage nor the keys file.

/** Decrypted keys by entry name (`<orgId>/<source>`), as the main process hands them over. */
export type SyncKeyEntries = Record<string, string>;

export const keyEntryName = (orgId: string, source: SyncSource): string => `${orgId}/${source}`;

export const KEYCHAIN_DESCRIPTION = "this computer's keychain (Sync screen)";

/**
 * @param ask  asks the main process to encrypt and keep (or with null, forget) a key;
 *             rejects with the reason when it could not.
 * @param fallback  where a key comes from when none was entered on the Sync screen
 *             (the environment variables, as in browser mode).
 */
export function hostKeyStore(
  initial: SyncKeyEntries,
  ask: (orgId: string, source: SyncSource, key: string | null) => Promise<void>,
  fallback: SyncKeyStore = new EnvKeyStore(),
): SyncKeyStore {
  const keys = new Map(Object.entries(initial));
  return {
    get(orgId, source) {
      return keys.get(keyEntryName(orgId, source)) ?? fallback.get(orgId, source);
    },
    describe(orgId, source) {
      const name = keyEntryName(orgId, source);
      if (!keys.has(name) && fallback.get(orgId, source) !== null) return fallback.describe(orgId, source);
      return KEYCHAIN_DESCRIPTION;
    },
    async save(orgId, source, key) {
      await ask(orgId, source, key);
      // Only once the main process kept it: a key that could not be kept is not used either.
      if (key === null) keys.delete(keyEntryName(orgId, source));
      else keys.set(keyEntryName(orgId, source), key);
    },
  };
}
