import type { SyncRun } from '../../../shared/contract/sync';

const SHOWN = [
  ['created', 'created'],
  ['updated', 'updated'],
  ['unchanged', 'unchanged'],
  ['blocked_locked_period', 'blocked (closed month)'],
  ['conflict', 'conflicts'],
] as const;

/** A run's counts in one line: created, updated, unchanged, blocked, conflicts. */
export function RunCounts({ run }: { run: SyncRun }) {
  return (
    <span className="sync-counts">
      {SHOWN.map(([key, label]) => (
        <span key={key} className={(key === 'blocked_locked_period' || key === 'conflict') && (run.counts[key] ?? 0) > 0 ? 'sync-count sync-count-blocked' : 'sync-count'}>
          {(run.counts[key] ?? 0).toLocaleString()} {label}
        </span>
      ))}
    </span>
  );
}
