import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk } from '../support/temp-workspace';
import { startFakeAllocora, type FakeAllocora } from '../support/fake-allocora';
import { EnvKeyStore } from '../../src/main/sync/key-store';
import { dataDigest, keys, ORG, runOne, syncWorkspace, useSyncTestSetup } from './sync-support';

useSyncTestSetup();
let server: FakeAllocora | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('sync connections', () => {
  it.each([
    ['ftp://files.example.com', 'baseUrl: must start with http:// or https://, not ftp://'],
    ['javascript:alert(1)', 'baseUrl: must start with http:// or https://, not javascript://'],
    ['www.allocora.com', 'baseUrl: "www.allocora.com" is not a URL'],
    ['https://user:secret@www.allocora.com', 'baseUrl: must not carry a user name or password'],
  ])('a base URL %s is refused naming the field, nothing stored', async (baseUrl, message) => {
    const ctx = syncWorkspace();
    const result = await ctx.core.call('sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl }, { name: 't', permissions: 'all' }).result;
    expect(result).toMatchObject({ ok: false, error: { type: 'validation_error', message: expect.stringContaining(message) } });
    expect(ctx.workspace.db.prepare('SELECT count(*) FROM sync_connections').pluck().get()).toBe(0);
  });

  it('saving again changes the base URL and keeps the cursors; the key is never returned', async () => {
    const ctx = syncWorkspace();
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl: 'https://a.example.com/' });
    ctx.workspace.db.prepare(`UPDATE sync_connections SET cursors = '{"revenues":"2026-10-01T00:00:00Z"}'`).run();
    keys.set(ORG, 'revenue', 'sk_live_do_not_show');
    const saved = await callOk<Record<string, unknown>>(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl: 'https://b.example.com' });
    expect(saved).toMatchObject({ source: 'revenue', baseUrl: 'https://b.example.com', cursors: { revenues: '2026-10-01T00:00:00Z' }, hasKey: true });
    expect(JSON.stringify(await callOk(ctx.core, 'sync.connections', { orgId: ORG }))).not.toContain('sk_live_do_not_show');
  });

  it('sync.run of a source that is not connected is refused by name (every source is pulled now)', async () => {
    const ctx = syncWorkspace();
    const local = { name: 't', permissions: 'all' as const };
    for (const source of ['revenue', 'statements', 'reports']) {
      expect(await ctx.core.call('sync.run', { orgId: ORG, sources: [source] }, local).result).toMatchObject({ ok: false, error: { code: 'no_connection', detail: { source } } });
    }
  });

  it('the workspace file never holds the API key, after a connection, a test and a sync', async () => {
    server = await startFakeAllocora({ payees: 3, products: 2, revenues: 20 });
    const ctx = syncWorkspace();
    await callOk(ctx.core, 'sync.saveConnection', { orgId: ORG, source: 'revenue', baseUrl: server.baseUrl });
    keys.set(ORG, 'revenue', server.key);
    await callOk(ctx.core, 'sync.test', { orgId: ORG, source: 'revenue' });
    expect(await runOne(ctx.core, 'revenue')).toMatchObject({ status: 'committed' });
    ctx.workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    const dir = dirname(ctx.workspace.path);
    const files = readdirSync(dir).filter((f) => f.startsWith('test.closebook'));
    expect(files).toContain('test.closebook');
    const stored = Buffer.from(dataDigest(ctx.workspace.db)); // the rows themselves, too
    for (const bytes of [...files.map((f) => readFileSync(join(dir, f))), stored]) {
      expect(bytes.includes(Buffer.from(server.key))).toBe(false);
      expect(bytes.includes(Buffer.from('fake-key'))).toBe(false);
    }
    // The rows the sync wrote are in the file: the check above reads the right bytes.
    expect(readFileSync(join(dir, 'test.closebook')).includes(Buffer.from('Payee 3'))).toBe(true);
  });

  it('browser mode and the CLI read the key from CLOSEBOOK_SYNC_KEY_<SOURCE>, an org\'s own first', () => {
    const store = new EnvKeyStore({ CLOSEBOOK_SYNC_KEY_REVENUE: 'k-all', CLOSEBOOK_SYNC_KEY_CONSUMPTION__ORG_SYNC: 'k-org', CLOSEBOOK_SYNC_KEY_CONSUMPTION: 'k-other' });
    expect(store.get(ORG, 'revenue')).toBe('k-all');
    expect(store.get(ORG, 'consumption')).toBe('k-org');
    expect(store.get('org-b', 'consumption')).toBe('k-other');
    expect(store.get(ORG, 'statements')).toBeNull();
  });
});
