import type { ApiError, FieldIssue } from '../../shared/errors';

/**
 * What every failed call throws: the API's error object, intact, so screens can show
 * its message and field issues and branch on its code.
 */
export class ApiCallError extends Error {
  readonly error: ApiError;
  readonly method: string;

  constructor(method: string, error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.method = method;
    this.error = error;
  }

  get code(): string {
    return this.error.code;
  }

  /** Field issues from `detail.issues`, when the server reported any. */
  get issues(): FieldIssue[] {
    return fieldIssuesOf(this.error.detail);
  }
}

export function fieldIssuesOf(detail: unknown): FieldIssue[] {
  if (!detail || typeof detail !== 'object' || !('issues' in detail)) return [];
  const issues = (detail as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is FieldIssue =>
      !!issue && typeof issue === 'object' && typeof issue.message === 'string' && typeof (issue.field ?? '') === 'string',
  );
}

/** The technical place of a failure ("byte 0xE4 at offset 36 is not valid UTF-8"), kept out of the message for the details line. */
export function technicalOf(detail: unknown): string | null {
  if (!detail || typeof detail !== 'object' || !('technical' in detail)) return null;
  const technical = (detail as { technical: unknown }).technical;
  return typeof technical === 'string' ? technical : null;
}

/** An encoding that reads what the one in use could not, offered by an encoding error (detail.suggestedEncoding). */
export function suggestedEncodingOf(detail: unknown): string | null {
  if (!detail || typeof detail !== 'object' || !('suggestedEncoding' in detail)) return null;
  const encoding = (detail as { suggestedEncoding: unknown }).suggestedEncoding;
  return typeof encoding === 'string' ? encoding : null;
}

/** An error raised on this side of the transport (network down, unreadable reply), in the API's shape. */
export function localApiError(code: string, message: string, detail: unknown = null): ApiError {
  return { type: 'internal_error', code, message, detail, timestamp: new Date().toISOString() };
}

/** Any thrown value as an ApiCallError, so the UI has one kind of error to show. */
export function asApiCallError(method: string, thrown: unknown): ApiCallError {
  if (thrown instanceof ApiCallError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new ApiCallError(method, localApiError('client_error', message));
}

export function isAbort(thrown: unknown): boolean {
  return thrown instanceof DOMException && thrown.name === 'AbortError';
}
