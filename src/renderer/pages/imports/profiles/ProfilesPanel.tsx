import { useState } from 'react';
import { IMPORT_ENTITIES, type ImportEntity } from '../../../../shared/contract/imports';
import { asApiCallError, isAbort, type ApiCallError } from '../../../api/api-call-error';
import { api } from '../../../api/client';
import { useApiQuery } from '../../../api/use-api-query';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Modal } from '../Modal';
import { ENTITY_LABELS } from '../outcome-labels';
import { DeleteProfileDialog } from './DeleteProfileDialog';
import { ProfileFileImport } from './ProfileFileImport';
import { exportProfile } from './profile-files';
import { ProfilesTable } from './ProfilesTable';
import './profiles.css';

interface ProfilesPanelProps {
  onClose: () => void;
}

type ActionState =
  | { status: 'idle' }
  | { status: 'running'; name: string }
  | { status: 'done'; message: string }
  | { status: 'failed'; title: string; error: ApiCallError };

const ALL = '';

/**
 * The Imports screen's mapping profiles: built-in and saved, each exportable to a JSON file,
 * saved ones deletable; a profile file from elsewhere is imported here.
 */
export function ProfilesPanel({ onClose }: ProfilesPanelProps) {
  const [version, setVersion] = useState(0);
  const list = useApiQuery('profiles.list', {}, version);
  const [shown, setShown] = useState<ImportEntity | typeof ALL>(ALL);
  const [action, setAction] = useState<ActionState>({ status: 'idle' });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const busy = action.status === 'running' ? action.name : null;

  const runExport = async (name: string) => {
    setAction({ status: 'running', name });
    try {
      const saved = await exportProfile(name);
      const where = api.mode === 'browser' ? `downloaded as “${saved?.savedAs}”` : `saved to ${saved?.savedAs}`;
      setAction(saved ? { status: 'done', message: `“${name}” ${where}.` } : { status: 'idle' });
    } catch (thrown) {
      setAction(isAbort(thrown) ? { status: 'idle' } : { status: 'failed', title: `“${name}” was not exported`, error: asApiCallError('profiles.exportFile', thrown) });
    }
  };

  const runDelete = async (name: string) => {
    setConfirming(null);
    setAction({ status: 'running', name });
    try {
      await api.call('profiles.delete', { name });
      setAction({ status: 'done', message: `Deleted “${name}”.` });
      setVersion((v) => v + 1);
    } catch (thrown) {
      setAction({ status: 'failed', title: `“${name}” was not deleted`, error: asApiCallError('profiles.delete', thrown) });
    }
  };

  const profiles = (list.data?.profiles ?? []).filter((p) => shown === ALL || p.entity === shown);
  return (
    <Modal labelledBy="profiles-title" onClose={onClose} className="profiles-dialog" testId="profiles-panel">
      <header className="profiles-header">
        <h2 className="profiles-title" id="profiles-title">
          Mapping profiles
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose} aria-label="Close mapping profiles" data-testid="profiles-close">
          ✕
        </button>
      </header>
      <div className="profiles-body">
        <p className="muted profiles-lead">
          A profile remembers how a file layout is read: its columns, formats, sign conventions, fixed values and rules. It is applied automatically to a file
          with the same header. Export one to share it with a colleague or another workspace; import one you were sent.
        </p>
        <div className="profiles-toolbar">
          <div className="field field-inline">
            <label className="field-label" htmlFor="profiles-entity">
              Show
            </label>
            <select id="profiles-entity" className="select" value={shown} onChange={(event) => setShown(event.target.value as ImportEntity | typeof ALL)}>
              <option value={ALL}>Profiles for every kind of file</option>
              {IMPORT_ENTITIES.map((entity) => (
                <option key={entity} value={entity}>
                  {ENTITY_LABELS[entity]}
                </option>
              ))}
            </select>
          </div>
          <ProfileFileImport
            onImported={(profile) => {
              setImported(profile.name);
              setAction({ status: 'idle' });
              setVersion((v) => v + 1);
            }}
          />
        </div>
        {action.status === 'done' && (
          <p className="notice notice-success profiles-note" role="status" data-testid="profiles-note">
            {action.message}
          </p>
        )}
        {action.status === 'failed' && <ErrorNotice error={action.error} title={action.title} onDismiss={() => setAction({ status: 'idle' })} />}
        {list.error && <ErrorNotice error={list.error} title="Could not list the mapping profiles" onRetry={list.reload} />}
        {list.data && profiles.length > 0 && (
          <ProfilesTable
            profiles={profiles}
            highlighted={imported}
            busy={busy}
            onExport={runExport}
            onDelete={(name) => setConfirming(name)}
            onCopied={(name) => {
              setImported(name);
              setAction({ status: 'done', message: `Copied to the saved profile “${name}”. Files with its header now get the copy.` });
              setVersion((v) => v + 1);
            }}
          />
        )}
        {list.data && profiles.length === 0 && <p className="muted">No profiles{shown === ALL ? '' : ` for ${ENTITY_LABELS[shown].toLowerCase()} files`} yet.</p>}
        {!list.data && list.loading && (
          <p className="muted">
            <span className="spinner" aria-hidden="true" /> Loading the profiles…
          </p>
        )}
      </div>
      <footer className="profiles-footer">
        <span className="muted">To save a new profile, import a file and use “Save this mapping as a profile” in the wizard.</span>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </footer>
      {confirming !== null && <DeleteProfileDialog name={confirming} onConfirm={() => void runDelete(confirming)} onCancel={() => setConfirming(null)} />}
    </Modal>
  );
}
