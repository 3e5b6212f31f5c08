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
  deleted_on_server_at: string | null;
}

/** The stored server result of one report and month (store-reports.ts), or null. */
export function serverReport(db: Database.Database, input: { orgId: string; report_type: string; year: number; month: number }): ServerReportResult | null {
  assertOrg(db, input.orgId);
  const row = db
    .prepare(
      `SELECT r.report_type, r.title, r.year, r.month, r.status, r.parameters, r.columns, r.rows, r.row_count, r.synced_at, r.run_id,
         (SELECT l.deleted_on_server_at FROM sync_links l WHERE l.org_id = r.org_id AND l.source = 'reports' AND l.entity = 'reports' AND l.source_id = r.report_type || '/' || printf('%04d-%02d', r.year, r.month)) AS deleted_on_server_at
       FROM synced_report_results r WHERE r.org_id = ? AND r.report_type = ? AND r.year = ? AND r.month = ?`,
    )
    .get(input.orgId, input.report_type, input.year, input.month) as ResultRow | undefined;
  if (!row) return null;
  return { ...row, parameters: JSON.parse(row.parameters), columns: JSON.parse(row.columns), rows: JSON.parse(row.rows) } as ServerReportResult;
}

export const serverReportHandlers: HandlerSlice<'sync.serverReport'> = {
  'sync.serverReport': (input, { workspace }) => ({ result: serverReport(workspace.db, input) }),
};
