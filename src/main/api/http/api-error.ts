import type { ApiError, ErrorType } from '../../../shared/errors';

/** An error in the seeds' shape, for failures the HTTP transport itself finds. */
export function apiError(type: ErrorType, code: string, message: string, detail: unknown = null): ApiError {
  return { type, code, message, detail, timestamp: new Date().toISOString() };
}
