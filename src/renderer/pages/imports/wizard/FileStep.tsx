import { useId, useState } from 'react';
import { IMPORT_ENTITIES, type ImportEntity } from '../../../../shared/contract/imports';
import { asApiCallError, type ApiCallError } from '../../../api/api-call-error';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatBytes } from '../format-import';
import { JobProgress } from '../JobProgress';
import { ENTITY_LABELS } from '../outcome-labels';
import type { JobState } from '../use-long-job';
import { canChooseOpenPath, chooseWithDialog, chosenFromFile, type ChosenFile, type StagedFile } from './file-source';

interface FileStepProps {
  orgName: string;
  entity: ImportEntity;
  onEntityChange: (entity: ImportEntity) => void;
  chosen: ChosenFile | null;
  onChoose: (chosen: ChosenFile) => void;
  upload: JobState<StagedFile>;
  onCancelUpload: () => void;
}

const ENTITY_HINTS: Record<ImportEntity, string> = {
  revenues: 'Sales, refunds and adjustments, one per row.',
  payees: 'The people and companies revenues are paid out to.',
  products: 'What is sold: names, categories, tags.',
  billing: 'Final amounts from a billing export, matched to consumption records.',
  consumption: 'Consumed (estimated) amounts per resource and month, from the consumption API or a usage file.',
  usage: 'Seats, records, widget uses, versions, file size and backups per billing cycle; the current statement follows.',
  commitments: 'Commitments bought (term, monthly premium, commitment cost, rebates, allocation), matched by ID; a finalized month of a term blocks the row.',
  showback_usage: 'Usage per month, account, service and child org: on-demand and covered cost, for the showback reports.',
};

/** Step 1: what the rows are and which file holds them. */
export function FileStep({ orgName, entity, onEntityChange, chosen, onChoose, upload, onCancelUpload }: FileStepProps) {
  const inputId = useId();
  const [dialogError, setDialogError] = useState<ApiCallError | null>(null);

  const openDialog = async () => {
    setDialogError(null);
    try {
      const picked = await chooseWithDialog();
      if (picked) onChoose(picked);
    } catch (thrown) {
      setDialogError(asApiCallError('chooseOpenPath', thrown));
    }
  };

  return (
    <div className="wizard-step" data-step="file">
      <p className="wizard-lead">
        Rows are imported into <strong>{orgName}</strong>. Nothing is written until the last step.
      </p>
      <div className="field">
        <label className="field-label" htmlFor="import-entity">
          What the file holds
        </label>
        <select
          id="import-entity"
          className="select wizard-select"
          data-testid="import-entity"
          data-autofocus
          value={entity}
          onChange={(event) => onEntityChange(event.target.value as ImportEntity)}
          aria-describedby="import-entity-hint"
        >
          {IMPORT_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {ENTITY_LABELS[e]}
            </option>
          ))}
        </select>
        <span className="field-hint" id="import-entity-hint">
          {ENTITY_HINTS[entity]}
        </span>
      </div>

      <div className="field">
        <span className="field-label" id={`${inputId}-label`}>
          File
        </span>
        <div className={chosen ? 'file-drop file-drop-chosen' : 'file-drop'}>
          {chosen ? (
            <p className="file-chosen" data-testid="import-file-name">
              <strong>{chosen.name}</strong>
              {chosen.size !== null && <span className="muted"> · {formatBytes(chosen.size)}</span>}
            </p>
          ) : (
            <p className="muted">Drop a CSV file anywhere on this window, or choose one.</p>
          )}
          <div className="file-drop-actions">
            {canChooseOpenPath && (
              <button type="button" className="button" onClick={openDialog}>
                Choose file…
              </button>
            )}
            <input
              id={inputId}
              className="visually-hidden-input"
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              data-testid="import-file-input"
              aria-describedby={`${inputId}-label`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) onChoose(chosenFromFile(file));
                // Choosing the same file again should still count as a choice.
                event.target.value = '';
              }}
            />
            <label className={canChooseOpenPath ? 'button button-quiet file-input-label' : 'button file-input-label'} htmlFor={inputId}>
              {chosen ? 'Choose another file…' : canChooseOpenPath ? 'Browse…' : 'Choose file…'}
            </label>
          </div>
        </div>
      </div>

      {dialogError && <ErrorNotice error={dialogError} title="The file could not be chosen" onDismiss={() => setDialogError(null)} />}
      {upload.status === 'running' && <JobProgress label="Uploading the file" unit="bytes" progress={upload.progress} startedAt={upload.startedAt} onCancel={onCancelUpload} />}
      {upload.status === 'cancelled' && <p className="muted">Upload cancelled.</p>}
      {upload.status === 'failed' && <ErrorNotice error={upload.error} title="The file could not be read" />}
    </div>
  );
}
