import { useState } from 'react';
import type { ReportCatalogEntry, ReportJson, ReportParamValues, ReportPeriod } from '../../../shared/contract/reports';
import { api } from '../../api/client';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { periodLabel } from '../../format/period-label';
import { ReportCharts } from './ReportCharts';
import { ReportGrid } from './ReportGrid';
import { ReportParamsForm } from './ReportParamsForm';
import { ReportServerComparison } from './ReportServerComparison';

const periodOf = (p: { year: number; month: number }) => `${p.year}-${String(p.month).padStart(2, '0')}`;

/** One report: parameters, a month from its periods, the rows, CSV export and charts. */
export function ReportView({ orgId, report }: { orgId: string; report: ReportCatalogEntry }) {
  const [params, setParams] = useState<ReportParamValues>({});
  const periodsQuery = useApiQuery('reports.periods', { orgId, report_type: report.report_type, params });
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(null);
  const periods = periodsQuery.data?.periods ?? [];
  const chosen = periods.find((p) => periodOf(p) === chosenPeriod) ?? periods[0] ?? null;
  const rowsQuery = useApiQuery('reports.get', chosen ? { orgId, report_type: report.report_type, year: chosen.year, month: chosen.month, params } : null);
  const [exportError, setExportError] = useState<ApiCallError | null>(null);
  const [exporting, setExporting] = useState(false);
  const json = rowsQuery.data && rowsQuery.data.format === 'json' ? (rowsQuery.data as ReportJson) : null;

  const exportCsv = async () => {
    if (!chosen) return;
    setExporting(true);
    setExportError(null);
    try {
      // Written by the main process as a ReportExport task (listed with the closes), through a save dialog on the desktop.
      const period = `${chosen.year}-${String(chosen.month).padStart(2, '0')}`;
      await api.saveFile('reports.export', { orgId, report_type: report.report_type, year: chosen.year, month: chosen.month, params }, { title: `Export ${report.title} as CSV`, fileName: `${report.report_type}-${period}.csv` });
    } catch (thrown) {
      setExportError(asApiCallError('reports.export', thrown));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="report-view" data-testid="report-view">
      <div className="toolbar report-controls">
        <div className="report-controls-fields">
          <label className="field">
            <span className="field-label">Month</span>
            <select className="select" value={chosen ? periodOf(chosen) : ''} onChange={(e) => setChosenPeriod(e.target.value)} disabled={periods.length === 0} data-testid="report-period">
              {periods.length === 0 && <option value="">{periodsQuery.loading ? 'Reading…' : 'No period'}</option>}
              {periods.map((p) => (
                <option key={periodOf(p)} value={periodOf(p)}>
                  {periodLabel(periodOf(p))} — {statusText(p)}
                </option>
              ))}
            </select>
          </label>
          <ReportParamsForm parameters={report.parameters} applied={params} onApply={setParams} />
        </div>
        <div className="toolbar-actions">
          {chosen && <span className={`badge report-status report-status-${chosen.status}`} data-testid="report-status">{statusText(chosen)}</span>}
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={!json || exporting} data-testid="report-export-csv">
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
        </div>
      </div>
      {periodsQuery.error && <ErrorNotice error={periodsQuery.error} title="Could not read the report's periods" />}
      {rowsQuery.error && <ErrorNotice error={rowsQuery.error} title="Could not read the report" onRetry={rowsQuery.reload} />}
      {exportError && <ErrorNotice error={exportError} title="Could not export the CSV" onDismiss={() => setExportError(null)} />}
      {periodsQuery.data && periods.length === 0 && (
        <div className="notice notice-info" data-testid="report-no-periods">
          This report has no closed month{report.update_cadence === 'daily' ? ' and no data this month' : ''} for these parameters yet. A month appears once it is closed.
        </div>
      )}
      {json && chosen && (
        <>
          <p className="report-summary" data-testid="report-summary">
            {json.row_count} {json.row_count === 1 ? 'row' : 'rows'} for {periodLabel(periodOf(chosen))}
            {chosen.status === 'in_progress' ? ': the month is not over, its figures can still change.' : ': a closed month, exported the same byte for byte every time.'}
          </p>
          <ReportGrid columns={json.columns} rows={json.rows} />
          <ReportServerComparison orgId={orgId} reportType={report.report_type} period={chosen} params={params} columns={json.columns} rows={json.rows} />
          <ReportCharts orgId={orgId} reportType={report.report_type} columns={json.columns} rows={json.rows} params={params} periods={periods} chosen={chosen} />
        </>
      )}
    </div>
  );
}

function statusText(period: ReportPeriod): string {
  return period.status === 'finalized' ? 'finalized' : 'in progress';
}
