import type { DemoLoadResult } from '../../../shared/contract/demo';
import { api } from '../../api/client';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { JobProgress } from '../imports/JobProgress';
import { useLongJob, type JobState } from '../imports/use-long-job';

interface DemoLoadCardProps {
  /** Tells the panel a load is running, so the other action waits (one writer at a time). */
  onRunningChange: (running: boolean) => void;
}

/** "Load the demo data": `demo.load` into this empty workspace, with progress and Cancel. */
export function DemoLoadCard({ onRunningChange }: DemoLoadCardProps) {
  const { noteDataChanged, noteOrgsChanged } = useAppState();
  const job = useLongJob<DemoLoadResult>('demo.load');
  const { state } = job;

  const load = async () => {
    onRunningChange(true);
    const result = await job.start((options) => api.call('demo.load', {}, options));
    onRunningChange(false);
    if (!result) return;
    // Every screen reads again: the org list (the panel gives way), periods, revenues.
    noteDataChanged();
    noteOrgsChanged();
  };

  return (
    <section className="welcome-card" aria-labelledby="welcome-demo-title" data-testid="welcome-demo">
      <h2 id="welcome-demo-title" className="welcome-card-title">
        Load the demo data
      </h2>
      <p className="welcome-card-text">
        Fills this workspace with a sample company: a parent organization, two child orgs and a year of revenues (about 200,000 rows), to try
        the screens before your own files are in.
      </p>
      <DemoLoadStatus state={state} onCancel={job.cancel} onShowOrgs={noteOrgsChanged} />
      {state.status !== 'running' && state.status !== 'done' && (
        <div className="welcome-card-actions">
          <button type="button" className="button" onClick={load} data-testid="load-demo">
            {state.status === 'idle' ? 'Load the demo data' : 'Load the demo data again'}
          </button>
        </div>
      )}
    </section>
  );
}

function DemoLoadStatus({ state, onCancel, onShowOrgs }: { state: JobState<DemoLoadResult>; onCancel: () => void; onShowOrgs: () => void }) {
  switch (state.status) {
    case 'running':
      return <JobProgress label="Writing the demo revenues" progress={state.progress} startedAt={state.startedAt} unit="rows" onCancel={onCancel} />;
    case 'done':
      return (
        <p className="welcome-status" role="status" data-testid="demo-loaded">
          <span className="spinner" aria-hidden="true" /> Demo data loaded; opening it…
        </p>
      );
    case 'cancelled':
      return (
        <p className="notice notice-info" role="status" data-testid="demo-cancelled">
          Loading was cancelled. Nothing was written: the workspace is empty as before.
        </p>
      );
    case 'failed':
      return (
        <>
          <ErrorNotice error={state.error} title="The demo data was not loaded" />
          {/* Another window or the command line filled the workspace meanwhile: show what it holds. */}
          {state.error.code === 'workspace_not_empty' && (
            <div className="welcome-card-actions">
              <button type="button" className="button" onClick={onShowOrgs} data-testid="show-orgs">
                Show this workspace's organizations
              </button>
            </div>
          )}
        </>
      );
    default:
      return null;
  }
}
