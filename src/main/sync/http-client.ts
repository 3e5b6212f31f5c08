import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SyncFault } from './sync-fault';

/** How hard a transient fault is retried. Tests shorten the waits (setRetryPolicy). */
export interface RetryPolicy {
  /** Tries per request, the first included. */
  attempts: number;
  /** First backoff; doubled each retry. */
  baseDelayMs: number;
  /** A 429's Retry-After is honoured up to this. */
  maxRetryAfterMs: number;
  timeoutMs: number;
}

let policy: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxRetryAfterMs: 60_000, timeoutMs: 30_000 };

export function setRetryPolicy(next: Partial<RetryPolicy>): RetryPolicy {
  const previous = policy;
  policy = { ...policy, ...next };
  return previous;
}

/** The policy now (a pull thread is started with it). */
export function retryPolicy(): RetryPolicy {
  return policy;
}

export interface GetOptions {
  /** Names the source in messages ("revenue source (seed 001)"). */
  label: string;
  key: string;
  /** The Authorization header's word before the key: 'Bearer' unless the seed says otherwise (seed 002: 'apikey'). */
  scheme?: string;
  /** Words for 401 / 403, as the seed says them. */
  unauthorized: string;
  forbidden: string;
  /** Statuses that are an answer, not a fault (a page past the end). */
  accept?: readonly number[];
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

// node:http with one keep-alive agent per scheme rather than fetch(): a first sync reads
// some 10,000 pages, and fetch's web streams cost about four times node:http's client CPU
// per page (bench/sync-server-alone.ts measures both).
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 4 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 4 }) };

interface RawAnswer {
  status: number;
  header(name: string): string | null;
  text: string;
}

class Timeout extends Error {}

/** One GET, its whole body read as UTF-8; rejects on a network error or after timeoutMs (Timeout). */
function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const https = url.startsWith('https:');
    const req = (https ? httpsRequest : httpRequest)(url, { method: 'GET', headers, agent: https ? agents.https : agents.http }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const header = (name: string) => {
          const value = res.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        };
        resolve({ status: res.statusCode ?? 0, header, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const timer = setTimeout(() => req.destroy(new Timeout()), timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    req.on('error', fail);
    req.end();
  });
}

/**
 * GET a JSON document with the key as a bearer token. Network errors, timeouts, 429 and
 * 5xx are retried with exponential backoff (429 waits its Retry-After); anything else
 * that is not a JSON 2xx stops with a SyncFault naming the source and the URL.
 */
export async function getJson(url: string, options: GetOptions): Promise<JsonAnswer> {
  let last = '';
  const headers = { Authorization: `${options.scheme ?? 'Bearer'} ${options.key}`, Accept: 'application/json' };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let wait = policy.baseDelayMs * 2 ** (attempt - 1);
    let response: RawAnswer;
    try {
      response = await get(url, headers, policy.timeoutMs);
    } catch (error) {
      last = error instanceof Timeout ? `no answer within ${policy.timeoutMs} ms` : `could not be reached (${(error as Error).message})`;
      if (attempt < policy.attempts) await sleep(wait);
      continue;
    }
    const { status, text } = response;
    if (status === 429 || status >= 500) {
      last = `answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
      if (status === 429) wait = Math.min(retryAfterMs(response.header('retry-after')) ?? wait, policy.maxRetryAfterMs);
      if (attempt < policy.attempts) await sleep(wait);
      continue;
    }
    if (status === 401) throw new SyncFault(`${options.label}: 401 Unauthorized. ${options.unauthorized}`, 401);
    if (status === 403) throw new SyncFault(`${options.label}: 403 Forbidden. ${options.forbidden}${serverDetail(text)}`, 403);
    if (!(status >= 200 && status < 300) && !options.accept?.includes(status)) {
      throw new SyncFault(`${options.label}: ${url} answered ${status}${serverDetail(text)}`, status);
    }
    const type = response.header('content-type') ?? '';
    if (!/json/i.test(type) || /^\s*</.test(text)) {
      throw new SyncFault(`${options.label}: ${url} answered ${type.split(';')[0] || 'a body'} that is not JSON (is the base URL the API's?)`, status);
    }
    try {
      return { status, body: JSON.parse(text) };
    } catch {
      throw new SyncFault(`${options.label}: ${url} answered malformed JSON`, status);
    }
  }
  throw new SyncFault(`${options.label}: ${url} ${last}, after ${policy.attempts} tries`);
}

function serverDetail(text: string): string {
  if (!text) return '';
  try {
    const body = JSON.parse(text) as { detail?: unknown; message?: unknown; error?: unknown };
    const said = body.detail ?? body.message ?? body.error;
    return typeof said === 'string' ? ` (the server said: ${said.slice(0, 300)})` : '';
  } catch {
    return '';
  }
}
