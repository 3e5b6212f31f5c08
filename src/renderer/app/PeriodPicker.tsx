import { periodLabel } from '../format/period-label';
import { useAppState } from './app-state';

/** Value of the "All periods" option (a period is always "YYYY-MM", so this cannot clash). */
export const ALL_PERIODS = 'all';

/** The one period picker every screen shares: newest first, finalized months marked locked. */
export function PeriodPicker() {
  const { periods, periodsLoaded, period, selectPeriod, orgId, error } = useAppState();
  // Until the org's periods are known, "All periods" would be a false statement of the choice.
  const known = orgId !== null && (periodsLoaded || periods.length > 0);
  return (
    <div className="field field-inline">
      <label className="field-label" htmlFor="period-picker">
        Period
      </label>
      <select
        id="period-picker"
        className="select"
        data-testid="period-picker"
        value={known ? (period ?? ALL_PERIODS) : ''}
        disabled={!known}
        onChange={(event) => selectPeriod(event.target.value === ALL_PERIODS ? null : event.target.value)}
      >
        {!known && <option value="">{orgId === null || error ? '—' : 'Loading…'}</option>}
        <option value={ALL_PERIODS}>All periods</option>
        {periods.map((p) => (
          <option key={p.period} value={p.period}>
            {`${periodLabel(p.period)} — ${p.status === 'finalized' ? 'finalized (locked)' : 'in progress'}`}
          </option>
        ))}
      </select>
      <PeriodStatus />
    </div>
  );
}

/** The chosen period's status beside the picker, so "locked" is visible without opening it. */
function PeriodStatus() {
  const { periods, period } = useAppState();
  const info = periods.find((p) => p.period === period);
  if (!info) return null;
  return info.status === 'finalized' ? (
    <span className="status-pill status-finalized" data-testid="period-status" title={info.finalizedAt ? `Finalized ${info.finalizedAt}` : 'Finalized'}>
      <LockIcon /> Finalized
    </span>
  ) : (
    <span className="status-pill status-open" data-testid="period-status">
      In progress
    </span>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" fill="currentColor">
      <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
    </svg>
  );
}
