import type { ReactNode } from 'react';

interface RuleCardProps {
  id: string;
  title: string;
  /** What the rule does, in a sentence: the applied rule's effect, or what turning it on would do. */
  summary: ReactNode;
  enabled: boolean;
  /** False while the rule is on but incomplete: the preview runs without it. */
  applied: boolean;
  onToggle: (on: boolean) => void;
  /** Why the rule is not applied yet (the editor's own check). */
  problem: string | null;
  /** What the server says about the rule and this file (a column it lacks). */
  issues: readonly string[];
  children?: ReactNode;
}

/** One layout rule: a switch, what it does, its settings while on, and why it does not apply yet. */
export function RuleCard({ id, title, summary, enabled, applied, onToggle, problem, issues, children }: RuleCardProps) {
  const state = !enabled ? 'off' : applied && issues.length === 0 ? 'applied' : 'pending';
  return (
    <li className="rule-card" data-rule={id} data-state={state} data-testid={`rule-${id}`}>
      <div className="rule-card-head">
        <label className="rule-toggle">
          <input type="checkbox" checked={enabled} onChange={(event) => onToggle(event.target.checked)} data-testid={`rule-${id}-toggle`} />
          <span className="rule-title">{title}</span>
        </label>
        {enabled && <span className={`badge rule-state-${state}`}>{state === 'applied' ? 'Applied to the preview' : 'Not applied yet'}</span>}
      </div>
      <p className="rule-summary" data-testid={`rule-${id}-summary`}>
        {summary}
      </p>
      {enabled && children && <div className="rule-body">{children}</div>}
      {enabled && (problem || issues.length > 0) && (
        <ul className="rule-problems" role="status" data-testid={`rule-${id}-problems`}>
          {problem && <li>{problem}</li>}
          {issues.map((issue, index) => (
            <li key={index}>{issue}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
