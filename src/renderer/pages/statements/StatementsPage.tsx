import { useCallback, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { StatementDetail } from '../../../shared/contract/statements';
import { useAppState } from '../../app/app-state';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StatementDocument } from './StatementDocument';
import { StatementsGrid } from './StatementsGrid';
import { useOrgStatements } from './use-org-statements';
import '../../styles/statements.css';

/**
 * The Statements screen: the org's statements (one per billing cycle, generated from its
 * price plans, usage and credits) in a grid with a CSV export, and the chosen statement laid
 * out as the customer's document, with Print / Save as PDF (the browser's or Electron's print
 * of the page; the print stylesheet keeps only the document).
 */
export function StatementsPage() {
  const { view, orgs, loading, error } = useAppState();
  if (view) {
    const org = orgs.find((o) => o.id === view.orgId);
    return <OrgStatements key={view.orgId} orgId={view.orgId} orgName={org?.name ?? view.orgId} />;
  }
  if (error) return null; // the shell shows it
  return (
    <div className="page-message" data-testid="statements-empty">
      {loading ? 'Opening the workspace…' : 'Choose an organization in the sidebar to see its statements.'}
    </div>
  );
}

function OrgStatements({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { statements, error } = useOrgStatements(orgId);
  const [open, setOpen] = useState<StatementDetail | null>(null);
  const [gridApi, setGridApi] = useState<GridApi<StatementDetail> | null>(null);
  const exportCsv = useCallback(() => {
    gridApi?.exportDataAsCsv({ fileName: `${orgName} statements.csv`.replace(/[\\/:*?"<>|]/g, '-') });
  }, [gridApi, orgName]);
  const shown = open ?? statements?.[0] ?? null;

  if (error) return <ErrorNotice error={error} title="Could not read the statements" />;
  if (!statements) return <div className="page-message">Reading the statements…</div>;
  return (
    <div className="statements-page" data-testid="statements-page">
      <div className="toolbar statements-toolbar">
        <p className="statements-summary">
          {statements.length} {statements.length === 1 ? 'statement' : 'statements'} for <strong>{orgName}</strong>, newest cycle first. Open one to see it as the customer does.
        </p>
        <div className="toolbar-actions">
          <button type="button" className="button" onClick={exportCsv} disabled={!gridApi || statements.length === 0}>
            Export CSV
          </button>
          <button type="button" className="button button-primary" onClick={() => window.print()} disabled={!shown} data-testid="statement-print">
            Print / Save as PDF
          </button>
        </div>
      </div>
      <StatementsGrid statements={statements} selectedSid={shown?.sid ?? null} onOpen={setOpen} onGridReady={setGridApi} />
      {shown && (
        <div className="statement-view">
          <StatementDocument statement={shown} orgName={orgName} />
        </div>
      )}
    </div>
  );
}
