import type { HandlerSlice } from '../api/registry';
import { exportReportAsTask } from './export-task';
import { getReport, listReportPeriods, listReports } from './get-report';
import { setReportHidden } from './visibility';

export const reportsHandlers: HandlerSlice<'reports.list' | 'reports.get' | 'reports.periods' | 'reports.export' | 'reports.setHidden'> = {
  'reports.list': (input, { workspace }) => listReports(workspace.db, input.orgId, input.include_hidden),
  'reports.get': (input, { workspace }) => getReport(workspace.db, input),
  'reports.periods': (input, { workspace }) => listReportPeriods(workspace.db, input),
  'reports.export': (input, { workspace, principal }) => exportReportAsTask(workspace.db, input, principal.name),
  'reports.setHidden': (input, { workspace, principal }) => setReportHidden(workspace.db, input.orgId, input.report_type, input.hidden, principal.name),
};
