import type { BatchStatus, ImportEntity, ImportOperation, ImportSource, OnError, Outcome } from '../../../shared/contract/imports';

// Words for the contract's codes, in one place, so the wizard, the grids and their
// filters say the same thing.

export const OUTCOME_LABELS: Record<Outcome, string> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  skipped_duplicate: 'Duplicate (skipped)',
  blocked_locked_period: 'Blocked: period locked',
  error: 'Error',
};

/**
 * A rejected batch wrote nothing: its counts say what the rows would have been, so the
 * outcomes that mean a write are worded as what would have happened.
 */
export const REJECTED_OUTCOME_LABELS: Record<Outcome, string> = {
  ...OUTCOME_LABELS,
  created: 'Would be created',
  updated: 'Would be updated',
};

/**
 * An undone batch's rows: what it created was removed and what it updated was restored, so
 * those outcomes say so rather than "Created" of rows no longer there.
 */
export const UNDONE_OUTCOME_LABELS: Record<Outcome, string> = {
  ...OUTCOME_LABELS,
  created: 'Removed by undo',
  updated: 'Restored by undo',
};

export const ENTITY_LABELS: Record<ImportEntity, string> = {
  revenues: 'Revenues',
  payees: 'Payees',
  products: 'Products',
  billing: 'Billing export',
  consumption: 'Consumption (estimates)',
  usage: 'Usage per billing cycle',
  commitments: 'Commitments (showback)',
  showback_usage: 'Showback usage',
};

export const OPERATION_LABELS: Record<ImportOperation, string> = {
  create_only: 'Create new records only',
  update_only: 'Update existing records only',
  create_or_update: 'Create new and update existing',
};

export const ON_ERROR_LABELS: Record<OnError, string> = {
  reject: 'Reject the whole file',
  skip: 'Import the valid rows, list the rest',
};

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  committed: 'Committed',
  rejected: 'Rejected',
  undone: 'Undone',
};

export const SOURCE_LABELS: Record<ImportSource, string> = {
  api: 'API',
  file: 'File',
  cli: 'Command line',
};
