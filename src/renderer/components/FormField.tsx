import type { ReactNode } from 'react';

interface FormFieldProps {
  /** The control's id; the error and hint get ids derived from it. */
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/**
 * A labelled form control with its error underneath. The control itself should carry
 * `aria-invalid` and `aria-describedby={describedBy(id, error, hint)}`.
 */
export function FormField({ id, label, error, hint, testId, children }: FormFieldProps) {
  return (
    <div className="form-field" data-invalid={error ? true : undefined}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error && (
        <p className="form-error" id={`${id}-error`} data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
      {hint && !error && (
        <p className="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The ids that describe a control: its error, or else its hint. */
export function describedBy(id: string, error: string | undefined, hint: unknown): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}
