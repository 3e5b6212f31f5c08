import type { Mapping, ProfileSummary } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import type { ApiQuery } from '../../../api/use-api-query';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ColumnMappingTable } from './ColumnMappingTable';
import { FileFacts } from './FileFacts';
import { KindValueMap } from './KindValueMap';
import { missingRequiredFields } from './mapping-edit';
import { MappingRules } from './MappingRules';
import { PreviewGrid } from './PreviewGrid';
import { ProfilePicker } from './ProfilePicker';
import { SaveProfileForm } from './SaveProfileForm';
import type { Inspection } from './use-inspection';

interface MappingStepProps {
  entity: ImportEntity;
  inspection: Inspection;
  /** The mapping shown and edited: the user's, or the inspection's until the first edit. */
  mapping: Mapping | null;
  onMapping: (mapping: Mapping) => void;
  profiles: ApiQuery<{ profiles: ProfileSummary[] }>;
  profile: string | null;
  onProfile: (name: string | null) => void;
  onProfileSaved: (name: string) => void;
}

/** Step 2: how the file is read and which column feeds which field, with a live preview. */
export function MappingStep({ entity, inspection, mapping, onMapping, profiles, profile, onProfile, onProfileSaved }: MappingStepProps) {
  const { inspection: result, loading, error, reload } = inspection;
  if (!result || !mapping) {
    return (
      <div className="wizard-step" data-step="mapping">
        {error ? (
          <ErrorNotice error={error} title="The file could not be inspected" onRetry={reload} />
        ) : (
          <p className="wizard-loading" data-testid="import-inspecting">
            <span className="spinner" aria-hidden="true" /> Reading the file…
          </p>
        )}
      </div>
    );
  }
  const missing = missingRequiredFields(entity, mapping);
  return (
    <div className="wizard-step" data-step="mapping" aria-busy={loading}>
      <FileFacts entity={entity} inspection={result} mapping={mapping} onMapping={onMapping} />
      <section className="wizard-section" aria-labelledby="mapping-title">
        <h3 className="wizard-section-title" id="mapping-title">
          Columns
        </h3>
        <ProfilePicker entity={entity} profiles={profiles} chosen={profile} applied={result.profile} source={result.mappingSource} onChoose={onProfile} />
        <ColumnMappingTable entity={entity} inspection={result} mapping={mapping} onMapping={onMapping} />
        {missing.length > 0 && (
          <p className="field-error" role="status" data-testid="import-missing-fields">
            Still to map: {missing.join(', ')}.
          </p>
        )}
      </section>
      <MappingRules entity={entity} inspection={result} updating={loading} mapping={mapping} onMapping={onMapping} />
      {entity === 'revenues' && <KindValueMap inspection={result} mapping={mapping} onMapping={onMapping} />}
      {error && <ErrorNotice error={error} title="The preview could not be updated" onRetry={reload} />}
      <p className="wizard-updating" aria-live="polite">
        {loading ? 'Updating the preview…' : ''}
      </p>
      <PreviewGrid entity={entity} inspection={result} mapping={mapping} />
      <details className="wizard-details">
        <summary>Save this mapping as a profile…</summary>
        <SaveProfileForm entity={entity} inspection={result} mapping={mapping} suggestedName={profile ?? result.profile} onSaved={onProfileSaved} />
      </details>
    </div>
  );
}
