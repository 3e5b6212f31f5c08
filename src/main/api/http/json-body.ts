import type { IncomingMessage } from 'node:http';
import type { ApiError } from '../../../shared/errors';
import { apiError } from './api-error';

export const MAX_JSON_BODY_BYTES = 10 * 1024 * 1024;
/** No method's input nests deeper; a deeper body is refused before anything recursive reads it. */
export const MAX_JSON_DEPTH = 64;

/**
 * The request's JSON body. Over the size limit: 413, said before the body is read when
 * Content-Length tells, else as soon as the limit is passed (the rest is discarded, not
 * kept). Nested past MAX_JSON_DEPTH: 400, found by a scan of the text, not by recursion.
 */
export function readJsonBody(req: IncomingMessage, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      return reject(tooLarge(maxBytes));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge(maxBytes));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      const depth = nestingDepth(text);
      if (depth > MAX_JSON_DEPTH) {
        return reject(apiError('validation_error', 'json_too_deep', `The request body nests arrays or objects ${depth} deep; at most ${MAX_JSON_DEPTH} are accepted`));
      }
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(apiError('validation_error', 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`));
      }
    });
    req.on('error', reject);
  });
}

function tooLarge(maxBytes: number): ApiError {
  return apiError('payload_too_large', 'body_too_large', `The request body is larger than ${maxBytes.toLocaleString('en-US')} bytes`, { limit: maxBytes });
}

/** The deepest nesting of [ and { outside strings (stops counting once past the limit). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}
