import { useState } from 'react';
import { useAppState } from '../../app/app-state';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReportView } from './ReportView';
import '../../styles/reports.css';

/**
 * The Reports screen: every report type in the org's catalog (seed 000), one at a time:
 * its month (from its periods, with their status), its parameters, its rows in a grid,
 * CSV export, and charts of the month's breakdown and of the last 12 periods.
 */
export function ReportsPage() {
  const { view, loading, error, dataVersion } = useAppState();
  if (error) return null; // the shell shows it
  if (!view) {
    return <div className="page-message" data-testid="reports-empty">{loading ? 'Opening the workspace…' : 'Choose an organization in the sidebar to see its reports.'}</div>;
  }
  return <OrgReports key={`${view.orgId}|${dataVersion}`} orgId={view.orgId} />;
}

function OrgReports({ orgId }: { orgId: string }) {
  const catalog = useApiQuery('reports.list', { orgId });
  const [chosen, setChosen] = useState<string | null>(null);
  if (catalog.error) return <ErrorNotice error={catalog.error} title="Could not read the report catalog" onRetry={catalog.reload} />;
  if (!catalog.data) return <div className="page-message">Reading the report catalog…</div>;
  const reports = catalog.data.reports;
  const report = reports.find((r) => r.report_type === chosen) ?? reports[0];
  if (!report) return <div className="page-message">This organization has hidden every report.</div>;
  return (
    <div className="reports-page" data-testid="reports-page">
      <div className="toolbar report-picker">
        <label className="field field-inline">
          <span className="field-label">Report</span>
          <select className="select" value={report.report_type} onChange={(e) => setChosen(e.target.value)} data-testid="report-type">
            {reports.map((r) => (
              <option key={r.report_type} value={r.report_type}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <span className={`badge report-cadence`} title="How often the report's current month changes">
          {report.update_cadence === 'daily' ? 'updated daily' : 'monthly'}
        </span>
        <p className="report-description">{report.description}</p>
      </div>
      <ReportView key={report.report_type} orgId={orgId} report={report} />
    </div>
  );
}
