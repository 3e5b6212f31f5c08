import type { ApiCallError } from '../api/api-call-error';

export interface FieldErrors<F extends string> {
  /** Plain-words message per form field the API named. */
  byField: Partial<Record<F, string>>;
  /** The error when it names no field of this form (shown above the form's buttons). */
  general: ApiCallError | null;
}

/**
 * Places an API error next to the fields it names: `detail.issues[].field` for bad input,
 * `detail.field` for a conflict (a taken name, a currency that cannot change).
 */
export function fieldErrorsOf<F extends string>(error: ApiCallError | null, fields: readonly F[]): FieldErrors<F> {
  const byField: Partial<Record<F, string>> = {};
  if (!error) return { byField, general: null };
  const isField = (name: unknown): name is F => typeof name === 'string' && (fields as readonly string[]).includes(name);

  const issues = error.issues;
  if (issues.length > 0) {
    let unplaced = false;
    for (const issue of issues) {
      if (!isField(issue.field)) {
        unplaced = true;
        continue;
      }
      const message = plainWords(issue.message, issue.field);
      byField[issue.field] = byField[issue.field] ? `${byField[issue.field]} ${message}` : message;
    }
    return { byField, general: unplaced ? error : null };
  }

  const detail = error.error.detail;
  const field = detail && typeof detail === 'object' && 'field' in detail ? (detail as { field: unknown }).field : undefined;
  if (isField(field)) {
    byField[field] = plainWords(error.message, field);
    return { byField, general: null };
  }
  return { byField, general: error };
}

/** "name: must not be empty" -> "Must not be empty." (the field is named by its label already). */
function plainWords(message: string, field: string): string {
  let text = message.trim();
  if (text.toLowerCase().startsWith(`${field.toLowerCase()}:`)) text = text.slice(field.length + 1).trim();
  if (text.length === 0) return 'Not accepted.';
  text = text[0].toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
