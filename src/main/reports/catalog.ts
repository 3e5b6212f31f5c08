import type { ReportDefinition } from './report-definition';
import { showbackReportTypes } from './showback/report-types';
import { payoutsByPayee } from './types/payouts-by-payee';
import { reconciliationAdjustmentsByCustomer } from './types/reconciliation-adjustments-by-customer';
import { revenueByProductAndKind } from './types/revenue-by-product-and-kind';
import { statementsSummary } from './types/statements-summary';

/**
 * Every report type, in the order the catalog lists them. An area adds its reports here
 * (a definition, or a list of them spread in); nothing else needs to know about them.
 */
export const REPORT_CATALOG: readonly ReportDefinition[] = [
  ...showbackReportTypes,
  payoutsByPayee,
  revenueByProductAndKind,
  reconciliationAdjustmentsByCustomer,
  statementsSummary,
];

const BY_TYPE = new Map<string, ReportDefinition>();
for (const report of REPORT_CATALOG) {
  if (BY_TYPE.has(report.report_type)) throw new Error(`Report type ${report.report_type} is in the catalog twice`);
  BY_TYPE.set(report.report_type, report);
}

export function reportDefinition(reportType: string): ReportDefinition | undefined {
  return BY_TYPE.get(reportType);
}
