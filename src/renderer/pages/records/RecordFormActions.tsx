import type { ApiCallError } from '../../api/api-call-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RecordNoun } from './RecordsScreen';

interface RecordFormActionsProps {
  noun: RecordNoun;
  /** Editing a stored record (else creating one). */
  editing: boolean;
  busy: boolean;
  /** A refusal that names no field of the form. */
  general: ApiCallError | null | undefined;
  onCancel?: () => void;
}

/** The foot of a record form: a refusal no field shows, then Save (or Create) and Cancel. */
export function RecordFormActions({ noun, editing, busy, general, onCancel }: RecordFormActionsProps) {
  return (
    <>
      {general && <ErrorNotice error={general} title={editing ? `The ${noun.one} was not saved` : `The ${noun.one} was not created`} />}
      <div className="record-form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid={`${noun.one}-save`}>
          {busy ? 'Saving…' : editing ? 'Save changes' : `Create ${noun.one}`}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
