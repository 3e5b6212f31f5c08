import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ImportInspection, Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { asApiCallError, type ApiCallError } from '../../../api/api-call-error';
import { api } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { decidedMapping } from './mapping-edit';

interface SaveProfileFormProps {
  entity: ImportEntity;
  inspection: ImportInspection;
  mapping: Mapping;
  /** Suggested name: the profile in use, if any. */
  suggestedName: string | null;
  onSaved: (name: string) => void;
}

/**
 * Saves this layout as a profile with the file's header, so the next file with the same
 * header is read the same way without a question.
 */
export function SaveProfileForm({ entity, inspection, mapping, suggestedName, onSaved }: SaveProfileFormProps) {
  const id = useId();
  const [name, setName] = useState(suggestedName ?? '');
  const [description, setDescription] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  // A name the server refused (taken by a built-in profile) is said beside the name, in view.
  const nameError = error && error.issues.some((issue) => issue.field === 'profile.name') ? error : null;
  const nameErrorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (nameError) nameErrorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [nameError]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || saving) return;
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      const result = await api.call('profiles.save', {
        profile: { name: name.trim(), entity, description, header: inspection.header, mapping: decidedMapping(mapping, inspection) },
      });
      setSaved(result.name);
      onSaved(result.name);
    } catch (thrown) {
      setError(asApiCallError('profiles.save', thrown));
    } finally {
      setSaving(false);
    }
  };

  return (
    // Shown inside a "Save this mapping as a profile…" disclosure, which is its heading.
    <form className="save-profile" onSubmit={submit} aria-label="Save this mapping as a profile" data-testid="save-profile">
      <div className="save-profile-fields">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            data-testid="profile-name"
          />
        </div>
        <div className="field field-grow">
          <label className="field-label" htmlFor={`${id}-description`}>
            Description (optional)
          </label>
          <input id={`${id}-description`} className="input" maxLength={500} value={description} onChange={(event) => setDescription(event.target.value)} />
        </div>
        <button type="submit" className="button" disabled={saving || name.trim() === ''} data-testid="profile-save">
          {saving ? 'Saving…' : 'Save profile'}
        </button>
      </div>
      <p className="field-hint" aria-live="polite">
        {saved ? `Saved as “${saved}”. Files with this header will use it automatically.` : `Remembers the ${inspection.header.length} column names, the mapping and the formats chosen.`}
      </p>
      {nameError && (
        <div className="field-error" role="alert" data-testid="profile-name-error">
          <p id={`${id}-name-error`} ref={nameErrorRef} className="save-profile-error">
            {nameError.message}
          </p>
          <p className="muted save-profile-error-details">
            Details: {nameError.issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')} · {nameError.code} · {nameError.error.timestamp}
          </p>
        </div>
      )}
      {error && !nameError && <ErrorNotice error={error} title="The profile was not saved" onDismiss={() => setError(null)} />}
    </form>
  );
}
