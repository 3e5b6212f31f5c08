import type { Database } from '../db/driver';
import { notFound } from '../api/failure';
import { assertOrg } from '../orgs/assert-org';
import { reportDefinition } from './catalog';
import type { ReportDefinition } from './report-definition';

export function hiddenReportTypes(db: Database.Database, orgId: string): Set<string> {
  return new Set(db.prepare('SELECT report_type FROM report_hidden WHERE org_id = ?').pluck().all(orgId) as string[]);
}

/**
 * The report an org may read: the org exists, the type is in the catalog and not hidden
 * for it. Unknown and hidden answer the same 404, as the seed's do.
 */
export function visibleReport(db: Database.Database, orgId: string, reportType: string): ReportDefinition {
  assertOrg(db, orgId);
  const report = reportDefinition(reportType);
  if (!report || hiddenReportTypes(db, orgId).has(reportType)) {
    throw notFound('not_found', `There is no report "${reportType}" for this organization (reports.list names the ones there are)`, { field: 'report_type', report_type: reportType });
  }
  return report;
}

export function setReportHidden(db: Database.Database, orgId: string, reportType: string, hidden: boolean, actor: string): { report_type: string; hidden: boolean } {
  assertOrg(db, orgId);
  if (!reportDefinition(reportType)) {
    throw notFound('not_found', `There is no report "${reportType}" (reports.list names the ones there are)`, { field: 'report_type', report_type: reportType });
  }
  if (hidden) {
    db.prepare('INSERT OR IGNORE INTO report_hidden (org_id, report_type, hidden_at, hidden_by) VALUES (?, ?, ?, ?)').run(orgId, reportType, new Date().toISOString(), actor);
  } else {
    db.prepare('DELETE FROM report_hidden WHERE org_id = ? AND report_type = ?').run(orgId, reportType);
  }
  return { report_type: reportType, hidden };
}
