import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { SyncConnection, SyncRun, SyncSource, SyncTestResult } from '../../../shared/contract/sync';
import { KeyField } from './KeyField';
import { RunCounts } from './RunCounts';
import { SOURCE_NAMES } from './source-names';

interface Props {
  orgId: string;
  source: SyncSource;
  connection: SyncConnection | null;
  lastRun: SyncRun | null;
  onSaved: () => void;
}

/** One source system: its base URL (saved on demand), where its key comes from, Test, and its last sync. */
export function ConnectionCard({ orgId, source, connection, lastRun, onSaved }: Props) {
  const names = SOURCE_NAMES[source];
  const [baseUrl, setBaseUrl] = useState(connection?.baseUrl ?? '');
  const [error, setError] = useState<ApiCallError | null>(null);
  const [test, setTest] = useState<SyncTestResult | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setBaseUrl(connection?.baseUrl ?? ''), [connection?.baseUrl]);

  async function save() {
    setBusy(true);
    try {
      await api.call('sync.saveConnection', { orgId, source, baseUrl });
      setError(null);
      setTest(null);
      onSaved();
    } catch (thrown) {
      setError(asApiCallError('sync.saveConnection', thrown));
    } finally {
      setBusy(false);
    }
  }

  async function runTest() {
    setBusy(true);
    try {
      setTest(await api.call('sync.test', { orgId, source }));
      setError(null);
    } catch (thrown) {
      setError(asApiCallError('sync.test', thrown));
    } finally {
      setBusy(false);
    }
  }

  const inputId = `sync-url-${source}`;
  return (
    <section className="sync-card" data-testid={`sync-card-${source}`} aria-labelledby={`${inputId}-title`}>
      <h2 className="sync-card-title" id={`${inputId}-title`}>
        {names.title}
      </h2>
      <p className="muted sync-card-what">Pulls {names.what}.</p>
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          Base URL
        </label>
        <div className="sync-url-row">
          <input id={inputId} className="input sync-url" value={baseUrl} placeholder={names.example} onChange={(e) => setBaseUrl(e.target.value)} spellCheck={false} />
          <button type="button" className="button" onClick={() => void save()} disabled={busy || baseUrl.trim() === '' || baseUrl === connection?.baseUrl}>
            Save
          </button>
          <button type="button" className="button" onClick={() => void runTest()} disabled={busy || !connection} data-testid={`sync-test-${source}`}>
            Test
          </button>
        </div>
      </div>
      {connection?.keySettable && <KeyField orgId={orgId} source={source} connection={connection} onChanged={onSaved} />}
      {connection && (
        <p className={connection.hasKey ? 'sync-key sync-key-ok' : 'sync-key sync-key-missing'} data-testid={`sync-key-state-${source}`}>
          {connection.hasKey ? 'API key found' : 'No API key'}: read from {connection.keyFrom}.
          {!connection.keySettable && ' Keys come from environment variables here; the desktop app keeps keys entered on this screen.'}
        </p>
      )}
      {test && (
        <div className={test.ok ? 'notice notice-success' : 'notice notice-error'} role="status" data-testid={`sync-test-result-${source}`}>
          {test.message}
        </div>
      )}
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      <div className="sync-last">
        <strong>Last sync</strong>{' '}
        {lastRun ? (
          <>
            <span className={`sync-status sync-status-${lastRun.status}`}>{lastRun.status.replace('_', ' ')}</span>{' '}
            <time className="muted" dateTime={lastRun.finishedAt}>
              {new Date(lastRun.finishedAt).toLocaleString()}
            </time>
            {lastRun.status !== 'failed' && <RunCounts run={lastRun} />}
            {lastRun.message && <p className="sync-run-message">{lastRun.message}</p>}
          </>
        ) : (
          <span className="muted">never</span>
        )}
      </div>
    </section>
  );
}
