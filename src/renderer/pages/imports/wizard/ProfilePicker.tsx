import { useState } from 'react';
import type { ImportInspection, ProfileSummary } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import type { ApiQuery } from '../../../api/use-api-query';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ENTITY_LABELS } from '../outcome-labels';
import { ProfileFileImport, type ImportedProfile } from '../profiles/ProfileFileImport';

interface ProfilePickerProps {
  /** What the file holds: only its profiles are offered, and an imported one is chosen if it fits. */
  entity: ImportEntity;
  profiles: ApiQuery<{ profiles: ProfileSummary[] }>;
  /** The profile the user chose; null: let the header pick one. */
  chosen: string | null;
  /** The profile the last inspection applied (chosen or matched by header). */
  applied: string | null;
  /** Where the last inspection's mapping came from. */
  source: ImportInspection['mappingSource'];
  onChoose: (name: string | null) => void;
}

const AUTOMATIC = '';

/** A saved layout: choosing one replaces the mapping with the profile's. */
export function ProfilePicker({ entity, profiles, chosen, applied, source, onChoose }: ProfilePickerProps) {
  const list = profiles.data?.profiles ?? [];
  const value = chosen ?? AUTOMATIC;
  const [otherEntity, setOtherEntity] = useState<ImportedProfile | null>(null);
  // A profile file a colleague sent: imported, listed, and used for this file if it is for this kind of rows.
  const onImported = (profile: ImportedProfile) => {
    profiles.reload();
    setOtherEntity(profile.entity === entity ? null : profile);
    if (profile.entity === entity) onChoose(profile.name);
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor="import-profile">
        Mapping profile
      </label>
      <div className="profile-picker-row">
        <select
          id="import-profile"
          className="select wizard-select"
          data-testid="import-profile"
          value={value}
          onChange={(event) => onChoose(event.target.value === AUTOMATIC ? null : event.target.value)}
          aria-describedby="import-profile-hint"
        >
          <option value={AUTOMATIC}>Automatic: the profile for this header, else a guess</option>
          {/* A profile named by the file but missing from the list (deleted meanwhile) stays selectable. */}
          {chosen !== null && !list.some((p) => p.name === chosen) && <option value={chosen}>{chosen}</option>}
          {list.map((profile) => (
            <option key={profile.name} value={profile.name} title={profile.description}>
              {profile.name}
              {profile.builtIn ? ' (built in)' : ''}
            </option>
          ))}
        </select>
        <ProfileFileImport onImported={onImported} />
      </div>
      {otherEntity && (
        <p className="field-error" role="status" data-testid="import-profile-other-entity">
          “{otherEntity.name}” is a profile for {ENTITY_LABELS[otherEntity.entity].toLowerCase()} files, so it is not offered for {ENTITY_LABELS[entity].toLowerCase()}.
          It is saved: choose it after going back and changing what the file holds.
        </p>
      )}
      <span className="field-hint" id="import-profile-hint" data-testid="import-profile-applied" data-profile={applied ?? ''} data-source={source}>
        {profiles.loading && !profiles.data ? 'Loading profiles…' : describeSource(source, applied)}
      </span>
      {profiles.error && <ErrorNotice error={profiles.error} title="Could not list the mapping profiles" onRetry={profiles.reload} />}
    </div>
  );
}

function describeSource(source: ImportInspection['mappingSource'], applied: string | null): string {
  switch (source) {
    case 'header':
      return `The header matches the profile “${applied}”: the mapping below is that profile's.`;
    case 'profile':
      return `Using the profile “${applied}”.`;
    case 'guess':
      return 'No profile has this header: the mapping below is a guess from the column names. Check it.';
    case 'input':
      return applied
        ? `The profile “${applied}” with your changes. They apply to this import only, unless saved as a profile.`
        : 'Your mapping. It applies to this import only, unless saved as a profile.';
  }
}
