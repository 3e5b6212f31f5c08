import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import type { StoredKey } from '../../src/shared/contract/system';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';

// API keys end: revoked keys are refused from their next call, expired ones after their
// time, and keys.list tells when each was last used.

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ping = (secret: string) => fetch(`http://127.0.0.1:${server!.port}/api/orgs.list`, { method: 'POST', headers: { Authorization: `Bearer ${secret}` }, body: '{}' });

describe('API keys over their life', () => {
  it('a used key shows when; a revoked key gets 401 on its next call', async () => {
    const { core } = tempWorkspace();
    server = await startHttpServer({ core });
    const key = await callOk<{ id: number; secret: string; expiresAt: null }>(core, 'keys.create', { name: 'nightly export', permissions: ['read:orgs'] });
    expect(key.expiresAt).toBeNull();
    const before = (await callOk<{ keys: StoredKey[] }>(core, 'keys.list', {})).keys[0];
    expect(before).toMatchObject({ name: 'nightly export', lastUsedAt: null, revokedAt: null, expiresAt: null });
    expect((await ping(key.secret)).status).toBe(200);
    const used = (await callOk<{ keys: StoredKey[] }>(core, 'keys.list', {})).keys[0];
    expect(Date.parse(used.lastUsedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const revoked = await callOk<StoredKey>(core, 'keys.revoke', { id: key.id });
    expect(revoked.revokedAt).not.toBeNull();
    const refused = await ping(key.secret);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, error: { type: 'authentication_error', code: 'invalid_token' } });
  });

  it('an expiring key works until its time, then gets 401', async () => {
    const { core } = tempWorkspace();
    server = await startHttpServer({ core });
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const key = await callOk<{ secret: string; expiresAt: string }>(core, 'keys.create', { name: 'short', permissions: ['read:orgs'], expiresAt });
    expect(key.expiresAt).toBe(expiresAt);
    expect((await ping(key.secret)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await ping(key.secret)).status).toBe(401);
  });

  it('refuses an expiry in the past or without a zone, and revoking a key that does not exist', async () => {
    const { core } = tempWorkspace();
    for (const expiresAt of ['2020-01-01T00:00:00Z', '2030-01-01 00:00:00', 'tomorrow']) {
      const result = await core.call('keys.create', { name: 'k', permissions: ['read:orgs'], expiresAt }, LOCAL).result;
      expect(result.ok === false && result.error, expiresAt).toMatchObject({ code: 'invalid_input', detail: { issues: [{ field: 'expiresAt' }] } });
    }
    const missing = await core.call('keys.revoke', { id: 99 }, LOCAL).result;
    expect(missing.ok === false && missing.error).toMatchObject({ type: 'not_found', code: 'key_not_found' });
    expect((await callOk<{ keys: StoredKey[] }>(core, 'keys.list', {})).keys).toEqual([]);
  });
});
