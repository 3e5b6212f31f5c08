import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PULLED_SOURCES, type SyncConnection, type SyncRun } from '../../../shared/contract/sync';
import { ConnectionCard } from './ConnectionCard';
import { SyncConflicts } from './SyncConflicts';
import { SyncHistory } from './SyncHistory';
import '../../styles/sync.css';

/**
 * The Sync screen: per source system its connection (base URL, where its key comes from, a
 * Test button), its last run with counts, Sync now for all connected sources (and Full
 * re-check, which also reads what an incremental run skips), the conflicts to resolve, and
 * the history.
 * Nothing here waits on the network until a button is pressed: the workspace works offline.
 */
export function SyncPage() {
  const { view, noteDataChanged } = useAppState();
  const orgId = view?.orgId ?? null;
  const [connections, setConnections] = useState<SyncConnection[]>([]);
  const [runs, setRuns] = useState<SyncRun[]>([]);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  // Bumped after each run so the conflicts are read again.
  const [runVersion, setRunVersion] = useState(0);
  const abort = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    if (!orgId) return;
    try {
      const [c, h] = await Promise.all([api.call('sync.connections', { orgId }), api.call('sync.history', { orgId })]);
      setConnections(c.connections);
      setRuns(h.runs);
      setRunVersion((v) => v + 1);
      setError(null);
    } catch (thrown) {
      setError(asApiCallError('sync.connections', thrown));
    }
  }, [orgId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** full: the full re-check (statements, reports and tasks read whole; see sync.run). */
  async function syncNow(full = false) {
    if (!orgId) return;
    setSyncing(true);
    abort.current = new AbortController();
    try {
      await api.call('sync.run', full ? { orgId, full } : { orgId }, { onProgress: (event) => setProgress(event.message ?? null), signal: abort.current.signal });
      await load();
      noteDataChanged();
    } catch (thrown) {
      // Cancelled: the core records the source's run as cancelled when it next checks; show it then.
      if (abort.current?.signal.aborted) setTimeout(() => void load(), 1000);
      else setError(asApiCallError('sync.run', thrown));
    } finally {
      setSyncing(false);
      setProgress(null);
      abort.current = null;
    }
  }

  if (!orgId) return <div className="page-message">Choose an organization in the sidebar to connect its online systems.</div>;
  const connected = connections.some((c) => PULLED_SOURCES.includes(c.source));
  return (
    <div className="sync-page" data-testid="sync-page">
      <div className="toolbar">
        <p className="muted sync-intro">Bring this organization&apos;s data down from its online systems, then work offline. API keys are never stored in the workspace file.</p>
        <div className="toolbar-actions">
          {syncing && (
            <>
              <span className="muted" role="status" data-testid="sync-progress">
                {progress ?? 'Connecting…'}
              </span>
              <button type="button" className="button" onClick={() => abort.current?.abort()} data-testid="sync-cancel">
                Cancel
              </button>
            </>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void syncNow(true)}
            disabled={!connected || syncing}
            title="Read the statements, reports and tasks sources whole: fixed statements, finalized months and finished tasks the server changed or deleted since they were synced (slower than Sync now)"
            data-testid="sync-full"
          >
            Full re-check
          </button>
          <button type="button" className="button button-primary" onClick={() => void syncNow()} disabled={!connected || syncing} data-testid="sync-now">
            {syncing && <span className="spinner" aria-hidden="true" />} Sync now
          </button>
        </div>
      </div>
      {error && <ErrorNotice error={error} title="Sync" onDismiss={() => setError(null)} />}
      <div className="sync-cards">
        {PULLED_SOURCES.map((source) => (
          <ConnectionCard
            key={source}
            orgId={orgId}
            source={source}
            connection={connections.find((c) => c.source === source) ?? null}
            lastRun={runs.find((r) => r.source === source) ?? null}
            onSaved={() => void load()}
          />
        ))}
      </div>
      <SyncConflicts orgId={orgId} version={runVersion} onResolved={noteDataChanged} />
      <SyncHistory runs={runs} />
    </div>
  );
}
