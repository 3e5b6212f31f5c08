import type { RuleConflict } from '../../../shared/contract/rules';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { periodLabel } from '../../format/period-label';
import { SCOPE_LABELS } from './rule-labels';

interface RuleConflictsBannerProps {
  orgId: string;
  period: string | null;
  /** Changes after every save, so the check runs again. */
  refreshKey: unknown;
  onOpenRule: (id: number) => void;
}

/**
 * Active rules of one specificity that both cover a revenue of the month on its day: a run
 * refuses while any remain, so they are shown here first, each rule a link to open it.
 */
export function RuleConflictsBanner({ orgId, period, refreshKey, onOpenRule }: RuleConflictsBannerProps) {
  const conflicts = useApiQuery('rules.conflicts', period ? { orgId, period } : null, refreshKey);
  if (!period) {
    return (
      <p className="notice notice-info rule-conflicts-note" data-testid="rule-conflicts-none">
        Choose a month above to check its revenues for conflicting rules.
      </p>
    );
  }
  if (conflicts.error) return <ErrorNotice error={conflicts.error} title="Could not check the rules for conflicts" onRetry={conflicts.reload} />;
  if (!conflicts.current || !conflicts.data) return null;
  const found = conflicts.data.conflicts;
  if (found.length === 0) {
    return (
      <p className="rule-conflicts-ok muted" role="status" data-testid="rule-conflicts-none">
        No conflicting rules in {periodLabel(period)}.
      </p>
    );
  }
  return (
    <div className="notice notice-error rule-conflicts" role="alert" data-testid="rule-conflicts">
      <div className="notice-body">
        <strong className="notice-title">
          {found.length === 1 ? 'Two rules conflict' : `${found.length} rule conflicts`} in {periodLabel(period)}: payouts for the month cannot run until this
          is resolved
        </strong>
        <ul className="rule-conflict-list">
          {found.map((c, i) => (
            <li key={i} data-testid="rule-conflict">
              <ConflictText conflict={c} onOpenRule={onOpenRule} />
            </li>
          ))}
        </ul>
        <p className="notice-reference">Give one of them other dates, make it inactive, or add a more specific rule for those revenues.</p>
      </div>
    </div>
  );
}

function ConflictText({ conflict, onOpenRule }: { conflict: RuleConflict; onOpenRule: (id: number) => void }) {
  const { rules, revenueCount, firstRevenue } = conflict;
  return (
    <>
      {SCOPE_LABELS[conflict.scope]} rules{' '}
      {rules.map((r, i) => (
        <span key={r.id}>
          {i > 0 && (i === rules.length - 1 ? ' and ' : ', ')}
          <button type="button" className="link-button" onClick={() => onOpenRule(r.id)} data-testid={`rule-conflict-open-${r.id}`}>
            {r.name}
          </button>
          {r.externalId && <span className="muted"> ({r.externalId})</span>}
        </span>
      ))}{' '}
      both cover {revenueCount === 1 ? '1 revenue' : `${revenueCount} revenues`}, the first {firstRevenue.externalId ?? `#${firstRevenue.id}`} on{' '}
      {firstRevenue.date}.
    </>
  );
}
