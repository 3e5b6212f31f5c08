import { ApiCallError } from '../api/api-call-error';
import { fieldErrorsOf, type FieldErrors } from './field-errors';

/**
 * A one-record batch's refusal (payees.batch, products.batch with onError reject) placed
 * next to the form's fields: its issues name `records.0.<field>`, the form's fields are the
 * record's own names.
 */
export function recordFieldErrors<F extends string>(error: ApiCallError | null, fields: readonly F[]): FieldErrors<F> {
  if (!error) return fieldErrorsOf(null, fields);
  const issues = error.issues.map((issue) => ({ ...issue, field: typeof issue.field === 'string' ? issue.field.replace(/^records\.0\.?/, '') : issue.field }));
  if (issues.length === 0) return fieldErrorsOf(error, fields);
  const detail = { ...(error.error.detail as object), issues };
  return fieldErrorsOf(new ApiCallError(error.method, { ...error.error, detail }), fields);
}
