import type { ReactNode } from 'react';
import { fieldIssuesOf, technicalOf, type ApiCallError } from '../api/api-call-error';

interface ErrorNoticeProps {
  error: ApiCallError;
  /** What failed, in the user's words ("Could not load revenues"). */
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
  /** What the user can do about it, below the message (e.g. a button reading the file another way). */
  children?: ReactNode;
}

/** Shows an API error as the API worded it, with its field issues and a reference for support. */
export function ErrorNotice({ error, title, onRetry, onDismiss, children }: ErrorNoticeProps) {
  // Messages often already name their one issue ("filterModel.amount.filter: ..."); say it once.
  const issues = fieldIssuesOf(error.error.detail).filter((issue) => !error.message.includes(issue.message));
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice">
      <div className="notice-body">
        {title && <strong className="notice-title">{title}</strong>}
        <p className="notice-message">{error.message}</p>
        {issues.length > 0 && (
          <ul className="notice-issues">
            {issues.map((issue, index) => (
              <li key={index}>
                {issue.field && <code>{issue.field}</code>} {issue.message}
              </li>
            ))}
          </ul>
        )}
        {children}
        {/* The details line: where in technical terms (a byte's offset), the code and the time. */}
        <p className="notice-reference" data-testid="error-details">
          {technicalOf(error.error.detail) && <>{technicalOf(error.error.detail)} · </>}
          {error.error.code} · {error.error.timestamp}
        </p>
      </div>
      <div className="notice-actions">
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button button-quiet" onClick={onDismiss} aria-label="Dismiss">
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
