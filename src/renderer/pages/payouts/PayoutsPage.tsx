import { useCallback, useState } from 'react';
import type { PayoutPayeeLine, PayoutRun } from '../../../shared/contract/payouts';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExactAmountsToggle } from '../../format/ExactAmountsToggle';
import { periodLabel } from '../../format/period-label';
import { useCsvBom } from '../../grid/csv-bom-setting';
import { subtreeIds } from '../../app/org-tree';
import { IncludeChildrenToggle } from '../../grid/IncludeChildrenToggle';
import { ExplainPanel } from './ExplainPanel';
import { GroupPayouts } from './GroupPayouts';
import { PAYOUT_SETUP_COLUMNS } from './payout-columns';
import { useScreenSetup, type ScreenSetup } from '../../grid/use-screen-setup';
import { PayeesGrid } from './PayeesGrid';
import { PayoutTotals } from './PayoutTotals';
import '../../styles/payouts.css';

/**
 * The Payouts screen: the month from the period picker, a Run button, the per-payee lines
 * of the stored run with a totals row per currency that ties out to the month's revenue,
 * the run's warnings, a payee's revenue rows (explain) and the payable list as CSV.
 */
export function PayoutsPage() {
  const { view, orgs, loading, error } = useAppState();
  // The payee grid's sort, filters, columns and the children switch, kept per workspace.
  const setup = useScreenSetup('payouts', PAYOUT_SETUP_COLUMNS);
  if (view?.period && setup.ready) {
    const org = orgs.find((o) => o.id === view.orgId);
    const below = subtreeIds(orgs, view.orgId);
    const childNames = orgs.filter((o) => o.id !== view.orgId && below.has(o.id)).map((o) => o.name);
    return <MonthPayouts key={`${view.orgId}|${view.period}`} orgId={view.orgId} orgName={org?.name ?? view.orgId} period={view.period} childNames={childNames} setup={setup} />;
  }
  if (error) return null; // the shell shows it
  return (
    <div className="page-message" data-testid="payouts-empty">
      {loading || (view?.period && !setup.ready) ? (
        <>
          <span className="spinner" aria-hidden="true" /> Opening the workspace…
        </>
      ) : view ? (
        'Payouts are run one month at a time: choose a month in the period picker above.'
      ) : (
        'Choose an organization in the sidebar to see its payouts.'
      )}
    </div>
  );
}

type ExportState = { status: 'idle' } | { status: 'running' } | { status: 'done'; rowCount: number; savedAs: string } | { status: 'failed'; error: ApiCallError };

interface MonthPayoutsProps {
  orgId: string;
  orgName: string;
  period: string;
  childNames: string[];
  setup: ScreenSetup;
}

function MonthPayouts({ orgId, orgName, period, childNames, setup }: MonthPayoutsProps) {
  const stored = useApiQuery('payouts.get', { orgId, period });
  // The consolidated view (a parent with every org below it) reads the stored runs; runs stay per org.
  const [includeChildrenChosen, setIncludeChildrenChosen] = useState(() => setup.opened.includeChildren === true);
  const includeChildren = includeChildrenChosen && childNames.length > 0;
  const setIncludeChildren = (checked: boolean) => {
    setIncludeChildrenChosen(checked);
    setup.update({ includeChildren: checked });
  };
  const group = useApiQuery('payouts.group', includeChildren ? { orgId, period } : null);
  const [ran, setRan] = useState<PayoutRun | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<ApiCallError | null>(null);
  const [explained, setExplained] = useState<PayoutPayeeLine | null>(null);
  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  const bom = useCsvBom();

  const notRun = stored.error?.code === 'payout_run_not_found';
  const run = ran ?? (stored.current ? stored.data : null);

  const runMonth = useCallback(async () => {
    setRunning(true);
    setRunError(null);
    try {
      setRan(await api.call('payouts.run', { orgId, period }));
      setExplained(null);
    } catch (thrown) {
      setRunError(asApiCallError('payouts.run', thrown));
    } finally {
      setRunning(false);
    }
  }, [orgId, period]);

  const exportPayables = useCallback(async () => {
    setExportState({ status: 'running' });
    try {
      const saved = await api.saveFile('payouts.export', { orgId, period, bom }, { title: 'Export the payable list as CSV', fileName: exportFileName(orgName, period) });
      setExportState(saved ? { status: 'done', rowCount: saved.rowCount, savedAs: saved.savedAs } : { status: 'idle' });
    } catch (thrown) {
      setExportState({ status: 'failed', error: asApiCallError('payouts.export', thrown) });
    }
  }, [orgId, orgName, period, bom]);

  return (
    <div className="payouts-page" data-testid="payouts-page">
      <div className="toolbar">
        <div className="payouts-status" data-testid="payouts-status">
          {run ? (
            <>
              <strong>{periodLabel(period)}</strong> run {run.ranAt.replace('T', ' ').replace('Z', ' UTC')} by {run.ranBy}: {run.revenueCount.toLocaleString()} revenues
              {run.openingFrom ? `, opening balances from ${periodLabel(run.openingFrom)}` : ', no earlier month run'}
            </>
          ) : notRun ? (
            `The payouts of ${periodLabel(period)} have not been run yet.`
          ) : stored.loading ? (
            <>
              <span className="spinner" aria-hidden="true" /> Reading the last run…
            </>
          ) : null}
        </div>
        <div className="toolbar-actions">
          {childNames.length > 0 && <IncludeChildrenToggle checked={includeChildren} onChange={setIncludeChildren} childNames={childNames} />}
          <ExactAmountsToggle />
          <button
            type="button"
            className="button"
            data-testid="payouts-export"
            onClick={exportPayables}
            disabled={!run || includeChildren || exportState.status === 'running'}
            title={includeChildren ? 'Payable lists are exported per organization: switch off Include child orgs' : 'The payees with an amount to pay, per currency, as a CSV file for payment'}
          >
            Export payable list
          </button>
          <button
            type="button"
            className="button button-primary"
            data-testid="payouts-run"
            onClick={runMonth}
            disabled={running || includeChildren}
            title={includeChildren ? `Runs are per organization: this runs ${orgName} only, so switch off Include child orgs first` : undefined}
          >
            {running ? 'Running…' : run ? `Run ${periodLabel(period)} again` : `Run ${periodLabel(period)}`}
          </button>
        </div>
      </div>
      {runError && <ErrorNotice error={runError} title={`Could not run the payouts of ${periodLabel(period)}`} onDismiss={() => setRunError(null)} />}
      {stored.error && !notRun && <ErrorNotice error={stored.error} title="Could not read the payouts" onRetry={stored.reload} />}
      {exportState.status === 'done' && (
        <div className="export-status export-done" data-testid="payouts-export-status" data-row-count={exportState.rowCount}>
          Exported {exportState.rowCount} payable {exportState.rowCount === 1 ? 'line' : 'lines'} to <span className="export-file">{exportState.savedAs}</span>
        </div>
      )}
      {exportState.status === 'failed' && <ErrorNotice error={exportState.error} title="The export failed" onDismiss={() => setExportState({ status: 'idle' })} />}
      {run?.stale && !includeChildren && (
        <div className="notice notice-warning" role="status" data-testid="payouts-stale">
          This run is stale: {run.stale}.
        </div>
      )}
      {run && !includeChildren && run.warnings.length > 0 && (
        <ul className="notice notice-warning payouts-warnings" data-testid="payouts-warnings">
          {run.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {includeChildren && <GroupPayouts group={group} period={period} setup={setup} />}
      {run && !includeChildren && (
        <>
          <PayoutTotals run={run} />
          <div className={explained ? 'payouts-grids payouts-grids-split' : 'payouts-grids'}>
            <PayeesGrid lines={run.payees} onExplain={setExplained} setup={setup} />
            {explained && <ExplainPanel orgId={orgId} period={period} line={explained} onClose={() => setExplained(null)} />}
          </div>
        </>
      )}
    </div>
  );
}

/** "payables-northwind-2026-10.csv". */
function exportFileName(orgName: string, period: string): string {
  const org = orgName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `payables-${org || 'org'}-${period}.csv`;
}
