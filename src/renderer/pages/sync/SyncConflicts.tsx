import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { SyncConflict, SyncConflictChoice } from '../../../shared/contract/sync';
import { SOURCE_NAMES } from './source-names';
import '../../styles/sync-conflicts.css';

/** A value as the source sends it; absent (no local column for it) as a dash. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The record in words: its external_id, else the source's id. */
function recordName(conflict: SyncConflict): string {
  const externalId = conflict.serverValues.external_id ?? conflict.localValues.external_id;
  return typeof externalId === 'string' ? externalId : conflict.sourceId;
}

/**
 * Records changed here and on the server since the last sync: each differing field with
 * the local and the server value side by side, and the person's choice. `version` changes
 * after a sync run, so the list is read again.
 */
export function SyncConflicts({ orgId, version, onResolved }: { orgId: string; version: number; onResolved: () => void }) {
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setConflicts((await api.call('sync.conflicts', { orgId, status: 'open' })).conflicts);
    } catch (thrown) {
      setError(asApiCallError('sync.conflicts', thrown));
    }
  }, [orgId]);

  useEffect(() => {
    void load();
  }, [load, version]);

  async function resolve(conflict: SyncConflict, choice: SyncConflictChoice) {
    setBusy(conflict.id);
    try {
      await api.call('sync.resolve', { orgId, id: conflict.id, choice });
      setError(null);
      await load();
      onResolved();
    } catch (thrown) {
      // e.g. a reconciled record or a finalized month: the message says why, the conflict stays.
      setError(asApiCallError('sync.resolve', thrown));
    } finally {
      setBusy(null);
    }
  }

  if (conflicts.length === 0 && !error) return null;
  return (
    <section className="sync-conflicts" data-testid="sync-conflicts">
      <h2 className="sync-card-title">Conflicts to resolve ({conflicts.length.toLocaleString()})</h2>
      <p className="muted sync-conflicts-intro">Changed here and on the server since the last sync. Nothing was overwritten: choose which version to keep.</p>
      {error && <ErrorNotice error={error} title="Conflict" onDismiss={() => setError(null)} />}
      {conflicts.map((conflict) => (
        <article key={conflict.id} className="sync-conflict" data-testid="sync-conflict">
          <header className="sync-conflict-head">
            <span>
              <strong>{conflict.entity}</strong> {recordName(conflict)}
              <span className="muted"> · {SOURCE_NAMES[conflict.source].title} · found {new Date(conflict.detectedAt).toLocaleString()}</span>
            </span>
            <span className="sync-conflict-actions">
              <button type="button" className="button" disabled={busy !== null} onClick={() => void resolve(conflict, 'keep_local')} data-testid="conflict-keep-local">
                Keep local
              </button>
              <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void resolve(conflict, 'take_server')} data-testid="conflict-take-server">
                Take server
              </button>
            </span>
          </header>
          <table className="sync-table sync-conflict-fields">
            <thead>
              <tr>
                <th>Field</th>
                <th>Local</th>
                <th>Server</th>
              </tr>
            </thead>
            <tbody>
              {conflict.differing.map((field) => (
                <tr key={field}>
                  <td>{field}</td>
                  <td className="sync-conflict-local">{shown(conflict.localValues[field])}</td>
                  <td className="sync-conflict-server">{shown(conflict.serverValues[field])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
