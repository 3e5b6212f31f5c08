import type { InputOf, MethodName, ResultOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { ProgressEvent } from '../../shared/progress';
import { isAbort, localApiError } from './api-call-error';
import { downloadBlob } from './download-blob';
import { launchToken } from './launch-token';
import type { CallOptions, FileInputOf, FileSaveOptions, FileWritingMethod, SavedFile, Transport } from './transport';

// Browser mode: the core is reached over loopback HTTP (src/main/api/http-server.ts).
// POST /api/<method> with the launch token; the reply is {ok, value} / {ok: false, error},
// or NDJSON progress lines then that result when asked for with Accept: application/x-ndjson.

const NDJSON = 'application/x-ndjson';

export function browserTransport(): Transport {
  // Take the token out of the address bar as soon as the page starts, before any call.
  launchToken();
  return { mode: 'browser', call, saveFile };
}

async function call<K extends MethodName>(method: K, input: InputOf<K>, options: CallOptions): Promise<Result<ResultOf<K>>> {
  const accept = options.onProgress ? NDJSON : 'application/json';
  const response = await post(method, input, accept, options.signal);
  if (!(response instanceof Response)) return response;
  if (options.onProgress && contentType(response).includes(NDJSON)) {
    return readProgressStream<ResultOf<K>>(response, options.onProgress);
  }
  return readResult<ResultOf<K>>(response);
}

/**
 * The server writes the file to a temporary path and sends it back as an attachment, so
 * `path` is never sent. A reply that is not an attachment is an error result (files can
 * be JSON themselves, so the content type cannot tell).
 */
async function saveFile<K extends FileWritingMethod>(method: K, input: FileInputOf<K>, options: FileSaveOptions): Promise<Result<SavedFile> | null> {
  // No NDJSON here: a streamed reply carries only the result, never the file itself.
  const response = await post(method, input, 'text/csv, application/json', options.signal);
  if (!(response instanceof Response)) return response;
  if (!response.ok || !(response.headers.get('Content-Disposition') ?? '').startsWith('attachment')) {
    const result = await readResult<unknown>(response);
    return result.ok ? { ok: false, error: localApiError('bad_reply', 'The server answered without sending the file') } : result;
  }
  const rowCount = Number(response.headers.get('X-Closebook-Row-Count') ?? NaN);
  options.onProgress?.({ task: method, done: Number.isFinite(rowCount) ? rowCount : 0, total: Number.isFinite(rowCount) ? rowCount : null, message: 'Downloading' });
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch (error) {
    if (isAbort(error)) throw error;
    return { ok: false, error: localApiError('download_failed', `The download was interrupted: ${(error as Error).message}`) };
  }
  downloadBlob(blob, options.fileName);
  return { ok: true, value: { rowCount: Number.isFinite(rowCount) ? rowCount : 0, savedAs: options.fileName } };
}

/** The HTTP response, or an error result when the server could not be reached at all. */
async function post(method: string, input: unknown, accept: string, signal?: AbortSignal): Promise<Response | Result<never>> {
  const token = launchToken();
  if (!token) {
    return {
      ok: false,
      error: { ...localApiError('missing_token', 'This page needs the link Closebook printed when it started (it carries the access token). Open that link again.'), type: 'authentication_error' },
    };
  }
  try {
    return await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: accept },
      body: JSON.stringify(input ?? {}),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    return { ok: false, error: localApiError('unreachable', `Closebook is not reachable (${(error as Error).message}). Is \`closebook web\` still running?`) };
  }
}

function contentType(response: Response): string {
  return response.headers.get('Content-Type') ?? '';
}

async function readResult<T>(response: Response): Promise<Result<T>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
    return { ok: false, error: localApiError('bad_reply', `Unreadable reply from Closebook (HTTP ${response.status} ${response.statusText})`) };
  }
  return asResult<T>(body, response.status);
}

export function asResult<T>(body: unknown, status: number): Result<T> {
  if (body && typeof body === 'object' && 'ok' in body && typeof body.ok === 'boolean') {
    if (body.ok && 'value' in body) return body as Result<T>;
    if (!body.ok && 'error' in body && body.error && typeof body.error === 'object') return body as Result<T>;
  }
  return { ok: false, error: localApiError('bad_reply', `Unexpected reply from Closebook (HTTP ${status})`) };
}

/** Reads `{"progress": {...}}` lines as they arrive; the last line is the result. */
async function readProgressStream<T>(response: Response, onProgress: (event: ProgressEvent) => void): Promise<Result<T>> {
  if (!response.body) return readResult<T>(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let result: Result<T> | null = null;
  const take = (line: string) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      result = { ok: false, error: localApiError('bad_reply', 'Unreadable progress line from Closebook') };
      return;
    }
    if (parsed && typeof parsed === 'object' && 'progress' in parsed) onProgress(parsed.progress as ProgressEvent);
    else result = asResult<T>(parsed, response.status);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      take(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  }
  take(buffered);
  return result ?? { ok: false, error: localApiError('stream_ended', 'The connection closed before Closebook sent the result') };
}
