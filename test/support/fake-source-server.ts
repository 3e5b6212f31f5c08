import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fault served instead of the real answer, `times` times, to requests whose path matches. */
export interface PlannedFault {
  status: number;
  times: number;
  path?: RegExp;
  retryAfter?: string;
  contentType?: string;
  body?: string;
}

export interface FakeSourceServer {
  baseUrl: string;
  /** The key that reads everything; `forbiddenKey` is valid but lacks the read permission. */
  key: string;
  forbiddenKey: string;
  /** Every request's path and query, in order. */
  requests: string[];
  fail(fault: PlannedFault): void;
  /** Run after each data answer is sent (not pings or faults): a change between two page requests. */
  afterAnswer(hook: ((url: URL) => void) | null): void;
  close(): Promise<void>;
}

/** The key every fake server accepts: known before a server starts, for a process's environment. */
export const FAKE_SOURCE_KEY = 'fake-key-0123456789abcdef';

export type Route = (url: URL, auth: 'ok' | 'forbidden') => { status: number; body: unknown } | null;

/**
 * A node:http server on 127.0.0.1 and a random port serving a seed's API from generated
 * data: bearer auth (401 without a known key, 403 for the forbidden key on data calls),
 * faults on demand (429 with Retry-After, 5xx, HTML), then the route's JSON answer.
 */
export async function startFakeSource(route: Route, options: { pingPath?: string; authScheme?: string } = {}): Promise<FakeSourceServer> {
  const key = FAKE_SOURCE_KEY;
  const forbiddenKey = 'fake-key-without-read';
  const requests: string[] = [];
  const faults: PlannedFault[] = [];
  let after: ((url: URL) => void) | null = null;

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const fault = faults.find((f) => f.times > 0 && (!f.path || f.path.test(url.pathname)));
    if (fault) {
      fault.times--;
      res.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'application/json', ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}) });
      res.end(fault.body ?? JSON.stringify({ detail: `fault ${fault.status}` }));
      return;
    }
    const header = req.headers.authorization ?? '';
    const prefix = `${options.authScheme ?? 'Bearer'} `;
    const given = header.startsWith(prefix) ? header.slice(prefix.length) : null;
    if (given !== key && given !== forbiddenKey) return send(res, 401, { detail: 'Authentication credentials were not provided.' });
    if (options.pingPath && url.pathname === options.pingPath) return send(res, 200, { ok: true });
    const answer = route(url, given === key ? 'ok' : 'forbidden');
    if (!answer) return send(res, 404, { detail: 'Not found.' });
    send(res, answer.status, answer.body);
    after?.(url);
  }

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    key,
    forbiddenKey,
    requests,
    fail: (fault) => faults.push({ ...fault }),
    afterAnswer: (hook) => {
      after = hook;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Server time that only moves forward, one millisecond per change, so cursors are exact. */
export class FakeClock {
  private ms = Date.parse('2026-10-20T08:00:00.000Z');
  tick(): string {
    this.ms += 1;
    return new Date(this.ms).toISOString();
  }
}

let uuidCounter = 0;
/** A well-formed, unique v4-shaped UUID. */
export function fakeUuid(): string {
  uuidCounter++;
  return `00000000-0000-4000-8000-${uuidCounter.toString(16).padStart(12, '0')}`;
}
