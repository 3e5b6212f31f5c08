import { useCallback, useMemo, useRef, useState } from 'react';
import { CONSUMPTION_GRID_COLUMNS, type ConsumptionGridRow } from '../../../shared/contract/consumption';
import type { ReconciliationRunResult } from '../../../shared/contract/reconciliation';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../app/app-state';
import { subtreeIds } from '../../app/org-tree';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExactAmountsToggle } from '../../format/ExactAmountsToggle';
import { useCsvBom } from '../../grid/csv-bom-setting';
import { IncludeChildrenToggle } from '../../grid/IncludeChildrenToggle';
import { useScreenSetup, type ScreenSetup } from '../../grid/use-screen-setup';
import { periodLabel } from '../../format/period-label';
import { CompensationGrid } from './CompensationGrid';
import { RecordsGrid, type RecordsGridHandle } from './RecordsGrid';
import { ReconciliationTotals } from './ReconciliationTotals';
import '../../styles/reconciliation.css';

/**
 * The Reconciliation screen: the month from the period picker and a customer, the records
 * with estimate, final, adjustment, percent difference and margin (rows over the tolerance
 * highlighted), Run, bulk approve (with a note) and hold of the selected rows, a record's raw
 * data, totals that tie out, and the compensation items as their own grid.
 */
// The records grid's columns a kept setup may name (the Organization column included).
const SETUP_COLUMNS = [...CONSUMPTION_GRID_COLUMNS, 'org_id'];

export function ReconciliationPage() {
  const { view, orgs, loading } = useAppState();
  const setup = useScreenSetup('reconciliation', SETUP_COLUMNS);
  const orgNames = useMemo(() => new Map(orgs.map((o) => [o.id, o.name])), [orgs]);
  if (!view || !setup.ready) return <div className="page-message">{loading || view ? 'Opening the workspace…' : 'Choose an organization in the sidebar to reconcile its consumption.'}</div>;
  const below = subtreeIds(orgs, view.orgId);
  const childNames = orgs.filter((o) => o.id !== view.orgId && below.has(o.id)).map((o) => o.name);
  return <Reconciliation key={view.orgId} orgId={view.orgId} period={view.period} childNames={childNames} orgNames={orgNames} setup={setup} />;
}

interface ReconciliationProps {
  orgId: string;
  period: string | null;
  childNames: string[];
  orgNames: ReadonlyMap<string, string>;
  /** The records grid's sort, filters, columns and the switch, kept per workspace. */
  setup: ScreenSetup;
}

function Reconciliation({ orgId, period, childNames, orgNames, setup }: ReconciliationProps) {
  // The consolidated view (the org with every org below it): review and approve across them; runs stay per org.
  const [includeChildrenChosen, setIncludeChildrenChosen] = useState(() => setup.opened.includeChildren === true);
  const includeChildren = includeChildrenChosen && childNames.length > 0;
  const setIncludeChildren = (checked: boolean) => {
    setIncludeChildrenChosen(checked);
    setup.update({ includeChildren: checked });
  };
  const [customerUuid, setCustomerUuid] = useState<string | null>(null);
  const [tab, setTab] = useState<'records' | 'items'>('records');
  const [selected, setSelected] = useState<ConsumptionGridRow[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [rawOf, setRawOf] = useState<ConsumptionGridRow | null>(null);
  const [version, setVersion] = useState(0);
  const grid = useRef<RecordsGridHandle>(null);
  const bom = useCsvBom();
  const exportCsv = async () => {
    setError(null);
    try {
      const shown = grid.current?.view() ?? { sortModel: [], filterModel: {} };
      const saved = await api.saveFile('consumption.export', { orgId, includeChildren, period, customerUuid, ...shown, bom }, { title: 'Export the reconciliation as CSV', fileName: `reconciliation-${period ?? 'all-months'}.csv` });
      if (saved) setMessage(`Exported ${saved.rowCount} records to ${saved.savedAs}`);
    } catch (thrown) {
      setError(asApiCallError('consumption.export', thrown));
    }
  };
  const customers = useApiQuery('consumption.summary', { orgId, includeChildren, period: null, customerUuid: null }, version);
  const summary = useApiQuery('consumption.summary', { orgId, includeChildren, period, customerUuid }, version);
  const tolerance = useApiQuery('reconciliation.settings', {}, version);
  const onGridError = useCallback((thrown: unknown) => setError(asApiCallError('consumption.grid', thrown)), []);

  const afterWrite = (text: string) => {
    setMessage(text);
    setSelected([]);
    grid.current?.clearSelection();
    grid.current?.refresh();
    setVersion((v) => v + 1);
  };

  const act = async (method: 'reconciliation.run' | 'reconciliation.approve' | 'reconciliation.hold', work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      afterWrite(await work());
    } catch (thrown) {
      setError(asApiCallError(method, thrown));
    } finally {
      setBusy(false);
    }
  };

  const run = () =>
    act('reconciliation.run', async () => {
      const r: ReconciliationRunResult = await api.call('reconciliation.run', { orgId, period: period! });
      return `${periodLabel(r.period)}: ${r.reconciled} reconciled, ${r.needs_review} need review, ${r.held} held, ${r.missing_final} without a final amount, ${r.compensation_items_created} compensation items.`;
    });
  const uuids = selected.map((r) => r.uuid);
  const approve = () =>
    act('reconciliation.approve', async () => {
      const r = await api.call('reconciliation.approve', { uuids, note });
      setNote('');
      return `Approved ${r.records.length} ${r.records.length === 1 ? 'record' : 'records'}; ${r.compensation_items_created} compensation items.`;
    });
  const hold = () =>
    act('reconciliation.hold', async () => {
      const r = await api.call('reconciliation.hold', { uuids, note: note.trim() || null });
      return `Held ${r.records.length} ${r.records.length === 1 ? 'record' : 'records'}.`;
    });

  const customerChoices = customers.data?.by_customer ?? [];
  const statuses = summary.current ? summary.data?.statuses : undefined;
  return (
    <div className="recon-page" data-testid="recon-page">
      <div className="toolbar">
        <label className="recon-customer">
          Customer{' '}
          <select data-testid="recon-customer" value={customerUuid ?? ''} onChange={(e) => setCustomerUuid(e.target.value || null)}>
            <option value="">All customers</option>
            {customerChoices
              .filter((c, i, all) => c.customer_uuid !== null && all.findIndex((o) => o.customer_uuid === c.customer_uuid) === i)
              .map((c) => (
                <option key={c.customer_uuid} value={c.customer_uuid!}>
                  {c.customer_name ?? c.customer_uuid}
                </option>
              ))}
          </select>
        </label>
        <span className="recon-status" data-testid="recon-status">
          {statuses
            ? `${period ? periodLabel(period) : 'All months'}: ` +
              Object.entries(statuses)
                .map(([s, n]) => `${n} ${s.replace('_', ' ')}`)
                .join(' · ')
            : 'Counting…'}
          {tolerance.data && ` — tolerance ${tolerance.data.tolerance_amount} and ${tolerance.data.tolerance_percent} %`}
        </span>
        <div className="toolbar-actions">
          {childNames.length > 0 && <IncludeChildrenToggle checked={includeChildren} onChange={setIncludeChildren} childNames={childNames} />}
          <ExactAmountsToggle />
          <button type="button" className="button" data-testid="recon-export" onClick={exportCsv} disabled={tab !== 'records'}>
            Export CSV
          </button>
          <button
            type="button"
            className="button button-primary"
            data-testid="recon-run"
            onClick={run}
            disabled={busy || !period || includeChildren}
            title={includeChildren ? 'Reconciliation runs per organization: switch off Include child orgs to run this one' : period ? undefined : 'Choose a month to run'}
          >
            {period ? `Reconcile ${periodLabel(period)}` : 'Choose a month to reconcile'}
          </button>
        </div>
      </div>
      <div className="toolbar recon-review">
        <span data-testid="recon-selected">{selected.length} selected</span>
        <input className="recon-note" data-testid="recon-note" placeholder="Note (required to approve)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        <button type="button" className="button" data-testid="recon-approve" onClick={approve} disabled={busy || selected.length === 0 || note.trim() === ''}>
          Approve selected
        </button>
        <button type="button" className="button" data-testid="recon-hold" onClick={hold} disabled={busy || selected.length === 0}>
          Hold selected
        </button>
        <button type="button" className="button" data-testid="recon-raw" onClick={() => setRawOf(selected.length === 1 ? selected[0] : null)} disabled={selected.length !== 1}>
          Raw data
        </button>
        <div className="recon-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'records'} className={tab === 'records' ? 'tab tab-active' : 'tab'} onClick={() => setTab('records')}>
            Records
          </button>
          <button type="button" role="tab" aria-selected={tab === 'items'} data-testid="recon-items-tab" className={tab === 'items' ? 'tab tab-active' : 'tab'} onClick={() => setTab('items')}>
            Compensation items
          </button>
        </div>
      </div>
      {message && (
        <div className="notice" role="status" data-testid="recon-message">
          {message}
        </div>
      )}
      {error && <ErrorNotice error={error} title="The reconciliation call failed" onDismiss={() => setError(null)} />}
      {summary.current && summary.data && <ReconciliationTotals summary={summary.data} />}
      {rawOf && (
        <div className="recon-raw" data-testid="recon-raw-panel">
          <button type="button" className="button" onClick={() => setRawOf(null)} aria-label="Close raw data">
            ×
          </button>
          <strong>{rawOf.resource_name}</strong> {rawOf.billing_period.slice(0, 7)} — raw data
          <pre>{rawOf.raw_data == null ? 'No raw data was synced for this record.' : JSON.stringify(rawOf.raw_data, null, 2)}</pre>
        </div>
      )}
      <div className="grid-frame recon-grid-frame">
        {tab === 'records' ? (
          <RecordsGrid
            ref={grid}
            orgId={orgId}
            includeChildren={includeChildren}
            orgNames={orgNames}
            period={period}
            customerUuid={customerUuid}
            setup={setup}
            onSelection={setSelected}
            onError={onGridError}
          />
        ) : (
          <CompensationGrid orgId={orgId} includeChildren={includeChildren} period={period} customerUuid={customerUuid} onError={onGridError} />
        )}
      </div>
    </div>
  );
}
