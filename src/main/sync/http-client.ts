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

/**
 * GET a JSON document with the key as a bearer token. Network errors, timeouts, 429 and
 * 5xx are retried with exponential backoff (429 waits its Retry-After); anything else
 * that is not a JSON 2xx stops with a SyncFault naming the source and the URL.
 */
export async function getJson(url: string, options: GetOptions): Promise<JsonAnswer> {
  let last = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let wait = policy.baseDelayMs * 2 ** (attempt - 1);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `${options.scheme ?? 'Bearer'} ${options.key}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      last = name === 'TimeoutError' ? `no answer within ${policy.timeoutMs} ms` : `could not be reached (${(error as Error).message})`;
      if (attempt < policy.attempts) await sleep(wait);
      continue;
    }
    const status = response.status;
    if (status === 429 || status >= 500) {
      const text = await response.text().catch(() => '');
      last = `answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
      if (status === 429) wait = Math.min(retryAfterMs(response.headers.get('retry-after')) ?? wait, policy.maxRetryAfterMs);
      if (attempt < policy.attempts) await sleep(wait);
      continue;
    }
    if (status === 401) throw new SyncFault(`${options.label}: 401 Unauthorized. ${options.unauthorized}`, 401);
    if (status === 403) throw new SyncFault(`${options.label}: 403 Forbidden. ${options.forbidden}${await serverDetail(response)}`, 403);
    if (!(status >= 200 && status < 300) && !options.accept?.includes(status)) {
      throw new SyncFault(`${options.label}: ${url} answered ${status}${await serverDetail(response)}`, status);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
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

async function serverDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  if (!text) return '';
  try {
    const body = JSON.parse(text) as { detail?: unknown; message?: unknown; error?: unknown };
    const said = body.detail ?? body.message ?? body.error;
    return typeof said === 'string' ? ` (the server said: ${said.slice(0, 300)})` : '';
  } catch {
    return '';
  }
}
