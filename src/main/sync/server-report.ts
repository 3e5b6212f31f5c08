import type { ServerReportResult } from '../../shared/contract/server-reports';
import type { HandlerSlice } from '../api/registry';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';

interface ResultRow {
  report_type: string;
  title: string;
  year: number;
  month: number;
  status: ServerReportResult['status'];
  parameters: string;
  columns: string;
  rows: string;
  row_count: number;
  synced_at: string;
  run_id: number;
}

/** The stored server result of one report and month (store-reports.ts), or null. */
export function serverReport(db: Database.Database, input: { orgId: string; report_type: string; year: number; month: number }): ServerReportResult | null {
  assertOrg(db, input.orgId);
  const row = db
    .prepare('SELECT report_type, title, year, month, status, parameters, columns, rows, row_count, synced_at, run_id FROM synced_report_results WHERE org_id = ? AND report_type = ? AND year = ? AND month = ?')
    .get(input.orgId, input.report_type, input.year, input.month) as ResultRow | undefined;
  if (!row) return null;
  return { ...row, parameters: JSON.parse(row.parameters), columns: JSON.parse(row.columns), rows: JSON.parse(row.rows) } as ServerReportResult;
}

export const serverReportHandlers: HandlerSlice<'sync.serverReport'> = {
  'sync.serverReport': (input, { workspace }) => ({ result: serverReport(workspace.db, input) }),
};
