import { ErrorNotice } from '../../components/ErrorNotice';
import type { ExportState } from './use-revenue-export';

const count = new Intl.NumberFormat();

/** Progress while the CSV is written, then how many rows went where. */
export function ExportStatus({ state, onDismiss }: { state: ExportState; onDismiss: () => void }) {
  switch (state.status) {
    case 'idle':
      return <div className="export-status" data-testid="export-status" aria-live="polite" />;
    case 'running':
      return (
        <div className="export-status" data-testid="export-status" data-status="running" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {state.rows === null ? 'Exporting…' : `Exporting… ${count.format(state.rows)} rows written`}
        </div>
      );
    case 'done':
      return (
        <div className="export-status export-done" data-testid="export-status" data-status="done" data-row-count={state.rowCount} aria-live="polite">
          Exported {count.format(state.rowCount)} {state.rowCount === 1 ? 'row' : 'rows'} to <span className="export-file">{state.savedAs}</span>
          <button type="button" className="button-link" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      );
    case 'cancelled':
      return (
        <div className="export-status" data-testid="export-status" data-status="cancelled" aria-live="polite">
          Export cancelled.
        </div>
      );
    case 'failed':
      return <ErrorNotice error={state.error} title="The export failed" onDismiss={onDismiss} />;
  }
}
