import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import { nestingDepth } from '../../src/main/api/http/json-body';
import { FIXTURES, ORG, setup } from './import-files-support';
import { callOk } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// Browser mode's loopback server under hostile or clumsy clients: what it keeps on disk,
// and that every refusal is an answer in the seeds' error shape (never a reset or a 500).

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function post(method: string, body: string | Buffer, headers: Record<string, string> = {}, token = server!.token) {
  return fetch(`http://127.0.0.1:${server!.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, ...headers }, body });
}
const upload = (method: string, bytes: Buffer, input: unknown, token?: string) => post(method, bytes, { 'X-Closebook-Input': encodeURIComponent(JSON.stringify(input)) }, token);
const staged = () => readdirSync(server!.stagingDir);

describe('uploads', () => {
  it('a key without write:imports is refused 403 before anything of its body is stored', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const key = await callOk<{ secret: string }>(ctx.core, 'keys.create', { name: 'reader', permissions: ['read:imports'] });
    const res = await upload('imports.upload', Buffer.alloc(5 * 1024 * 1024, 'a'), { name: 'big.csv' }, key.secret);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { type: 'permission_error', code: 'missing_permission', detail: { required: 'write:imports' } } });
    expect(staged()).toEqual([]);
  });

  it('over the size limit: 413 in the error shape, nothing kept, whether or not Content-Length tells', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core, maxUploadBytes: 1000 });
    const declared = await upload('imports.upload', Buffer.alloc(5000, 'a'), { name: 'big.csv' });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ ok: false, error: { type: 'payload_too_large', code: 'upload_too_large', detail: { limit: 1000 } } });
    // Chunked, no Content-Length: stopped once the limit is passed.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(600));
        controller.close();
      },
    });
    const chunked = await fetch(`http://127.0.0.1:${server.port}/api/imports.upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'X-Closebook-Input': encodeURIComponent('{"name":"x.csv"}') },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // The partial file is removed once its write stream has closed, which can be just after the answer.
    await expect.poll(() => staged()).toEqual([]);
  });

  it('stages privately (folder 0700, file 0600) and removes the file once the import that used it has ended', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const bytes = readFileSync(join(FIXTURES, 'paypal-activity.csv'));
    const { value } = (await (await upload('imports.upload', bytes, { name: 'paypal.csv' })).json()) as { value: { path: string } };
    expect(statSync(server.stagingDir).mode & 0o777).toBe(0o700);
    expect(statSync(value.path).mode & 0o777).toBe(0o600);
    const check = await post('imports.check', JSON.stringify({ orgId: ORG, entity: 'revenues', path: value.path }), { 'Content-Type': 'application/json' });
    expect(check.status).toBe(200);
    expect(existsSync(value.path)).toBe(true); // the wizard may still commit it
    const commit = await post('imports.commit', JSON.stringify({ orgId: ORG, entity: 'revenues', path: value.path }), { 'Content-Type': 'application/json' });
    expect(commit.status).toBe(200);
    expect(existsSync(value.path)).toBe(false);
  });

  it('removes the staging folders of servers that are no longer running when a server starts', async () => {
    const ctx = setup();
    // pid 2^22 + 1 is above Linux's pid_max default: no process has it.
    const leftover = join(tmpdir(), `closebook-uploads-4194305-0123456789ab`);
    mkdirSync(leftover, { recursive: true });
    server = await startHttpServer({ core: ctx.core });
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(server.stagingDir)).toBe(true);
  });
});

describe('request bodies and addresses', () => {
  it('a JSON body over the limit is answered 413, not a reset connection', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const res = await post('ping', JSON.stringify({ pad: 'x'.repeat(11 * 1024 * 1024) }), { 'Content-Type': 'application/json' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { type: 'payload_too_large', code: 'body_too_large' } });
  });

  it('5 MB of nested arrays is a 400 naming the depth, not a 500', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const depth = 2_500_000;
    const res = await post('orgs.list', '['.repeat(depth) + ']'.repeat(depth), { 'Content-Type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'json_too_deep' } });
    // Brackets inside strings are text, not nesting.
    expect(nestingDepth(JSON.stringify({ a: '[[[[{{{{', b: ['\\"[['] }))).toBe(2);
  });

  it('an address that is not valid percent-encoding is a 400', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    for (const path of ['/api/%E0%A4%A', '/%E0%A4%A']) {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { method: path.startsWith('/api/') ? 'POST' : 'GET', headers: { Authorization: `Bearer ${server.token}` } });
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { type: 'validation_error', code: 'invalid_url' } });
    }
  });
});

describe('downloads', () => {
  function seedMany(ctx: ReturnType<typeof setup>, count: number) {
    const rows = Array.from({ length: count }, (_, i) => ({ externalId: `r${i}`, kind: 'sale' as const, occurredAt: '2026-10-01T09:00:00Z', amount: '1.00', description: 'x'.repeat(200) }));
    seedOrgWithRevenues(ctx.workspace.db, rows, 'org-dl');
  }

  it('a client that goes away mid-download leaves no file behind, and the server goes on', { timeout: 60_000 }, async () => {
    const ctx = setup();
    seedMany(ctx, 5_000);
    server = await startHttpServer({ core: ctx.core });
    const body = JSON.stringify({ orgId: 'org-dl', period: null, columns: ['externalId', 'amount', 'description'] });
    await new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server!.port, path: '/api/revenues.export', method: 'POST', headers: { Authorization: `Bearer ${server!.token}`, 'Content-Type': 'application/json', Host: `127.0.0.1:${server!.port}` } },
        (res) => {
          res.once('data', () => {
            try {
              expect(res.statusCode).toBe(200);
              expect(staged().length).toBe(1); // the export waiting to be sent
              resolve();
            } catch (error) {
              reject(error);
            } finally {
              req.destroy();
            }
          });
        },
      );
      req.on('error', (error) => (error.message.includes('socket hang up') ? resolve() : reject(error)));
      req.end(body);
    });
    await expect.poll(() => staged(), { timeout: 5000 }).toEqual([]);
    const ping = await post('ping', '{}', { 'Content-Type': 'application/json' });
    expect(ping.status).toBe(200);
  });

  it('a server stopped mid-download removes the file with its folder', async () => {
    const ctx = setup();
    seedMany(ctx, 5_000);
    server = await startHttpServer({ core: ctx.core });
    const res = await post('revenues.export', JSON.stringify({ orgId: 'org-dl', period: null, columns: ['externalId', 'amount', 'description'] }), { 'Content-Type': 'application/json' });
    expect(res.status).toBe(200);
    const dir = server.stagingDir;
    await server.close();
    server = undefined;
    await res.arrayBuffer().catch(() => undefined);
    expect(existsSync(dir)).toBe(false);
  });
});
