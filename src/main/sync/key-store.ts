import type { SyncSource } from '../../shared/contract/sync';

/**
 * Where a sync connection's API key comes from. The key is never written to the workspace
 * file: browser mode and the CLI read it from the environment (EnvKeyStore); the desktop
 * app keeps it encrypted with Electron's safeStorage beside its settings
 * (src/main/electron/sync-key-store.ts). Tests use MemoryKeyStore.
 *
 * Desktop path, main <-> core worker: only the Electron main process can use safeStorage,
 * and the core (which calls the sources) runs on a worker thread. So the main process
 * decrypts the keys and hands them to each worker it starts (workerData, also on a restart
 * after a crash); the worker keeps them in memory only (HostKeyStore, host-key-store.ts).
 * `sync.setKey` runs in the worker like any method (permission, org and key checked there),
 * then asks the main process over the core host's message channel to encrypt and keep the
 * key; only once the main process said it is kept does the worker's copy change. Browser
 * mode and the CLI have no such store: `save` is absent and sync.setKey is refused with
 * "keys come from environment variables here". A key is never logged nor put in an error.
 */
export interface SyncKeyStore {
  get(orgId: string, source: SyncSource): string | null;
  /** Where the key is read from, for the screen ("environment variable CLOSEBOOK_SYNC_KEY_REVENUE"). */
  describe(orgId: string, source: SyncSource): string;
  /** Keep (or with null, forget) a key; only stores that can keep one safely have it (the desktop's). */
  save?(orgId: string, source: SyncSource, key: string | null): Promise<void>;
}

/** CLOSEBOOK_SYNC_KEY_<SOURCE>, e.g. CLOSEBOOK_SYNC_KEY_REVENUE. */
export function envKeyName(source: SyncSource): string {
  return `CLOSEBOOK_SYNC_KEY_${source.toUpperCase()}`;
}

/** CLOSEBOOK_SYNC_KEY_<SOURCE>__<ORG>: one org's own key, when several orgs sync the same source. */
export function orgEnvKeyName(orgId: string, source: SyncSource): string {
  return `${envKeyName(source)}__${orgId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export class EnvKeyStore implements SyncKeyStore {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  get(orgId: string, source: SyncSource): string | null {
    const key = this.env[orgEnvKeyName(orgId, source)] ?? this.env[envKeyName(source)];
    return key && key.trim() !== '' ? key.trim() : null;
  }

  describe(orgId: string, source: SyncSource): string {
    return `environment variable ${orgEnvKeyName(orgId, source)} or ${envKeyName(source)}`;
  }
}

export class MemoryKeyStore implements SyncKeyStore {
  private readonly keys = new Map<string, string>();

  set(orgId: string, source: SyncSource, key: string | null): void {
    if (key === null) this.keys.delete(`${orgId}\u0000${source}`);
    else this.keys.set(`${orgId}\u0000${source}`, key);
  }

  get(orgId: string, source: SyncSource): string | null {
    return this.keys.get(`${orgId}\u0000${source}`) ?? null;
  }

  describe(): string {
    return 'the key store of this process';
  }
}

let current: SyncKeyStore = new EnvKeyStore();

export function syncKeyStore(): SyncKeyStore {
  return current;
}

/** Replace the process's key store; returns the previous one (tests put it back). */
export function setSyncKeyStore(store: SyncKeyStore): SyncKeyStore {
  const previous = current;
  current = store;
  return previous;
}
