import { useId, useState, type FormEvent } from 'react';
import type { ProfileNameTakenDetail } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { asApiCallError, isAbort, type ApiCallError } from '../../../api/api-call-error';
import { api } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ENTITY_LABELS } from '../outcome-labels';
import { canChooseProfilePath, chooseProfilePath, freeName, importProfile, nameTaken, saveImported, sourceName, type ProfileSource } from './profile-files';
import './profiles.css';

export interface ImportedProfile {
  name: string;
  entity: ImportEntity;
}

interface ProfileFileImportProps {
  onImported: (profile: ImportedProfile) => void;
  /** The button's words; the wizard says which file it is for. */
  label?: string;
}

type ImportState =
  | { status: 'idle' }
  | { status: 'running'; fileName: string }
  | { status: 'failed'; fileName: string; error: ApiCallError }
  | { status: 'clash'; fileName: string; clash: ProfileNameTakenDetail; suggested: string }
  | { status: 'done'; profile: ImportedProfile };

/**
 * "Import profile from file…": the desktop's open dialog or the page's file picker, then
 * profiles.importFile. A bad file's error is shown naming the file; a name already in use
 * offers to import under another name (or to replace one's own saved profile).
 */
export function ProfileFileImport({ onImported, label = 'Import profile from file…' }: ProfileFileImportProps) {
  const inputId = useId();
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const run = async (source: ProfileSource) => {
    const fileName = sourceName(source);
    setState({ status: 'running', fileName });
    try {
      const profile = await importProfile(source);
      setState({ status: 'done', profile });
      onImported(profile);
    } catch (thrown) {
      if (isAbort(thrown)) return setState({ status: 'idle' });
      const error = asApiCallError('profiles.importFile', thrown);
      const clash = nameTaken(error);
      if (!clash) return setState({ status: 'failed', fileName, error });
      // Suggest a free name; the list is only for the suggestion, so its failure is not one.
      const taken = await api.call('profiles.list', {}).then(
        ({ profiles }) => profiles.map((p) => p.name),
        () => [clash.existing.name],
      );
      setState({ status: 'clash', fileName, clash, suggested: freeName(clash.profile.name, taken) });
    }
  };

  const openDialog = async () => {
    try {
      const source = await chooseProfilePath();
      if (source) await run(source);
    } catch (thrown) {
      setState({ status: 'failed', fileName: 'the file', error: asApiCallError('chooseOpenPath', thrown) });
    }
  };

  const running = state.status === 'running';
  return (
    <div className="profile-import" data-testid="profile-import" data-status={state.status}>
      <div className="profile-import-actions">
        {canChooseProfilePath ? (
          <button type="button" className="button" onClick={openDialog} disabled={running} data-testid="profile-import-button">
            {label}
          </button>
        ) : (
          <>
            <input
              id={inputId}
              className="visually-hidden-input"
              type="file"
              accept=".json,application/json"
              disabled={running}
              data-testid="profile-import-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                // Choosing the same file again (after fixing it) should still count.
                event.target.value = '';
                if (file) void run({ kind: 'file', file });
              }}
            />
            <label className="button file-input-label" htmlFor={inputId} aria-disabled={running || undefined}>
              {label}
            </label>
          </>
        )}
        <span className="profile-import-status" aria-live="polite" data-testid="profile-import-status">
          {state.status === 'running' && (
            <>
              <span className="spinner" aria-hidden="true" /> Importing “{state.fileName}”…
            </>
          )}
          {state.status === 'done' && `Imported “${state.profile.name}”, a profile for ${ENTITY_LABELS[state.profile.entity].toLowerCase()}.`}
        </span>
      </div>
      {state.status === 'failed' && (
        <ErrorNotice error={state.error} title={`“${state.fileName}” was not imported`} onDismiss={() => setState({ status: 'idle' })} />
      )}
      {state.status === 'clash' && (
        <NameClash
          key={state.suggested}
          fileName={state.fileName}
          clash={state.clash}
          suggested={state.suggested}
          onCancel={() => setState({ status: 'idle' })}
          onSaved={(profile) => {
            setState({ status: 'done', profile });
            onImported(profile);
          }}
        />
      )}
    </div>
  );
}

interface NameClashProps {
  fileName: string;
  clash: ProfileNameTakenDetail;
  suggested: string;
  onCancel: () => void;
  onSaved: (profile: ImportedProfile) => void;
}

/** The file's profile has a name in use: import it as another, or knowingly replace one's own. */
function NameClash({ fileName, clash, suggested, onCancel, onSaved }: NameClashProps) {
  const id = useId();
  const [name, setName] = useState(suggested);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const { existing, profile } = clash;

  const save = async (as: string, replace: boolean) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await saveImported(profile, as, replace));
    } catch (thrown) {
      setError(asApiCallError('profiles.save', thrown));
      setSaving(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '' && !saving) void save(name, false);
  };

  return (
    <div className="profile-clash" role="group" aria-labelledby={`${id}-title`} data-testid="profile-clash">
      <p className="profile-clash-message" id={`${id}-title`}>
        “{fileName}” holds the profile <strong>“{profile.name}”</strong>, but {existing.builtIn ? 'a built-in profile' : 'a saved profile'} already has that name.
        {existing.builtIn ? ' Built-in profiles cannot be replaced.' : ''} Import it under another name:
      </p>
      <form className="profile-clash-form" onSubmit={submit}>
        <label className="visually-hidden" htmlFor={`${id}-name`}>
          New name
        </label>
        <input
          id={`${id}-name`}
          className="input profile-clash-name"
          maxLength={100}
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="profile-clash-name"
          // The question just appeared where the button was: answer it from the keyboard.
          autoFocus
        />
        <button type="submit" className="button button-primary" disabled={saving || name.trim() === ''} data-testid="profile-clash-import">
          {saving ? 'Importing…' : 'Import under this name'}
        </button>
        {!existing.builtIn && (
          <button type="button" className="button" disabled={saving} onClick={() => void save(existing.name, true)} data-testid="profile-clash-replace">
            Replace the saved “{existing.name}”
          </button>
        )}
        <button type="button" className="button button-quiet" disabled={saving} onClick={onCancel}>
          Cancel
        </button>
      </form>
      {error && <ErrorNotice error={error} title="The profile was not imported" onDismiss={() => setError(null)} />}
    </div>
  );
}
