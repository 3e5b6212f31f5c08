import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getJson, setRetryPolicy, type RetryPolicy } from '../../../src/main/sync/http-client';

// The sync's GET over node:http keep-alive sockets: what fetch() did, said the same way.

const OPTIONS = { label: 'test source', key: 'k-1', unauthorized: 'say 401', forbidden: 'say 403' };
let previous: RetryPolicy;
let server: Server | null = null;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler!);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('getJson', () => {
  beforeEach(() => {
    previous = setRetryPolicy({ attempts: 2, baseDelayMs: 5, maxRetryAfterMs: 20, timeoutMs: 300 });
  });
  afterEach(async () => {
    setRetryPolicy(previous);
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  });

  it('sends the key with its scheme, reads a UTF-8 JSON body split in chunks, and reuses one socket', async () => {
    const seen: Array<{ auth: string | undefined; port: number | undefined }> = [];
    const base = await serve((req, res) => {
      seen.push({ auth: req.headers.authorization, port: req.socket.remotePort });
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      const body = Buffer.from(JSON.stringify({ name: 'Zoë — ünïcode', n: req.url }));
      // Split inside a multi-byte character: the body is decoded once, whole.
      res.write(body.subarray(0, 12));
      res.end(body.subarray(12));
    });
    const first = await getJson(`${base}/a`, { ...OPTIONS, scheme: 'apikey' });
    const second = await getJson(`${base}/b`, OPTIONS);
    expect(first).toEqual({ status: 200, body: { name: 'Zoë — ünïcode', n: '/a' } });
    expect(second.body).toEqual({ name: 'Zoë — ünïcode', n: '/b' });
    expect(seen.map((s) => s.auth)).toEqual(['apikey k-1', 'Bearer k-1']);
    expect(seen[1].port).toBe(seen[0].port);
  });

  it('a server that never answers is a timeout, retried, then named with the URL', async () => {
    let calls = 0;
    const base = await serve(() => {
      calls++;
    });
    await expect(getJson(`${base}/slow`, OPTIONS)).rejects.toThrow(`test source: ${base}/slow no answer within 300 ms, after 2 tries`);
    expect(calls).toBe(2);
  });

  it('a port nobody listens on could not be reached', async () => {
    const base = await serve(() => {});
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    await expect(getJson(`${base}/x`, OPTIONS)).rejects.toThrow(/test source: http:\/\/127\.0\.0\.1:\d+\/x could not be reached \(.*ECONNREFUSED.*\), after 2 tries/);
  });

  it("429 waits its Retry-After then succeeds; 403 gives the server's detail; 404 and HTML are refused", async () => {
    let n = 0;
    const base = await serve((req, res) => {
      if (req.url === '/busy' && n++ === 0) {
        res.writeHead(429, { 'Retry-After': '0', 'Content-Type': 'application/json' });
        return res.end('{}');
      }
      if (req.url === '/forbidden') {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ detail: 'lacks read:revenues' }));
      }
      if (req.url === '/html') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<html></html>');
      }
      if (req.url === '/missing') {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ detail: 'Not found.' }));
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('[1]');
    });
    await expect(getJson(`${base}/busy`, OPTIONS)).resolves.toEqual({ status: 200, body: [1] });
    expect(n).toBe(2);
    await expect(getJson(`${base}/forbidden`, OPTIONS)).rejects.toThrow('test source: 403 Forbidden. say 403 (the server said: lacks read:revenues)');
    await expect(getJson(`${base}/missing`, OPTIONS)).rejects.toThrow(`test source: ${base}/missing answered 404 (the server said: Not found.)`);
    await expect(getJson(`${base}/missing`, { ...OPTIONS, accept: [404] })).resolves.toEqual({ status: 404, body: { detail: 'Not found.' } });
    await expect(getJson(`${base}/html`, OPTIONS)).rejects.toThrow(`test source: ${base}/html answered text/html that is not JSON`);
  });
});
