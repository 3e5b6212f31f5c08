import { z } from 'zod';
import { method } from './define';
import { pageCheck, filterModelSchema, pageFields, sortModelSchema, type Page } from './grid';
import { orgIdSchema, periodSchema } from './orgs';
import type { MoneyString } from '../money';

// Import batches: every write of payees, products, revenues and billing rows, whether
// from the API, a file or the CLI, is one batch with one outcome per row.

export const IMPORT_ENTITIES = ['revenues', 'payees', 'products', 'billing', 'consumption', 'usage', 'commitments', 'showback_usage'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
export const IMPORT_SOURCES = ['api', 'file', 'cli'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
/** Upsert by external_id, as in the seed. */
export const IMPORT_OPERATIONS = ['create_only', 'update_only', 'create_or_update'] as const;
export type ImportOperation = (typeof IMPORT_OPERATIONS)[number];
/**
 * The operation a file import or batch call uses when none is named. Revenues: create_only,
 * the seed's rule (a revenue whose external_id is stored is skipped_duplicate, never
 * overwritten). The others update what is there: billing rows finalize the records a sync made.
 */
export const DEFAULT_OPERATION: Record<ImportEntity, ImportOperation> = {
  revenues: 'create_only',
  payees: 'create_or_update',
  products: 'create_or_update',
  billing: 'create_or_update',
  consumption: 'create_or_update',
  // A usage file is sent again as the current cycle goes on: its rows update that cycle.
  usage: 'create_or_update',
  // Showback: a commitments list or a month's usage report sent again corrects what is stored.
  commitments: 'create_or_update',
  showback_usage: 'create_or_update',
};
/** reject: any error row rolls the whole batch back. skip: valid rows land, errors are listed. */
export const ON_ERROR_CHOICES = ['reject', 'skip'] as const;
export type OnError = (typeof ON_ERROR_CHOICES)[number];
export const BATCH_STATUSES = ['committed', 'rejected', 'undone'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** Every row ends in exactly one of these. */
export const OUTCOMES = ['created', 'updated', 'unchanged', 'skipped_duplicate', 'blocked_locked_period', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type OutcomeCounts = Record<Outcome, number>;

/**
 * A control total in one currency. Totals of imports are lists of these, one per currency,
 * sorted by currency: amounts in different currencies are never added together.
 */
export interface CurrencyAmount {
  currency: string;
  amount: MoneyString;
}

export interface ImportBatchRow {
  id: number;
  orgId: string;
  entity: ImportEntity;
  source: ImportSource;
  fileName: string | null;
  fileSize: number | null;
  sha256: string | null;
  profile: string | null;
  operation: ImportOperation;
  onError: OnError;
  status: BatchStatus;
  /** An earlier committed batch of the same file (same org, entity and SHA-256). */
  sameFileBatchId: number | null;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skippedDuplicate: number;
  blockedLockedPeriod: number;
  error: number;
  /**
   * Rows created or updated, and the amounts they hold per currency (revenues: amount in the
   * revenue's currency; billing: final_sell in the org's currency). Empty for payees and products.
   */
  rowsWritten: number;
  amountWritten: CurrencyAmount[];
  createdAt: string;
  undoneAt: string | null;
}

export const IMPORT_BATCH_COLUMNS = [
  'id',
  'orgId',
  'entity',
  'source',
  'fileName',
  'fileSize',
  'sha256',
  'profile',
  'operation',
  'onError',
  'status',
  'sameFileBatchId',
  'totalRows',
  'created',
  'updated',
  'unchanged',
  'skippedDuplicate',
  'blockedLockedPeriod',
  'error',
  'rowsWritten',
  'amountWritten',
  'createdAt',
  'undoneAt',
] as const satisfies ReadonlyArray<keyof ImportBatchRow>;
export type ImportBatchColumn = (typeof IMPORT_BATCH_COLUMNS)[number];

/** One row of a batch's outcomes grid. */
export interface OutcomeRow {
  /** The row in the source: a file's line-based row number, or a batch call's record index. */
  rowNumber: number;
  outcome: Outcome;
  /** The record created, updated or left unchanged (or kept, for a blocked update). */
  recordId: number | null;
  /** skipped_duplicate: the existing record that matched. */
  matchingId: number | null;
  externalId: string | null;
  /** updated: the changed fields, comma-separated. */
  changes: string | null;
  /** error / blocked_locked_period: the field at fault. */
  column: string | null;
  message: string | null;
  /** A refused row's details line: the outcome's code, the record's field, technical words ("error · field refund_of"). */
  details: string | null;
}

export const OUTCOME_COLUMNS = ['rowNumber', 'outcome', 'recordId', 'matchingId', 'externalId', 'changes', 'column', 'message', 'details'] as const satisfies ReadonlyArray<
  keyof OutcomeRow
>;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

export const OUTCOME_COLUMN_LABELS: Record<OutcomeColumn, string> = {
  rowNumber: 'Row',
  outcome: 'Outcome',
  recordId: 'Record',
  matchingId: 'Matching record',
  externalId: 'External ID',
  changes: 'Changed fields',
  column: 'Column',
  message: 'Message',
  details: 'Details',
};

/** Per-record status of a batch call, as in the seed's batch responses. */
export interface BatchRecordResult {
  index: number;
  status: Outcome;
  id?: number;
  external_id?: string | null;
  changes?: string[];
  existing_id?: number;
  /**
   * The record names the same record as an earlier one of this call (its index): it is
   * skipped_duplicate when its values are the same, else an error; never written twice.
   */
  same_as_index?: number;
  /** skipped_duplicate of an earlier record of this call: which one, in words. */
  message?: string;
  error?: { field: string; message: string };
}

/**
 * A rejected batch call (onError reject and a refused record) wrote nothing: its error's
 * detail.results say what each record would have been. `would_create` carries no id (the
 * record was never written); `would_update` names the stored record, left as it was, in
 * existing_id; the other statuses already say nothing was written. An id appears only as
 * existing_id, and only for a record that is in the workspace.
 */
export const REJECTED_RECORD_STATUSES = ['would_create', 'would_update', 'unchanged', 'skipped_duplicate', 'blocked_locked_period', 'error'] as const;
export type RejectedRecordStatus = (typeof REJECTED_RECORD_STATUSES)[number];

export interface RejectedRecordResult extends Omit<BatchRecordResult, 'status' | 'id'> {
  status: RejectedRecordStatus;
}

/** detail of a batch_rejected error: the refused records as issues, and every record's would-be status. */
export interface RejectedBatchDetail {
  issues: Array<{ field: string; message: string }>;
  results: RejectedRecordResult[];
}

export interface BatchResponse {
  data: BatchRecordResult[];
  /** rows_written / amount_written: the control totals of the committed batch, per currency. */
  meta: OutcomeCounts & { total: number; batch_id: number | null; batch_status: 'committed' | 'rejected'; rows_written: number; amount_written: CurrencyAmount[] };
}

/** At most this many records per batch call (the seed's limit). */
export const MAX_BATCH_RECORDS = 100;

/** A record of a batch call: checked field by field by the writer, so one bad record fails alone. */
export function recordObject<T extends object>() {
  return z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'each record is a JSON object');
}

/** Input of `<entity>.batch`: seed-like body with the upsert operation. */
export function batchInputSchema<T extends object>(defaultOperation: ImportOperation) {
  return z
    .object({
      orgId: orgIdSchema,
      operation: z.enum(IMPORT_OPERATIONS).default(defaultOperation),
      /** skip (default): valid records land, the rest are listed. reject: all or nothing. */
      onError: z.enum(ON_ERROR_CHOICES).default('skip'),
      records: z.array(recordObject<T>()).min(1).max(MAX_BATCH_RECORDS, `at most ${MAX_BATCH_RECORDS} records per call`),
    })
    .strict();
}

export const batchIdSchema = z.number().int().min(1);

const batchView = {
  sortModel: sortModelSchema.default([]),
  filterModel: filterModelSchema.default({}),
};

export const importsMethods = {
  'imports.list': method<Page<ImportBatchRow>>()({
    summary:
      "Import batches with their outcome counts, newest first, as a grid page; with a period, the batches that wrote rows into that month; with includeChildren, the org's and every org's below it.",
    permission: 'read:imports',
    input: z
      .object({
        orgId: orgIdSchema.nullable().default(null),
        period: periodSchema.nullable().default(null),
        includeChildren: z.boolean().default(false),
        ...batchView,
        ...pageFields,
      })
      .strict()
      .superRefine(...pageCheck),
  }),
  'imports.get': method<ImportBatchRow>()({
    summary: 'One import batch: source file, operation, status and counts per outcome.',
    permission: 'read:imports',
    input: z.object({ batchId: batchIdSchema }).strict(),
  }),
  'imports.outcomes': method<Page<OutcomeRow>>()({
    summary: "A batch's per-row outcomes as a grid page (sorted and filtered in the database).",
    permission: 'read:imports',
    input: z
      .object({ batchId: batchIdSchema, ...batchView, ...pageFields })
      .strict()
      .superRefine(...pageCheck),
  }),
  'imports.exportOutcomes': method<{ path: string; rowCount: number; bytes: number }>()({
    summary: "Write a batch's per-row outcomes (sort and filters applied) to a CSV file.",
    permission: 'read:imports',
    writesFile: true,
    input: z
      .object({
        batchId: batchIdSchema,
        ...batchView,
        columns: z.array(z.enum(OUTCOME_COLUMNS)).min(1).max(OUTCOME_COLUMNS.length).default([...OUTCOME_COLUMNS]),
        path: z.string().min(1),
      })
      .strict(),
  }),
  'imports.undo': method<{ batch: ImportBatchRow; removed: number; restored: number }>()({
    summary: 'Undo a committed batch while its periods are open: remove its created rows and restore the rows it updated.',
    permission: 'write:imports',
    input: z.object({ batchId: batchIdSchema }).strict(),
  }),
};

/** A revenue record as sent to revenues.create / revenues.batch or mapped from a file row. */
export interface RevenueRecordInput {
  external_id?: string | null;
  /** sale (default on create), refund or adjustment. */
  kind?: string;
  /** ISO date or date-time; without a zone it is UTC. Its month is the period. */
  occurred_at?: string;
  /** Decimal string: sales >= 0, refunds <= 0, adjustments either sign. */
  amount?: MoneyString;
  currency?: string;
  quantity?: number | string;
  description?: string | null;
  /** external_id of the sale a refund reverses (refunds only). */
  refund_of?: string | null;
  payee_external_id?: string | null;
  product_external_id?: string | null;
}

/** A row of a billing export: the final amounts of one consumption record. */
export interface BillingRecordInput {
  license_reference?: string;
  resource_uuid?: string | null;
  resource_name?: string | null;
  resource?: string | null;
  /** The billing month: YYYY-MM or its first day YYYY-MM-01. */
  billing_period?: string;
  final_sell?: MoneyString;
  final_buy?: MoneyString;
  customer_uuid?: string | null;
  customer_name?: string | null;
  project_uuid?: string | null;
  project_name?: string | null;
  invoice_item_uuid?: string | null;
}
