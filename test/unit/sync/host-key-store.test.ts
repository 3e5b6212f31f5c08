import { describe, expect, it } from 'vitest';
import { hostKeyStore, KEYCHAIN_DESCRIPTION } from '../../../src/main/sync/host-key-store';
import { EnvKeyStore } from '../../../src/main/sync/key-store';
import type { SyncSource } from '../../../src/shared/contract/sync';

describe("the core worker's view of the desktop keys", () => {
  it('uses a key entered on the Sync screen before the environment, and says where each comes from', () => {
    const env = new EnvKeyStore({ CLOSEBOOK_SYNC_KEY_REVENUE: 'k-env', CLOSEBOOK_SYNC_KEY_CONSUMPTION: 'k-env-c' });
    const store = hostKeyStore({ 'org-a/revenue': 'k-desk' }, async () => {}, env);
    expect(store.get('org-a', 'revenue')).toBe('k-desk');
    expect(store.describe('org-a', 'revenue')).toBe(KEYCHAIN_DESCRIPTION);
    expect(store.get('org-a', 'consumption')).toBe('k-env-c');
    expect(store.describe('org-a', 'consumption')).toMatch(/^environment variable CLOSEBOOK_SYNC_KEY_CONSUMPTION__ORG_A/);
    expect(store.get('org-a', 'statements')).toBeNull();
    expect(store.describe('org-a', 'statements')).toBe(KEYCHAIN_DESCRIPTION);
  });

  it('changes its copy only once the main process kept the key', async () => {
    const asked: Array<[string, SyncSource, string | null]> = [];
    let refuse = false;
    const store = hostKeyStore({}, async (orgId, source, key) => {
      asked.push([orgId, source, key]);
      if (refuse) throw new Error('no encryption');
    }, new EnvKeyStore({}));
    await store.save!('org-a', 'revenue', 'k1');
    expect(store.get('org-a', 'revenue')).toBe('k1');
    refuse = true;
    await expect(store.save!('org-a', 'revenue', 'k2')).rejects.toThrow('no encryption');
    expect(store.get('org-a', 'revenue')).toBe('k1');
    refuse = false;
    await store.save!('org-a', 'revenue', null);
    expect(store.get('org-a', 'revenue')).toBeNull();
    expect(asked).toEqual([['org-a', 'revenue', 'k1'], ['org-a', 'revenue', 'k2'], ['org-a', 'revenue', null]]);
  });
});
