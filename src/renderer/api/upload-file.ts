import type { InputOf, MethodName, ResultOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { localApiError } from './api-call-error';
import { asResult } from './browser-transport';
import { launchToken } from './launch-token';
import type { CallOptions } from './transport';

// Browser mode: a method that reads a file (contract `readsUpload`) takes the file itself as
// the POST body and its JSON input, URL-encoded, in the X-Closebook-Input header; the server
// stages the file and passes its path on (src/main/api/http-server.ts). XMLHttpRequest, not
// fetch, because only XHR reports upload progress (a streamed fetch body needs HTTP/2).

/** The input of an upload method without `path`: the server chooses where the file is staged. */
export type UploadInputOf<K extends MethodName> = Omit<InputOf<K>, 'path'>;

export function uploadFile<K extends MethodName>(method: K, input: UploadInputOf<K>, file: Blob, options: CallOptions = {}): Promise<Result<ResultOf<K>>> {
  const token = launchToken();
  if (!token) {
    return Promise.resolve({
      ok: false,
      error: { ...localApiError('missing_token', 'This page needs the link Closebook printed when it started (it carries the access token). Open that link again.'), type: 'authentication_error' },
    });
  }
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const { signal, onProgress } = options;
    const onAbort = () => request.abort();
    const finish = () => signal?.removeEventListener('abort', onAbort);

    request.open('POST', `/api/${encodeURIComponent(method)}`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    // Header values must be plain ASCII: the server decodes this with decodeURIComponent.
    request.setRequestHeader('X-Closebook-Input', encodeURIComponent(JSON.stringify(input ?? {})));
    request.responseType = 'text';

    request.upload.onprogress = (event) => {
      onProgress?.({ task: method, done: event.loaded, total: event.lengthComputable ? event.total : file.size, message: 'Uploading' });
    };
    request.onload = () => {
      finish();
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        resolve({ ok: false, error: localApiError('bad_reply', `Unreadable reply from Closebook (HTTP ${request.status} ${request.statusText})`) });
        return;
      }
      resolve(asResult<ResultOf<K>>(body, request.status));
    };
    request.onerror = () => {
      finish();
      resolve({ ok: false, error: localApiError('unreachable', 'The upload did not reach Closebook. Is `closebook web` still running?') });
    };
    request.onabort = () => {
      finish();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };

    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    request.send(file);
  });
}
