import { useState } from 'react';
import type { PayoutGroup, PayoutGroupLine } from '../../../shared/contract/payouts';
import type { ApiQuery } from '../../api/use-api-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { ScreenSetup } from '../../grid/use-screen-setup';
import { periodLabel } from '../../format/period-label';
import { ExplainPanel } from './ExplainPanel';
import { PayeesGrid } from './PayeesGrid';
import { PayoutTotals } from './PayoutTotals';

const STATUS_WORDS = { run: 'run', stale: 'stale: run it again', not_run: 'not run' } as const;

/**
 * A parent org's month with every org below it (payouts.group): each org's run status, the
 * totals per currency over the orgs that were run, and every payee line with its org. Runs
 * stay per org: an org not run (or stale) is named above the figures, never left out silently.
 */
export function GroupPayouts({ group, period, setup }: { group: ApiQuery<PayoutGroup>; period: string; setup: Pick<ScreenSetup, 'initialState' | 'noteGridChanged'> }) {
  const [explained, setExplained] = useState<PayoutGroupLine | null>(null);
  if (group.error) return <ErrorNotice error={group.error} title="Could not read the consolidated payouts" onRetry={group.reload} />;
  if (!group.current || !group.data) {
    return (
      <div className="page-message">
        <span className="spinner" aria-hidden="true" /> Reading every organization's run…
      </div>
    );
  }
  const { orgs, currencies, payees } = group.data;
  const notRun = orgs.filter((o) => o.status === 'not_run');
  const stale = orgs.filter((o) => o.status === 'stale');
  return (
    <>
      <ul className="payouts-group-orgs" data-testid="payouts-group-orgs">
        {orgs.map((o) => (
          <li key={o.orgId} className={`payouts-group-org payouts-group-${o.status}`} data-status={o.status}>
            <strong>{o.orgName}</strong>: {STATUS_WORDS[o.status]}
            {o.status !== 'not_run' && ` (${o.revenueCount.toLocaleString()} revenues)`}
          </li>
        ))}
      </ul>
      {notRun.length > 0 && (
        <div className="notice notice-warning" role="status" data-testid="payouts-group-missing">
          {listed(notRun.map((o) => o.orgName))} {notRun.length === 1 ? 'has' : 'have'} not run {periodLabel(period)}, so {notRun.length === 1 ? 'it is' : 'they are'} not in
          these figures: choose {notRun.length === 1 ? 'it' : 'each'} in the sidebar and run the month.
        </div>
      )}
      {stale.length > 0 && (
        <div className="notice notice-warning" role="status" data-testid="payouts-group-stale">
          The {listed(stale.map((o) => o.orgName))} {stale.length === 1 ? 'run is' : 'runs are'} stale (an earlier month was run again): shown as stored; run{' '}
          {periodLabel(period)} again there.
        </div>
      )}
      <PayoutTotals run={{ currencies, payees }} />
      <div className={explained ? 'payouts-grids payouts-grids-split' : 'payouts-grids'}>
        <PayeesGrid lines={payees} onExplain={setExplained} grouped setup={setup} />
        {explained && <ExplainPanel orgId={explained.orgId} period={period} line={explained} onClose={() => setExplained(null)} />}
      </div>
    </>
  );
}

/** "A", "A and B", "A, B and C". */
function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
