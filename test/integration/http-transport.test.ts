import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/shared/errors';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import { startCore, type CoreHost } from '../../src/main/core/host';
import { callOk, tempDir, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve() {
  const ctx = tempWorkspace();
  seedOrgWithRevenues(ctx.workspace.db, [
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-01T09:00:00Z', amount: '10.00' },
    { externalId: 'ch_2', kind: 'sale', occurredAt: '2026-10-02T09:00:00Z', amount: '-2.50', description: '+cmd' },
  ]);
  server = await startHttpServer({ core: ctx.core });
  return { ...ctx, server };
}

type Body = { ok: boolean; value: Record<string, unknown>; error: ApiError & { detail: { issues: Array<{ field: string }> } } };
const body = (res: Response) => res.json() as Promise<Body>;

function post(method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${server!.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server!.token}`, ...headers },
    body: JSON.stringify(body),
  });
}

describe('the loopback HTTP transport', () => {
  it('answers ping with the key and workspace', async () => {
    await serve();
    const res = await post('ping', {});
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ ok: true, value: { ok: true, key: { name: 'launch token' } } });
  });

  it('binds to 127.0.0.1 only and prints an authorised link', async () => {
    const { server } = await serve();
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('answers 401 without a token and with a wrong one', async () => {
    await serve();
    const missing = await post('ping', {}, { Authorization: '' });
    expect(missing.status).toBe(401);
    expect((await body(missing)).error).toMatchObject({ type: 'authentication_error', code: 'missing_token' });
    const wrong = await post('ping', {}, { Authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect((await body(wrong)).error.code).toBe('invalid_token');
  });

  it('reads only "Bearer <token>", whole: anything around it is no token', async () => {
    await serve();
    const token = server!.token;
    const missing = { type: 'authentication_error', code: 'missing_token', message: 'Send Authorization: Bearer <token> (the token is in the link Closebook printed)' };
    for (const header of [`Basic Bearer ${token}`, `Bearer ${token} extra`, `bearer ${token}`, `Bearer  ${token}`, 'Bearer ']) {
      const res = await post('ping', {}, { Authorization: header });
      expect({ header, status: res.status, error: (await body(res)).error }).toMatchObject({ header, status: 401, error: missing });
    }
    const none = await fetch(`http://127.0.0.1:${server!.port}/api/ping`, { method: 'POST', body: '{}' });
    expect({ status: none.status, error: (await body(none)).error }).toMatchObject({ status: 401, error: missing });
    const wrong = await post('ping', {}, { Authorization: `Bearer ${token}x` });
    expect((await body(wrong)).error).toMatchObject({
      type: 'authentication_error',
      code: 'invalid_token',
      message: 'The bearer token is not valid for this Closebook session or workspace',
    });
    expect((await post('ping', {}, { Authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('answers 403 for a valid key without the permission, and ping validates that key', async () => {
    const { core } = await serve();
    const key = await callOk<{ secret: string }>(core, 'keys.create', { name: 'payees only', permissions: ['read:payees'] });
    const ping = await post('ping', {}, { Authorization: `Bearer ${key.secret}` });
    expect(await body(ping)).toMatchObject({ ok: true, value: { key: { name: 'payees only', permissions: ['read:payees'] } } });
    const res = await post('revenues.list', { orgId: 'org-parent', startRow: 0, endRow: 10 }, { Authorization: `Bearer ${key.secret}` });
    expect(res.status).toBe(403);
    expect((await body(res)).error).toMatchObject({ type: 'permission_error', code: 'missing_permission', detail: { required: 'read:revenues' } });
  });

  it('answers 400 with the error shape, every failing field named', async () => {
    await serve();
    const res = await post('revenues.list', { orgId: 'org-parent', startRow: 0, endRow: 100_000, sortModel: [{ colId: 'amount', sort: 'sideways' }] });
    expect(res.status).toBe(400);
    const { error } = await body(res);
    expect(Object.keys(error).sort()).toEqual(['code', 'detail', 'message', 'timestamp', 'type']);
    expect(error.detail.issues.map((i) => i.field).sort()).toEqual(['endRow', 'sortModel.0.sort']);
  });

  it('answers 400 for a body that is not JSON', async () => {
    await serve();
    const res = await fetch(`http://127.0.0.1:${server!.port}/api/ping`, { method: 'POST', headers: { Authorization: `Bearer ${server!.token}` }, body: '{nope' });
    expect(res.status).toBe(400);
    expect((await body(res)).error.code).toBe('invalid_json');
  });

  it('answers 404 for an unknown method and a missing org', async () => {
    await serve();
    expect((await post('revenues.drop', {})).status).toBe(404);
    const res = await post('periods.list', { orgId: 'nobody' });
    expect(res.status).toBe(404);
    expect((await body(res)).error.code).toBe('org_not_found');
  });

  it('refuses a request whose Host header is not this server, before running it', async () => {
    const { server, workspace } = await serve();
    const orgs = () => workspace.db.prepare('SELECT count(*) FROM orgs').pluck().get();
    const before = orgs();
    const send = (host: string) =>
      new Promise<{ status: number; body: Body }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server.port, path: '/api/orgs.create', method: 'POST', headers: { Host: host, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as Body }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ name: `Made via ${host}`, currency: 'USD' }));
      });
    // A rebinding page names its own host; a near miss of ours is no better.
    for (const host of ['evil.example:80', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `localhost.evil.example:${server.port}`, `127.0.0.2:${server.port}`]) {
      const { status, body } = await send(host);
      expect({ host, status, error: body.error }).toMatchObject({
        host,
        status: 403,
        error: { type: 'permission_error', code: 'host_not_allowed', message: `Host "${host}" is not this server; use http://127.0.0.1:${server.port}/` },
      });
    }
    expect(orgs()).toBe(before);
    // An HTTP/1.0 request may name no host at all: refused too.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.end(`POST /api/ping HTTP/1.0\r\nAuthorization: Bearer ${server.token}\r\nContent-Length: 2\r\n\r\n{}`));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 403 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ ok: false, error: { code: 'host_not_allowed', message: `Host "" is not this server; use http://127.0.0.1:${server.port}/` } });
    // Both names of this server are served.
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const { status, body } = await send(host);
      expect({ host, status, ok: body.ok }).toEqual({ host, status: 200, ok: true });
    }
    expect(orgs()).toBe((before as number) + 2);
  });

  it('sends a file-writing method back as a download and refuses a client path', async () => {
    await serve();
    const res = await post('revenues.export', { orgId: 'org-parent', columns: ['externalId', 'amount', 'description'], sortModel: [{ colId: 'amount', sort: 'asc' }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    expect(res.headers.get('x-closebook-row-count')).toBe('2');
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe("\uFEFFExternal ID,Amount,Description\r\nch_2,-2.50,'+cmd\r\nch_1,10.00,\r\n");
    const withPath = await post('revenues.export', { orgId: 'org-parent', columns: ['amount'], path: '/etc/passwd' });
    expect(withPath.status).toBe(400);
  });

  it('names and types a JSON download by the method file type', async () => {
    await serve();
    const res = await post('profiles.exportFile', { name: 'Stripe itemized balance report' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/\.json"$/);
    expect(JSON.parse(await res.text())).toMatchObject({ format: 'closebook-mapping-profile', profile: { name: 'Stripe itemized balance report', entity: 'revenues' } });
  });

  it('streams progress lines, then the result, as NDJSON when asked (demo.load reports progress)', async () => {
    const { core } = tempWorkspace(); // empty: demo.load writes only into an empty workspace
    server = await startHttpServer({ core });
    const res = await post('demo.load', { revenues: 3_000, seed: 7 }, { Accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { progress?: { task: string; done: number; total: number | null } });
    const progress = lines.slice(0, -1).map((l) => l.progress!);
    expect(progress.length).toBeGreaterThan(1);
    for (const event of progress) expect(event).toMatchObject({ task: 'demo.load', done: expect.any(Number), total: 3_000 });
    expect(progress.map((e) => e.done)).toEqual([...progress.map((e) => e.done)].sort((a, b) => a - b));
    expect(progress.at(0)!.done).toBe(0);
    expect(progress.at(-1)!.done).toBe(3_000);
    expect(lines.at(-1)).toMatchObject({ ok: true, value: { orgs: 3, revenues: 3_000 } });
  });

  it('answers one JSON body, no progress, without that Accept header', async () => {
    const { core } = tempWorkspace();
    server = await startHttpServer({ core });
    const res = await post('demo.load', { revenues: 1_000, seed: 7 });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(await res.text())).toMatchObject({ ok: true, value: { revenues: 1_000 } });
  });
});

describe('the core on its own thread', () => {
  let core: CoreHost | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it('opens the workspace in a worker and answers calls through HTTP', async () => {
    const path = join(tempDir(), 'threaded.closebook');
    core = await startCore({ workspacePath: path });
    server = await startHttpServer({ core });
    const res = await post('workspace.info', {});
    expect(await body(res)).toMatchObject({ ok: true, value: { path, schemaVersion: expect.any(Number) } });
  });

  it('reports a workspace the worker refuses, with its reason', async () => {
    await expect(startCore({ workspacePath: tempDir() })).rejects.toMatchObject({ code: 'workspace_is_directory' });
  });
});
