import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import { callOk } from '../support/temp-workspace';
import { ORG, payoutsWorkspace } from './payouts-support';

// Rules and payouts over HTTP: 401 without a valid key, 403 naming the permission a key
// lacks, for each of their permissions.

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const CALLS = [
  ['rules.list', { orgId: ORG, startRow: 0, endRow: 10 }, 'read:rules'],
  ['rules.conflicts', { orgId: ORG, period: '2026-10' }, 'read:rules'],
  ['rules.batch', { orgId: ORG, records: [{ external_id: 'r', name: 'R', scope: 'org', effective_from: '2026-10-01' }] }, 'write:rules'],
  ['payouts.get', { orgId: ORG, period: '2026-10' }, 'read:payouts'],
  ['payouts.run', { orgId: ORG, period: '2026-10' }, 'write:payouts'],
] as const;

describe('rules and payouts over HTTP', () => {
  it('401 without a valid token; 403 for a key without the permission; through with it', async () => {
    const { core } = await payoutsWorkspace();
    server = await startHttpServer({ core });
    const post = (method: string, body: unknown, token: string) =>
      fetch(`http://127.0.0.1:${server!.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const other = await callOk<{ secret: string }>(core, 'keys.create', { name: 'revenues only', permissions: ['read:revenues', 'write:revenues'] });
    for (const [method, body, permission] of CALLS) {
      expect((await post(method, body, 'not-a-token')).status, method).toBe(401);
      const refused = await post(method, body, other.secret);
      expect(refused.status, method).toBe(403);
      expect(((await refused.json()) as { error: { detail: { required: string } } }).error.detail.required).toBe(permission);
      const key = await callOk<{ secret: string }>(core, 'keys.create', { name: `with ${permission} for ${method}`, permissions: [permission] });
      const allowed = await post(method, body, key.secret);
      expect([200, 404], `${method}: ${allowed.status}`).toContain(allowed.status);
    }
  });
});
