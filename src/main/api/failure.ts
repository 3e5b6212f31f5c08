import type { ApiError, ErrorType, FieldIssue } from '../../shared/errors';

/**
 * An expected failure a handler reports on purpose: it reaches the caller as data
 * with its type and code. Anything else thrown is logged and reported as internal.
 */
export class ApiFailure extends Error {
  constructor(
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly detail: unknown = null,
    readonly url?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  toError(): ApiError {
    const error: ApiError = {
      type: this.type,
      code: this.code,
      message: this.message,
      detail: this.detail ?? null,
      timestamp: new Date().toISOString(),
    };
    if (this.url) error.url = this.url;
    return error;
  }
}

export function invalidInput(issues: FieldIssue[], message?: string): ApiFailure {
  const text =
    message ??
    'Invalid input: ' + issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
  return new ApiFailure('validation_error', 'invalid_input', text, { issues });
}

export function notFound(code: string, message: string, detail: unknown = null): ApiFailure {
  return new ApiFailure('not_found', code, message, detail);
}
