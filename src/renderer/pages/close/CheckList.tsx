import type { TaskCheck } from '../../../shared/contract/tasks';

const OUTCOME_WORDS = { pass: 'Pass', error: 'Error', warning: 'Warning' } as const;

/** Each check with its outcome in words (not colour alone) and what it found. */
export function CheckList({ checks }: { checks: TaskCheck[] }) {
  return (
    <ul className="close-checks" data-testid="close-checks">
      {checks.map((check) => (
        <li key={check.id} className={`close-check close-check-${check.outcome}`} data-check={check.id} data-outcome={check.outcome}>
          <span className={`badge close-outcome close-outcome-${check.outcome}`}>{OUTCOME_WORDS[check.outcome]}</span>
          <div>
            <div className="close-check-label">{check.label}</div>
            <div className="close-check-message">{check.message}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}
