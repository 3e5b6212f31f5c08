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
}

/** A progress bar with the count so far and the rate, and a Cancel button. */
export function JobProgress({ label, progress, startedAt, unit, onCancel }: JobProgressProps) {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? null;
  const seconds = (performance.now() - startedAt) / 1000;
  // Under half a second the rate is noise; say nothing rather than a wild number.
  const rate = seconds >= 0.5 && done > 0 ? done / seconds : null;
  const amount = (n: number) => (unit === 'bytes' ? formatBytes(n) : formatCount(n));
  const text = [
    total !== null ? `${amount(done)} of ${amount(total)}${unit === 'rows' ? ' rows' : ''}` : done > 0 ? `${amount(done)}${unit === 'rows' ? ' rows' : ''}` : 'Starting…',
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
        <span className="job-progress-text" data-done={done}>
          {text}
        </span>
        {CAN_CANCEL && (
          <button type="button" className="button button-small" onClick={onCancel} data-testid="import-cancel">
            Cancel
          </button>
        )}
      </div>
      {/* Without a total the bar is indeterminate (no value), as the platform draws it. */}
      <progress className="job-progress-bar" aria-label={label} max={total ?? undefined} value={total !== null ? Math.min(done, total) : undefined} />
    </div>
  );
}
