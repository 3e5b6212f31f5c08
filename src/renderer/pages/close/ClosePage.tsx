import { useAppState } from '../../app/app-state';
import { MonthClose } from './MonthClose';
import { TasksGrid } from './TasksGrid';
import '../../styles/close.css';

/**
 * The Close screen: the month from the period picker, its checks as they stand, a Close
 * button that runs the close as a task with live progress and shows the task's notes,
 * reopening with a reason, the month's close history, and the org's tasks in a grid.
 */
export function ClosePage() {
  const { view, loading, error } = useAppState();
  if (error) return null; // the shell shows it
  if (!view) {
    return (
      <div className="page-message" data-testid="close-empty">
        {loading ? (
          <>
            <span className="spinner" aria-hidden="true" /> Opening the workspace…
          </>
        ) : (
          'Choose an organization in the sidebar to close its months.'
        )}
      </div>
    );
  }
  return (
    <div className="close-page" data-testid="close-page">
      {view.period ? (
        <MonthClose key={`${view.orgId}|${view.period}`} orgId={view.orgId} period={view.period} />
      ) : (
        <div className="notice notice-info" data-testid="close-pick-month">
          Months are closed one at a time: choose a month in the period picker above.
        </div>
      )}
      <TasksGrid orgId={view.orgId} />
    </div>
  );
}
