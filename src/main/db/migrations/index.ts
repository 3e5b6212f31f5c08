import type { Migration } from './types';
import { organizationsAndPeriods } from './001-organizations-and-periods';
import { payeesAndProducts } from './002-payees-and-products';
import { revenues } from './003-revenues';
import { apiKeys } from './004-api-keys';
import { importBatches } from './005-import-batches';
import { consumptionRecords } from './006-consumption-records';
import { importProfiles } from './007-import-profiles';
import { revenueKindIndex } from './008-revenue-kind-index';
import { batchMappingFingerprint } from './009-batch-mapping-fingerprint';
import { revenueKindCheck } from './010-revenue-kind-check';
import { revenueAmountKindIndex } from './011-revenue-amount-kind-index';
import { orgCurrencyAndSiblingNames } from './012-org-currency-and-sibling-names';
import { orgTimeZone } from './013-org-time-zone';
import { savedViews } from './014-saved-views';
import { importBatchTotals } from './015-import-batch-totals';
import { apiKeyLifecycle } from './016-api-key-lifecycle';
import { rulesAndPayoutRuns } from './017-rules-and-payout-runs';
import { importBatchPeriods } from './018-import-batch-periods';
import { payoutRunStaleness } from './019-payout-run-staleness';
import { payeeContactAndCurrency } from './020-payee-contact-and-currency';
import { consumptionRecordsUuidCurrency } from './022-consumption-records-uuid-currency';
import { reconciliation } from './023-reconciliation';
import { pricePlansUsageCredits } from './025-price-plans-usage-credits';
import { statements } from './026-statements';
import { tasks } from './027-tasks';
import { periodCloseHistory } from './028-period-close-history';
import { consumptionListIndexes } from './031-consumption-list-indexes';
import { revenueMonthScan } from './032-revenue-month-scan';
import { usageImportEntity } from './033-usage-import-entity';
import { revenuePayeeIndexes } from './034-revenue-payee-indexes';
import { outcomeDetails } from './037-outcome-details';
import { syncConflicts } from './038-sync-conflicts';
import { syncedTasks } from './039-synced-tasks';
import { syncedStatementsAndReports } from './040-synced-statements-and-reports';
import { syncedTaskDeleted } from './042-synced-task-deleted';
import { syncedLinkGone } from './043-synced-link-gone';
import { showbackImportEntities } from './035-showback-import-entities';
import { sync } from './036-sync';
import { showback } from './029-showback';
import { reportVisibility } from './030-report-visibility';

/**
 * Every schema step, in the order of their ids (sorted here, so steps added side by side
 * need no care where they go in the list). A released step is never edited.
 */
export const MIGRATIONS: readonly Migration[] = [
  organizationsAndPeriods,
  payeesAndProducts,
  revenues,
  apiKeys,
  importBatches,
  consumptionRecords,
  importProfiles,
  revenueKindIndex,
  batchMappingFingerprint,
  revenueKindCheck,
  revenueAmountKindIndex,
  orgCurrencyAndSiblingNames,
  orgTimeZone,
  savedViews,
  importBatchTotals,
  apiKeyLifecycle,
  rulesAndPayoutRuns,
  importBatchPeriods,
  payoutRunStaleness,
  payeeContactAndCurrency,
  // 021 and 024 were reserved for steps that were never needed: ids only have to increase.
  consumptionRecordsUuidCurrency,
  reconciliation,
  pricePlansUsageCredits,
  statements,
  tasks,
  periodCloseHistory,
  showback,
  reportVisibility,
  consumptionListIndexes,
  revenueMonthScan,
  usageImportEntity,
  revenuePayeeIndexes,
  showbackImportEntities,
  sync,
  outcomeDetails,
  syncConflicts,
  syncedTasks,
  syncedStatementsAndReports,
  syncedTaskDeleted,
  syncedLinkGone,
].sort((a, b) => a.id - b.id);

export type { Migration } from './types';
