import type { SyncKeyState, SyncSource } from '../../shared/contract/sync';
import { ApiFailure, invalidInput } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { syncKeyStore } from './key-store';

// sync.setKey: the desktop's way to enter a key (see key-store.ts for the path to the
// keychain). Errors name the field, never echo the key.

/** A key as sources take it: one line of visible characters, spaces around it dropped. */
function readKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed === '') throw invalidInput([{ field: 'key', message: 'is empty; send null to forget the key' }]);
  if (/[\s\u0000-\u001f\u007f]/.test(trimmed)) throw invalidInput([{ field: 'key', message: 'must be one word without spaces, tabs or line breaks (was something pasted around it?)' }]);
  return trimmed;
}

export async function setSyncKey(db: Database.Database, input: { orgId: string; source: SyncSource; key: string | null }): Promise<SyncKeyState> {
  assertOrg(db, input.orgId);
  const store = syncKeyStore();
  if (!store.save) {
    throw new ApiFailure(
      'conflict',
      'keys_from_environment',
      `Keys come from environment variables here (browser mode, the CLI, the HTTP API): set ${store.describe(input.orgId, input.source)} before starting Closebook. Only the desktop app keeps keys entered on the Sync screen.`,
      { source: input.source },
    );
  }
  const key = input.key === null ? null : readKey(input.key);
  try {
    await store.save(input.orgId, input.source, key);
  } catch (error) {
    throw new ApiFailure('conflict', 'key_not_kept', `The ${input.source} key was not kept: ${(error as Error).message}`, { source: input.source });
  }
  return { source: input.source, hasKey: store.get(input.orgId, input.source) !== null, keyFrom: store.describe(input.orgId, input.source) };
}
