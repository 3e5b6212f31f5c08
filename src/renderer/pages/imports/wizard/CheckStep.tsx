import type { ImportCheck, ImportCommitResult } from '../../../../shared/contract/import-files';
import { IMPORT_OPERATIONS, ON_ERROR_CHOICES, type ImportOperation, type OnError } from '../../../../shared/contract/imports';
import { suggestedEncodingOf, type ApiCallError } from '../../../api/api-call-error';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { CurrencyTotals } from '../CurrencyTotals';
import { rowsLabel } from '../format-import';
import { JobProgress } from '../JobProgress';
import { ON_ERROR_LABELS, OPERATION_LABELS } from '../outcome-labels';
import type { JobState } from '../use-long-job';
import { OutcomeCounts } from './OutcomeCounts';
import { listedRows, ProblemsGrid } from './ProblemsGrid';
import { SameRecordNotice } from './SameRecordNotice';

interface CheckStepProps {
  operation: ImportOperation;
  onOperation: (operation: ImportOperation) => void;
  onError: OnError;
  onOnError: (onError: OnError) => void;
  check: JobState<ImportCheck>;
  /** False when the mapping or the operation changed since the check ran (on error changes no row's outcome). */
  checkIsCurrent: boolean;
  onCheck: () => void;
  onCancelCheck: () => void;
  commit: JobState<ImportCommitResult>;
  onCancelCommit: () => void;
  /** Read the file in another encoding (offered when bytes further in are not the one in use); the check runs again. */
  onEncoding: (encoding: string) => void;
}

/** Rows that make "reject the whole file" roll everything back: errors, and rows blocked by a locked month. */
export function refusedRows(check: ImportCheck): number {
  return check.counts.error + check.counts.blocked_locked_period;
}

/**
 * The check a commit may follow: done, for the mapping and operation shown, and not bound to
 * be rejected. The on-error choice changes no row's outcome, only whether refused rows roll
 * the file back, so switching it needs no new check.
 */
export function committableCheck(check: JobState<ImportCheck>, checkIsCurrent: boolean, onError: OnError): ImportCheck | null {
  if (check.status !== 'done' || !checkIsCurrent) return null;
  return onError === 'reject' && refusedRows(check.value) > 0 ? null : check.value;
}

const CHECK_CANCEL_NOTE = 'Cancel stops the check. Nothing has been written; your mapping and choices stay.';
const COMMIT_CANCEL_NOTE = 'Cancel rolls the import back: nothing is written. Your mapping and choices stay, so you can import again.';

/**
 * Step 4: how rows are written, every row checked against the workspace (on its own as the
 * step opens, and again when the operation changes), then the write (the footer's Import button).
 */
export function CheckStep(props: CheckStepProps) {
  const { operation, onOperation, onError, onOnError, check, checkIsCurrent, onCheck, onCancelCheck, commit, onCancelCommit, onEncoding } = props;
  const busy = check.status === 'running' || commit.status === 'running';
  const result = check.status === 'done' && checkIsCurrent ? check.value : null;
  const refused = result ? refusedRows(result) : 0;
  const wouldReject = result !== null && onError === 'reject' && refused > 0;

  return (
    <div className="wizard-step" data-step="check">
      <div className="check-options">
        <div className="field">
          <label className="field-label" htmlFor="import-operation">
            Rows with an external ID already in the workspace
          </label>
          <select
            id="import-operation"
            className="select wizard-select"
            data-testid="import-operation"
            value={operation}
            disabled={busy}
            onChange={(event) => onOperation(event.target.value as ImportOperation)}
          >
            {IMPORT_OPERATIONS.map((value) => (
              <option key={value} value={value}>
                {OPERATION_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field radio-group" disabled={busy}>
          <legend className="field-label">When a row has an error</legend>
          {ON_ERROR_CHOICES.map((value) => (
            <label key={value} className="radio-option">
              <input type="radio" name="import-on-error" value={value} checked={onError === value} onChange={() => onOnError(value)} data-testid={`on-error-${value}`} />
              {ON_ERROR_LABELS[value]}
            </label>
          ))}
        </fieldset>
      </div>

      <div className="check-actions">
        <button type="button" className="button" onClick={onCheck} disabled={busy} data-testid="import-check">
          {check.status === 'done' && checkIsCurrent ? 'Check again' : 'Check all rows'}
        </button>
        <span className="muted">Every row is read and compared with the workspace. Nothing is written until you import.</span>
      </div>

      {check.status === 'running' && (
        <JobProgress label="Checking rows" unit="rows" progress={check.progress} startedAt={check.startedAt} onCancel={onCancelCheck} cancelNote={CHECK_CANCEL_NOTE} />
      )}
      {check.status === 'cancelled' && (
        <p className="muted" role="status">
          Check cancelled: nothing was written. Check all rows to import the file.
        </p>
      )}
      {check.status === 'failed' && (
        <ErrorNotice error={check.error} title="The file could not be checked" onRetry={onCheck}>
          <ReadAsOffer error={check.error} onEncoding={onEncoding} />
        </ErrorNotice>
      )}
      {check.status === 'done' && !checkIsCurrent && (
        <p className="field-error" role="status">
          The mapping or the operation changed since the check. Check again before importing.
        </p>
      )}

      {result && (
        <>
          {result.sameFileBatchId !== null && (
            <p className="notice notice-info" data-testid="import-same-file" data-same-file-batch-id={result.sameFileBatchId}>
              This file was already imported in batch {result.sameFileBatchId}.{' '}
              {result.counts.created === 0 ? 'Importing it again would create nothing new.' : 'Rows already imported are skipped as duplicates.'}
            </p>
          )}
          <OutcomeCounts counts={result.counts} totalRows={result.totalRows} phase="check" />
          <SameRecordNotice rows={result.sameRecordRows} phase="check" />
          <p className="check-summary" data-testid="import-to-write" data-rows={result.rowsToWrite}>
            Importing would write {rowsLabel(result.rowsToWrite)}
            {result.amountToWrite.length > 0 && (
              <>
                : <CurrencyTotals totals={result.amountToWrite} />
              </>
            )}
            .
          </p>
          {wouldReject && (
            <p className="field-error" role="status" data-testid="import-would-reject">
              {rowsLabel(refused)} cannot be written ({refusedWhy(result)}), so “{ON_ERROR_LABELS.reject}” would import nothing. Fix the file, or choose “
              {ON_ERROR_LABELS.skip}” to import the other rows.
            </p>
          )}
          <ProblemsGrid problems={result.problems} totalProblems={listedRows(result)} />
        </>
      )}

      {commit.status === 'running' && (
        <JobProgress
          label="Importing rows"
          unit="rows"
          progress={commit.progress}
          startedAt={commit.startedAt}
          onCancel={onCancelCommit}
          exactTotal={result?.totalRows}
          cancelNote={COMMIT_CANCEL_NOTE}
        />
      )}
      {commit.status === 'cancelled' && (
        <p className="muted" role="status">
          Import cancelled and rolled back: nothing was written. Your mapping and choices are as they were. (An import that had already finished when
          you cancelled is kept as a batch, listed on the Imports screen, and can be undone there.)
        </p>
      )}
      {commit.status === 'failed' && (
        <ErrorNotice error={commit.error} title="The file was not imported">
          <ReadAsOffer error={commit.error} onEncoding={onEncoding} />
        </ErrorNotice>
      )}
    </div>
  );
}

function refusedWhy(check: ImportCheck): string {
  const { error, blocked_locked_period: blocked } = check.counts;
  const parts = [error > 0 && `${rowsLabel(error)} with errors`, blocked > 0 && `${rowsLabel(blocked)} in a locked month`].filter(Boolean);
  return parts.join(', ');
}

const ENCODING_NAMES: Record<string, string> = { 'windows-1252': 'Windows-1252 (Latin-1)', 'utf-8': 'UTF-8' };

/**
 * Bytes further into the file that the encoding in use cannot read (the start looked like
 * UTF-8): the error reads the cell both ways, and this offers the encoding that reads it,
 * the same choice as the encoding question; the check then runs again.
 */
function ReadAsOffer({ error, onEncoding }: { error: ApiCallError; onEncoding: (encoding: string) => void }) {
  const encoding = error.error.code === 'invalid_encoding' ? suggestedEncodingOf(error.error.detail) : null;
  if (!encoding) return null;
  return (
    <p className="notice-offer">
      <button type="button" className="button" onClick={() => onEncoding(encoding)} data-testid="read-as-encoding" data-encoding={encoding}>
        Read the file as {ENCODING_NAMES[encoding] ?? encoding}
      </button>{' '}
      <span className="muted">and check again (the Columns step keeps the choice, and a saved profile with it).</span>
    </p>
  );
}
