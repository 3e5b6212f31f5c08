import { OUTCOMES, type OutcomeCounts as Counts } from '../../../../shared/contract/imports';
import { formatCount } from '../format-import';
import { OutcomeBadge } from '../OutcomeBadge';

interface OutcomeCountsProps {
  counts: Counts;
  totalRows: number;
  /** 'check': what committing would do; 'commit': what it did; 'rejected': what it would have done (it wrote nothing). */
  phase: 'check' | 'commit' | 'rejected';
}

const DATA_ATTRIBUTE: Record<keyof Counts, string> = {
  created: 'data-created',
  updated: 'data-updated',
  unchanged: 'data-unchanged',
  skipped_duplicate: 'data-skipped-duplicate',
  blocked_locked_period: 'data-blocked-locked-period',
  error: 'data-error',
};

const PHASE_VERBS: Record<OutcomeCountsProps['phase'], string> = { check: 'would be', commit: 'were', rejected: 'read, none written' };

/** Rows per outcome; outcomes with no rows are dimmed, not hidden, so the list never shifts. */
export function OutcomeCounts({ counts, totalRows, phase }: OutcomeCountsProps) {
  const attributes = Object.fromEntries(OUTCOMES.map((outcome) => [DATA_ATTRIBUTE[outcome], counts[outcome]]));
  return (
    <div className="outcome-counts" data-testid="import-counts" data-phase={phase} data-total={totalRows} {...attributes}>
      <p className="outcome-counts-total">
        {formatCount(totalRows)} {totalRows === 1 ? 'row' : 'rows'} {PHASE_VERBS[phase]}:
      </p>
      <ul className="outcome-counts-list">
        {OUTCOMES.map((outcome) => (
          <li key={outcome} className={counts[outcome] === 0 ? 'outcome-count outcome-count-zero' : 'outcome-count'}>
            <OutcomeBadge outcome={outcome} rejected={phase === 'rejected'} />
            <span className="outcome-count-value">{formatCount(counts[outcome])}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
