import type { ImportCommitResult, ImportInspection, Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { CurrencyTotals } from '../CurrencyTotals';
import { rowsLabel } from '../format-import';
import { OutcomeCounts } from './OutcomeCounts';
import { listedRows, ProblemsGrid } from './ProblemsGrid';
import { SameRecordNotice } from './SameRecordNotice';
import { SaveProfileForm } from './SaveProfileForm';

interface ResultStepProps {
  result: ImportCommitResult;
  entity: ImportEntity;
  inspection: ImportInspection | null;
  mapping: Mapping | null;
  profile: string | null;
  onProfileSaved: (name: string) => void;
}

/** Step 5: what the import did, in one batch that can be opened, exported or undone. */
export function ResultStep({ result, entity, inspection, mapping, profile, onProfileSaved }: ResultStepProps) {
  const { batchId, status, counts, totalRows, rowsWritten, amountWritten, sameFileBatchId, problems } = result;
  const alreadyImported = sameFileBatchId !== null && counts.created === 0;
  return (
    <div className="wizard-step" data-step="result" data-testid="import-result" data-batch-id={batchId ?? ''} data-status={status}>
      {status === 'committed' ? (
        <p className="result-headline result-ok" role="status">
          {batchId !== null ? `Imported as batch ${batchId}.` : 'Imported.'} {rowsLabel(rowsWritten)} written
          {amountWritten.length > 0 && (
            <>
              : <CurrencyTotals totals={amountWritten} />
            </>
          )}
          .
        </p>
      ) : (
        <p className="result-headline result-rejected" role="status">
          The file was rejected: nothing was written{batchId !== null ? ` (batch ${batchId} records why)` : ''}.
        </p>
      )}
      {alreadyImported && (
        <p className="notice notice-info" data-testid="import-same-file" data-same-file-batch-id={sameFileBatchId}>
          This file was already imported in batch {sameFileBatchId}; nothing new was created.
        </p>
      )}
      <OutcomeCounts counts={counts} totalRows={totalRows} phase={status === 'committed' ? 'commit' : 'rejected'} />
      <SameRecordNotice rows={result.sameRecordRows} phase="commit" />
      <ProblemsGrid problems={problems} totalProblems={listedRows(result)} />
      {inspection && mapping && (
        <details className="wizard-details">
          <summary>Save this mapping as a profile…</summary>
          <SaveProfileForm entity={entity} inspection={inspection} mapping={mapping} suggestedName={profile} onSaved={onProfileSaved} />
        </details>
      )}
    </div>
  );
}
