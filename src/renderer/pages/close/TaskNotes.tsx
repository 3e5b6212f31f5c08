import type { Task, TaskNote } from '../../../shared/contract/tasks';
import { periodLabel } from '../../format/period-label';

function Notes({ title, notes, kind }: { title: string; notes: TaskNote[]; kind: 'error' | 'warning' }) {
  if (notes.length === 0) return null;
  return (
    <>
      <div className="close-notes-title">{title}</div>
      <ul className={`close-notes close-notes-${kind}`}>
        {notes.map((note, i) => (
          <li key={i} data-code={note.code}>
            {note.message} <code>{note.code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The close task as it ended: its status, and the errors and warnings of its notes. */
export function TaskNotes({ task }: { task: Task }) {
  const period = periodLabel(task.processing_notes.period);
  const outcome =
    task.status === 'Completed'
      ? `${period} is closed.`
      : task.status === 'Failed'
        ? `${period} stays open: ${task.processing_notes.errors.length} ${task.processing_notes.errors.length === 1 ? 'check failed' : 'checks failed'}.`
        : task.status === 'Cancelled'
          ? `The close was cancelled; ${period} stays open.`
          : `The close is ${task.status}.`;
  return (
    <div className={`notice ${task.status === 'Completed' ? 'notice-info' : task.status === 'Failed' ? 'notice-error' : 'notice-warning'}`} role="status" data-testid="close-task" data-status={task.status}>
      <div className="close-task-body">
        <strong className="notice-title">
          {outcome} <span className="close-task-id">Task {task.uuid}</span>
        </strong>
        <Notes title="Errors" notes={task.processing_notes.errors} kind="error" />
        <Notes title="Warnings" notes={task.processing_notes.warnings} kind="warning" />
      </div>
    </div>
  );
}
