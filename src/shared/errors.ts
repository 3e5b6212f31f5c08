// The error shape every transport returns, as in the seeds:
// { type, code, message, detail, timestamp, url? }.

export const ERROR_TYPES = {
  validation_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  internal_error: 500,
} as const;

export type ErrorType = keyof typeof ERROR_TYPES;

export interface ApiError {
  type: ErrorType;
  /** Stable, machine-readable reason, e.g. "invalid_input", "period_locked". */
  code: string;
  message: string;
  detail: unknown;
  timestamp: string;
  url?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function httpStatusOf(error: Pick<ApiError, 'type'>): number {
  return ERROR_TYPES[error.type] ?? 500;
}

/** One failing field of an input, as reported in `detail.issues`. */
export interface FieldIssue {
  /** Dotted path of the field ("filterModel.amount.filter"), "" for the whole input. */
  field: string;
  message: string;
}
