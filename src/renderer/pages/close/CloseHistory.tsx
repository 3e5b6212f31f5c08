import type { CloseEvent } from '../../../shared/contract/close';

/** Closes and reopens of the month, newest first: who, when, why. */
export function CloseHistory({ events, loading }: { events: CloseEvent[]; loading: boolean }) {
  if (events.length === 0) return <p className="close-history-empty">{loading ? 'Reading the history…' : 'Never closed.'}</p>;
  return (
    <ol className="close-history" data-testid="close-history">
      {events.map((e) => (
        <li key={e.id} data-action={e.action}>
          <span className={`badge ${e.action === 'closed' ? 'close-badge-finalized' : 'close-badge-open'}`}>{e.action === 'closed' ? 'Closed' : 'Reopened'}</span>{' '}
          {e.at.replace('T', ' ').replace('Z', ' UTC')} by {e.actor}
          {e.reason && <span className="close-history-reason">: “{e.reason}”</span>}
        </li>
      ))}
    </ol>
  );
}
