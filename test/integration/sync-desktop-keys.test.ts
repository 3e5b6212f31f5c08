import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHost } from '../../src/main/core/host';
import { ALL_PERMISSIONS_PRINCIPAL } from '../../src/main/core/in-process';
import { safeStorageKeyStore, SYNC_KEYS_FILE_NAME, type KeyCipher } from '../../src/main/electron/sync-key-store';
import type { SyncConnection, SyncTestResult } from '../../src/shared/contract/sync';
import { startFakeAllocora, type FakeAllocora } from '../support/fake-allocora';
import { callOk, tempDir } from '../support/temp-workspace';

// The desktop's key path with the real core worker: sync.setKey runs in the worker, the
// host (standing in for the Electron main process) encrypts and keeps the key, the worker
// uses it for sync.test; no Electron binary, a stand-in for safeStorage.

function fakeCipher(state = { available: true }): KeyCipher {
  return {
    isEncryptionAvailable: () => state.available,
    encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

let core: CoreHost | undefined;
let server: FakeAllocora | undefined;
afterEach(async () => {
  await core?.close();
  await server?.close();
  core = undefined;
  server = undefined;
});

async function desktopCore(cipherState = { available: true }) {
  const dir = tempDir();
  const userData = join(dir, 'user-data');
  const workers: Worker[] = [];
  const store = safeStorageKeyStore(userData, fakeCipher(cipherState));
  core = await startCore({ workspacePath: join(dir, 'w.closebook'), syncKeys: store, onWorker: (w) => workers.push(w) });
  const org = await callOk<{ id: string }>(core, 'orgs.create', { name: 'Keys Org', currency: 'USD' });
  server = await startFakeAllocora({ payees: 2, products: 1, revenues: 3 });
  await callOk(core, 'sync.saveConnection', { orgId: org.id, source: 'revenue', baseUrl: server.baseUrl });
  return { core, dir, userData, workers, store, orgId: org.id };
}

const connectionOf = async (c: CoreHost, orgId: string) => (await callOk<{ connections: SyncConnection[] }>(c, 'sync.connections', { orgId })).connections[0];

describe('desktop sync keys (safeStorage in the main process, used by the core worker)', () => {
  it('a key set on the desktop is kept encrypted, used by sync.test, replaced, cleared, and survives a worker restart', async () => {
    const ctx = await desktopCore();
    expect(await connectionOf(ctx.core, ctx.orgId)).toMatchObject({ hasKey: false, keySettable: true, keyFrom: expect.stringContaining('keychain') });
    const missing = await callOk<SyncTestResult>(ctx.core, 'sync.test', { orgId: ctx.orgId, source: 'revenue' });
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining('no API key') });

    const set = await callOk(ctx.core, 'sync.setKey', { orgId: ctx.orgId, source: 'revenue', key: `  ${server!.key}\n` });
    expect(set).toEqual({ source: 'revenue', hasKey: true, keyFrom: "this computer's keychain (Sync screen)" });
    expect(ctx.store.get(ctx.orgId, 'revenue')).toBe(server!.key); // trimmed, kept by the main side
    expect(readFileSync(join(ctx.userData, SYNC_KEYS_FILE_NAME)).includes(Buffer.from(server!.key))).toBe(false);
    expect(await callOk<SyncTestResult>(ctx.core, 'sync.test', { orgId: ctx.orgId, source: 'revenue' })).toMatchObject({ ok: true });

    // Replaced by a wrong key: the worker uses the new one at once (the server says 401).
    await callOk(ctx.core, 'sync.setKey', { orgId: ctx.orgId, source: 'revenue', key: 'sk_wrong_key' });
    expect(await callOk<SyncTestResult>(ctx.core, 'sync.test', { orgId: ctx.orgId, source: 'revenue' })).toMatchObject({ ok: false, status: 401 });
    await callOk(ctx.core, 'sync.setKey', { orgId: ctx.orgId, source: 'revenue', key: server!.key });

    // A worker started after a crash has the keys saved since its predecessor started.
    await ctx.workers[0].terminate();
    expect(await callOk<SyncTestResult>(ctx.core, 'sync.test', { orgId: ctx.orgId, source: 'revenue' })).toMatchObject({ ok: true });
    expect(ctx.workers).toHaveLength(2);
    const run = await callOk<{ runs: Array<{ status: string }> }>(ctx.core, 'sync.run', { orgId: ctx.orgId, sources: ['revenue'] });
    expect(run.runs[0].status).toBe('committed');

    // Cleared: gone from the worker and the keys file.
    expect(await callOk(ctx.core, 'sync.setKey', { orgId: ctx.orgId, source: 'revenue', key: null })).toMatchObject({ hasKey: false });
    expect(ctx.store.get(ctx.orgId, 'revenue')).toBeNull();
    expect(await connectionOf(ctx.core, ctx.orgId)).toMatchObject({ hasKey: false });
    expect(await callOk<SyncTestResult>(ctx.core, 'sync.test', { orgId: ctx.orgId, source: 'revenue' })).toMatchObject({ ok: false, message: expect.stringContaining('no API key') });

    // The workspace file and its journal never held the key; they do hold what the sync wrote.
    await ctx.core.close();
    core = undefined;
    const files = readdirSync(ctx.dir).filter((f) => f.startsWith('w.closebook'));
    expect(files).toContain('w.closebook');
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(ctx.dir, f))));
    expect(bytes.includes(Buffer.from(server!.key))).toBe(false);
    expect(bytes.includes(Buffer.from('sk_wrong_key'))).toBe(false);
    expect(bytes.includes(Buffer.from('Payee 2'))).toBe(true);
  });

  it.each([
    ['', /key: is empty; send null to forget/],
    ['   ', /key: is empty/],
    ['sk one two', /key: must be one word/],
    ['sk_tab\tkey', /key: must be one word/],
  ])('a key %j is refused naming the field, and the kept key stays', async (key, message) => {
    const ctx = await desktopCore();
    await callOk(ctx.core, 'sync.setKey', { orgId: ctx.orgId, source: 'revenue', key: 'sk_kept' });
    const result = await ctx.core.call('sync.setKey', { orgId: ctx.orgId, source: 'revenue', key }, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(result).toMatchObject({ ok: false, error: { type: 'validation_error', message: expect.stringMatching(message) } });
    expect(ctx.store.get(ctx.orgId, 'revenue')).toBe('sk_kept');
    expect(JSON.stringify(result)).not.toContain('sk one two');
  });

  it('an unknown org, or a caller without write:sync, is refused and nothing is kept', async () => {
    const ctx = await desktopCore();
    const unknown = await ctx.core.call('sync.setKey', { orgId: 'no-such-org', source: 'revenue', key: 'sk_x' }, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(unknown).toMatchObject({ ok: false, error: { type: 'not_found' } });
    const reader = await ctx.core.call('sync.setKey', { orgId: ctx.orgId, source: 'revenue', key: 'sk_x' }, { name: 'reader', permissions: ['read:sync'] }).result;
    expect(reader).toMatchObject({ ok: false, error: { type: 'permission_error' } });
    expect(ctx.store.entries()).toEqual({});
  });

  it('when the system offers no encryption the key is refused with the reason, and the worker does not use it', async () => {
    const cipher = { available: true };
    const ctx = await desktopCore(cipher);
    cipher.available = false;
    const result = await ctx.core.call('sync.setKey', { orgId: ctx.orgId, source: 'revenue', key: server!.key }, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(result).toMatchObject({ ok: false, error: { code: 'key_not_kept', message: expect.stringMatching(/revenue key was not kept: .*no encryption.*CLOSEBOOK_SYNC_KEY_/) } });
    expect(JSON.stringify(result)).not.toContain(server!.key);
    expect(await connectionOf(ctx.core, ctx.orgId)).toMatchObject({ hasKey: false });
  });

  it('browser mode and the CLI (no desktop key store) refuse sync.setKey: keys come from environment variables', async () => {
    core = await startCore({ workspacePath: join(tempDir(), 'w.closebook') });
    const org = await callOk<{ id: string }>(core, 'orgs.create', { name: 'Web Org', currency: 'USD' });
    await callOk(core, 'sync.saveConnection', { orgId: org.id, source: 'consumption', baseUrl: 'http://127.0.0.1:9' });
    const result = await core.call('sync.setKey', { orgId: org.id, source: 'consumption', key: 'sk_x' }, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'conflict', code: 'keys_from_environment', message: expect.stringMatching(/^Keys come from environment variables here .*CLOSEBOOK_SYNC_KEY_CONSUMPTION/) },
    });
    expect(await connectionOf(core, org.id)).toMatchObject({ keySettable: false, keyFrom: expect.stringContaining('environment variable') });
  });
});
