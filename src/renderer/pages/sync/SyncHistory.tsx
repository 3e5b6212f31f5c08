import type { SyncRun } from '../../../shared/contract/sync';
import { RunCounts } from './RunCounts';
import { SOURCE_NAMES } from './source-names';

/** The org's sync runs, newest first; each committed run's import batches can be inspected under Imports. */
export function SyncHistory({ runs }: { runs: SyncRun[] }) {
  if (runs.length === 0) return null;
  return (
    <section className="sync-history">
      <h2 className="sync-card-title">History</h2>
      <div className="sync-table-frame">
        <table className="sync-table" data-testid="sync-history">
          <thead>
            <tr>
              <th>Finished</th>
              <th>Source</th>
              <th>Status</th>
              <th>Records</th>
              <th>Import batches</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{new Date(run.finishedAt).toLocaleString()}</td>
                <td>{SOURCE_NAMES[run.source].title}</td>
                <td>
                  <span className={`sync-status sync-status-${run.status}`}>{run.status.replace('_', ' ')}</span>
                </td>
                <td>{run.status === 'failed' ? '—' : <RunCounts run={run} />}</td>
                <td>
                  {Object.entries(run.batches)
                    .map(([entity, id]) => `${entity} #${id}`)
                    .join(', ') || '—'}
                </td>
                <td className="sync-run-message">{run.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
