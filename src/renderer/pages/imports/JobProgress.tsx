import type { ProgressEvent } from '../../../shared/progress';
import { formatBytes, formatCount } from './format-import';
import { CAN_CANCEL } from './use-long-job';

interface JobProgressProps {
  /** What is running, in the user's words ("Checking rows"). */
  label: string;
  progress: ProgressEvent | null;
  startedAt: number;
  /** Rows (checks, commits) or bytes (uploads). */
  unit: 'rows' | 'bytes';
  onCancel: () => void;
  /** A total known exactly beforehand (the rows a check counted), used instead of the job's own projection. */
  exactTotal?: number;
  /** What Cancel keeps and what it undoes, in a line beside the button. */
  cancelNote?: string;
}

/**
 * A progress bar with the count so far and the rate, and a Cancel button. A total the job
 * only projects (rows from the share of the file read) is shown as "about", never as a count.
 */
export function JobProgress({ label, progress, startedAt, unit, onCancel, exactTotal, cancelNote }: JobProgressProps) {
  const done = progress?.done ?? 0;
  const estimated = exactTotal === undefined && progress?.totalIsEstimate === true;
  const total = exactTotal ?? progress?.total ?? null;
  const seconds = (performance.now() - startedAt) / 1000;
  // Under half a second the rate is noise; say nothing rather than a wild number.
  const rate = seconds >= 0.5 && done > 0 ? done / seconds : null;
  const amount = (n: number) => (unit === 'bytes' ? formatBytes(n) : formatCount(n));
  const text = [
    total !== null ? `${amount(done)} of ${estimated ? 'about ' : ''}${amount(total)}${unit === 'rows' ? ' rows' : ''}${estimated ? ' (estimated from the file size)' : ''}` : done > 0 ? `${amount(done)}${unit === 'rows' ? ' rows' : ''}` : 'Starting…',
    rate !== null ? (unit === 'bytes' ? `${formatBytes(rate)}/s` : `${formatCount(Math.round(rate))} rows/s`) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="job-progress" data-testid="import-progress" aria-live="polite">
      <div className="job-progress-head">
        <span className="job-progress-label">
          <span className="spinner" aria-hidden="true" /> {label}
        </span>
        <span className="job-progress-text" data-done={done} data-total={total ?? ''} data-estimate={estimated || undefined}>
          {text}
        </span>
        {CAN_CANCEL && (
          <button type="button" className="button button-small" onClick={onCancel} data-testid="import-cancel">
            Cancel
          </button>
        )}
      </div>
      {CAN_CANCEL && cancelNote && (
        <p className="job-progress-note muted" data-testid="import-cancel-note">
          {cancelNote}
        </p>
      )}
      {/* Without a total the bar is indeterminate (no value), as the platform draws it. */}
      <progress className="job-progress-bar" aria-label={label} max={total ?? undefined} value={total !== null ? Math.min(done, total) : undefined} />
    </div>
  );
}
