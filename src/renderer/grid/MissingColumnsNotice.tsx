interface MissingColumnsNoticeProps {
  /** Column ids a saved view named that the grid no longer has. */
  missing: string[];
  /** The named view, or null for the screen's own kept setup. */
  viewName: string | null;
  onDismiss: () => void;
}

/** Says that a saved view opened without the columns it named that no longer exist. */
export function MissingColumnsNotice({ missing, viewName, onDismiss }: MissingColumnsNoticeProps) {
  if (missing.length === 0) return null;
  const what = viewName === null ? 'The setup kept for this screen' : `The view “${viewName}”`;
  const names = missing.map((m) => `“${m}”`).join(', ');
  return (
    <div className="notice notice-info" role="status" data-testid="missing-columns">
      <div className="notice-body">
        <p className="notice-message">
          {what} names {missing.length === 1 ? 'a column' : 'columns'} this grid no longer has ({names}). It opened without{' '}
          {missing.length === 1 ? 'it' : 'them'}: their sort, filter and place are left out.
        </p>
      </div>
      <div className="notice-actions">
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
