import { useCallback, useState } from 'react';
import type { Task } from '../../../shared/contract/tasks';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { periodLabel } from '../../format/period-label';
import { useLongJob } from '../imports/use-long-job';
import { CheckList } from './CheckList';
import { CloseHistory } from './CloseHistory';
import { ReopenForm } from './ReopenForm';
import { TaskNotes } from './TaskNotes';

/** One month: its status, checks, the Close button with progress, the last task's notes, reopen, history. */
export function MonthClose({ orgId, period }: { orgId: string; period: string }) {
  const { noteDataChanged } = useAppState();
  const [version, setVersion] = useState(0);
  const readiness = useApiQuery('close.checks', { orgId, period }, version);
  const history = useApiQuery('close.history', { orgId, period }, version);
  const job = useLongJob<Task>('close.start');
  const [task, setTask] = useState<Task | null>(null);
  const label = periodLabel(period);

  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    noteDataChanged();
  }, [noteDataChanged]);

  const startClose = useCallback(async () => {
    setTask(null);
    const done = await job.start((options) => api.call('close.start', { orgId, period }, options));
    if (done) setTask(done);
    changed();
  }, [job, orgId, period, changed]);

  const state = readiness.current ? readiness.data : null;
  const finalized = state?.status === 'finalized';
  const running = job.state.status === 'running';
  const closedAt = history.data?.find((e) => e.action === 'closed')?.at;

  return (
    <section className="month-close" aria-label={`Close ${label}`}>
      <div className="toolbar">
        <div className="close-status" data-testid="close-status" data-status={state?.status ?? ''}>
          <strong>{label}</strong>{' '}
          {state ? (
            finalized ? (
              <span className="badge close-badge-finalized">Closed{closedAt ? ` ${closedAt.replace('T', ' ').replace('Z', ' UTC')}` : ''}</span>
            ) : (
              <span className="badge close-badge-open">Open</span>
            )
          ) : readiness.loading ? (
            <span className="spinner" aria-hidden="true" />
          ) : null}
          {state && <span className="close-records"> · {state.records_to_process.toLocaleString()} records to check</span>}
        </div>
        <div className="toolbar-actions">
          <button type="button" className="button" onClick={() => setVersion((v) => v + 1)} disabled={running || readiness.loading} data-testid="close-recheck">
            Check again
          </button>
          {!finalized && (
            <button type="button" className="button button-primary" onClick={startClose} disabled={running || !state || state.refusal !== null} data-testid="close-start">
              {running ? 'Closing…' : `Close ${label}`}
            </button>
          )}
        </div>
      </div>
      {readiness.error && <ErrorNotice error={readiness.error} title="Could not run the checks" onRetry={readiness.reload} />}
      {state?.refusal && !finalized && (
        <div className="notice notice-info" data-testid="close-refusal" data-code={state.refusal.code}>
          {state.refusal.message}
        </div>
      )}
      {job.state.status === 'running' && (
        <div className="close-progress" role="status" data-testid="close-progress">
          <progress max={job.state.progress?.total ?? 1} value={job.state.progress?.done ?? 0} />
          <span>{job.state.progress ? `Check ${Math.min(job.state.progress.done + 1, job.state.progress.total ?? 1)} of ${job.state.progress.total}: ${job.state.progress.message}` : 'Starting the close…'}</span>
          <button type="button" className="button" onClick={job.cancel}>
            Cancel
          </button>
        </div>
      )}
      {job.state.status === 'failed' && <ErrorNotice error={job.state.error} title={`Could not close ${label}`} onDismiss={job.reset} />}
      {task && <TaskNotes task={task} />}
      <div className="close-columns">
        <div className="close-column">
          <h2 className="close-heading">Checks</h2>
          {state && <CheckList checks={state.checks} />}
        </div>
        <div className="close-column">
          {finalized && <ReopenForm orgId={orgId} period={period} onReopened={changed} />}
          <h2 className="close-heading">History of {label}</h2>
          <CloseHistory events={history.data ?? []} loading={history.loading} />
        </div>
      </div>
    </section>
  );
}
