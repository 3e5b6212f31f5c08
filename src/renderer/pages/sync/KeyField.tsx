import { useState } from 'react';
import { api } from '../../api/client';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { SyncConnection, SyncSource } from '../../../shared/contract/sync';

interface Props {
  orgId: string;
  source: SyncSource;
  connection: SyncConnection;
  onChanged: () => void;
}

/**
 * Desktop only (connection.keySettable): enter the source's API key, kept in this computer's
 * keychain by the main process, never in the workspace. The key is never shown back: the
 * field empties once it is saved.
 */
export function KeyField({ orgId, source, connection, onChanged }: Props) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  async function send(value: string | null) {
    setBusy(true);
    try {
      await api.call('sync.setKey', { orgId, source, key: value });
      setKey('');
      setError(null);
      onChanged();
    } catch (thrown) {
      setError(asApiCallError('sync.setKey', thrown));
    } finally {
      setBusy(false);
    }
  }

  const inputId = `sync-key-${source}`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        API key
      </label>
      <div className="sync-url-row">
        <input
          id={inputId}
          type="password"
          className="input sync-url"
          value={key}
          placeholder={connection.hasKey ? 'Enter a new key to replace the saved one' : 'Paste the API key'}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setKey(e.target.value)}
        />
        <button type="button" className="button" onClick={() => void send(key)} disabled={busy || key.trim() === ''} data-testid={`sync-key-save-${source}`}>
          Save key
        </button>
        <button type="button" className="button" onClick={() => void send(null)} disabled={busy || !connection.hasKey} data-testid={`sync-key-clear-${source}`}>
          Clear
        </button>
      </div>
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
