import { z } from 'zod';
import { method } from './define';
import { AMOUNT_UNITS, CSV_DELIMITERS, CSV_ENCODINGS, DATE_FORMATS, NUMBER_CONVENTIONS } from './file-format';
import { DEFAULT_OPERATION, IMPORT_ENTITIES, IMPORT_OPERATIONS, ON_ERROR_CHOICES, type CurrencyAmount, type ImportEntity, type OutcomeCounts } from './imports';
import { orgIdSchema, timeZoneSchema } from './orgs';

// Importing files: inspect a file (encoding, delimiter, header, a preview as it will be
// stored, the questions the file leaves open), check every row without writing, then
// commit it as one batch. A mapping profile remembers how a layout is read.

/** The fields a file's columns can feed, per entity; `required` ones must be mapped or constant. */
export const IMPORT_TARGET_FIELDS: Record<ImportEntity, ReadonlyArray<{ field: string; label: string; required: boolean }>> = {
  revenues: [
    { field: 'external_id', label: 'External ID', required: false },
    { field: 'kind', label: 'Kind (sale, refund, adjustment)', required: true },
    { field: 'occurred_at', label: 'Date', required: true },
    { field: 'amount', label: 'Amount', required: true },
    { field: 'currency', label: 'Currency', required: true },
    { field: 'quantity', label: 'Quantity', required: false },
    { field: 'description', label: 'Description', required: false },
    { field: 'refund_of', label: 'Refund of (sale external ID)', required: false },
    { field: 'payee_external_id', label: 'Payee external ID', required: false },
    { field: 'product_external_id', label: 'Product external ID', required: false },
  ],
  payees: [
    { field: 'external_id', label: 'External ID', required: false },
    { field: 'name', label: 'Name', required: true },
    { field: 'email', label: 'Email', required: false },
    { field: 'phone', label: 'Phone', required: false },
    { field: 'address', label: 'Address', required: false },
    { field: 'payout_currency', label: 'Payout currency', required: false },
    { field: 'on_hold', label: 'On hold', required: false },
    { field: 'hold_reason', label: 'Hold reason', required: false },
    { field: 'threshold', label: 'Minimum payout', required: false },
    { field: 'fallback_percentage', label: 'Fallback percentage', required: false },
  ],
  products: [
    { field: 'external_id', label: 'External ID', required: false },
    { field: 'name', label: 'Name', required: true },
    { field: 'category', label: 'Category', required: false },
    { field: 'tags', label: 'Tags', required: false },
    { field: 'metadata', label: 'Metadata (JSON object)', required: false },
    { field: 'archived', label: 'Archived', required: false },
  ],
  billing: [
    { field: 'license_reference', label: 'License reference', required: true },
    { field: 'resource_uuid', label: 'Resource UUID', required: false },
    { field: 'resource_name', label: 'Resource name', required: false },
    { field: 'billing_period', label: 'Billing period', required: true },
    { field: 'final_sell', label: 'Final sell', required: false },
    { field: 'final_buy', label: 'Final buy', required: false },
    { field: 'customer_name', label: 'Customer', required: false },
    { field: 'project_name', label: 'Project', required: false },
    { field: 'resource', label: 'Resource (description)', required: false },
    { field: 'customer_uuid', label: 'Customer UUID', required: false },
    { field: 'project_uuid', label: 'Project UUID', required: false },
    { field: 'invoice_item_uuid', label: 'Invoice item UUID', required: false },
    { field: 'currency', label: 'Currency (must be the estimate\'s)', required: false },
  ],
  consumption: [
    { field: 'license_reference', label: 'License reference', required: true },
    { field: 'resource_uuid', label: 'Resource UUID', required: false },
    { field: 'resource_name', label: 'Resource name', required: false },
    { field: 'billing_period', label: 'Billing period', required: true },
    { field: 'consumed_sell', label: 'Consumed sell', required: false },
    { field: 'consumed_buy', label: 'Consumed buy', required: false },
    { field: 'currency', label: 'Currency', required: false },
    { field: 'customer_name', label: 'Customer', required: false },
    { field: 'project_name', label: 'Project', required: false },
    { field: 'resource', label: 'Resource (description)', required: false },
    { field: 'customer_uuid', label: 'Customer UUID', required: false },
    { field: 'project_uuid', label: 'Project UUID', required: false },
    { field: 'last_sync_at', label: 'Last synced at', required: false },
    { field: 'raw_data', label: 'Raw data (JSON)', required: false },
  ],
  usage: [
    { field: 'cycle_start', label: 'Billing cycle start (first day)', required: true },
    { field: 'seats', label: 'Seats', required: false },
    { field: 'record_count', label: 'Records (pay-per-use)', required: false },
    { field: 'section_widget_uses', label: 'Section widget uses', required: false },
    { field: 'column_widget_uses', label: 'Column widget uses', required: false },
    { field: 'version_count', label: 'Record versions stored', required: false },
    { field: 'file_size_mb', label: 'File size (MB)', required: false },
    { field: 'backups', label: 'Backups', required: false },
    { field: 'org_id', label: 'Organization ID (must be the import\'s)', required: false },
  ],
  // Showback of commitments (issue 12): the fields of commitments.batch and showback.usageBatch.
  commitments: [
    { field: 'external_id', label: 'Commitment ID', required: true },
    { field: 'name', label: 'Name', required: true },
    { field: 'currency', label: 'Currency', required: false },
    { field: 'purchase_date', label: 'Purchase date', required: true },
    { field: 'term_start', label: 'Term start', required: true },
    { field: 'term_end', label: 'Term end', required: true },
    { field: 'monthly_premium', label: 'Monthly premium', required: true },
    { field: 'commitment_cost', label: 'Monthly commitment cost', required: false },
    { field: 'rebates', label: 'Monthly rebates', required: false },
    { field: 'allocation_method', label: 'Allocation (proportional, even, fixed)', required: false },
    { field: 'fixed_shares', label: 'Fixed shares ("service: a=60; b=40" or JSON)', required: false },
  ],
  showback_usage: [
    { field: 'month', label: 'Month (YYYY-MM)', required: true },
    { field: 'account', label: 'Account', required: true },
    { field: 'service', label: 'Service', required: true },
    { field: 'child_org_id', label: 'Child org ID', required: false },
    { field: 'currency', label: 'Currency', required: false },
    { field: 'on_demand_cost', label: 'On-demand cost', required: true },
    { field: 'covered_cost', label: 'Covered cost (on-demand equivalent)', required: true },
  ],
};

const fieldName = z.string().regex(/^[a-z_]{1,40}$/, 'a target field name');
const columnName = z.string().min(1).max(200);

/** How negative amounts are written, and whether refunds are written as positive numbers. */
export const signsSchema = z
  .object({
    /** (12.50) is -12.50. */
    parentheses: z.boolean().default(true),
    /** 12.50- is -12.50. */
    trailingMinus: z.boolean().default(true),
    /** Refund rows carry positive amounts in the file; they are stored negated. */
    refundsPositive: z.boolean().default(false),
  })
  .strict();

export const DEFAULT_SIGNS: z.infer<typeof signsSchema> = { parentheses: true, trailingMinus: true, refundsPositive: false };

/**
 * How a file is read and its columns become a record. Everything a file could leave
 * ambiguous is decided here or asked in the wizard; 'auto' means "detect and report".
 */
export const mappingSchema = z
  .object({
    encoding: z.enum(['auto', ...CSV_ENCODINGS]).default('auto'),
    delimiter: z.enum(['auto', ...CSV_DELIMITERS]).default('auto'),
    numberConvention: z.enum(['auto', ...NUMBER_CONVENTIONS]).default('auto'),
    dateFormat: z.enum(['auto', ...DATE_FORMATS]).default('auto'),
    amountUnit: z.enum(AMOUNT_UNITS).default('major'),
    /** field -> the header of the column that feeds it. */
    columns: z.record(fieldName, columnName).default({}),
    /** field -> a value used for every row (e.g. currency "USD", kind "sale"). */
    constants: z.record(fieldName, z.string().max(200)).default({}),
    /** field -> (value in the file -> stored value), e.g. kind: { charge: "sale" }. */
    valueMaps: z.record(fieldName, z.record(z.string().max(200), z.string().max(200))).default({}),
    /** Columns carried down from the row above when empty (exports that fill order fields on the first line item only). */
    fillDown: z.array(columnName).max(50).default([]),
    /**
     * With fillDown: carry values down only while this column keeps its value (or is empty),
     * e.g. the order number, so an order never inherits the previous order's fields. null: always.
     */
    fillDownWithin: columnName.nullable().default(null),
    /** The amount column is a unit price: the stored amount is price x quantity (quantity must be mapped). */
    amountIsUnitPrice: z.boolean().default(false),
    /** Refuse a row unless these columns add up: sum(parts) - sum(subtract) = total (e.g. gross + fee = net, or gross - fee = net). */
    sumCheck: z
      .object({ parts: z.array(columnName).min(1).max(5), subtract: z.array(columnName).max(5).default([]), total: columnName })
      .strict()
      .refine((c) => c.parts.length + c.subtract.length >= 2, 'a sum check needs at least two columns besides the total')
      .nullable()
      .default(null),
    /**
     * external_id built from several columns, joined with ":" (e.g. order name and SKU), with
     * the row's 1-based position among the consecutive rows sharing the first column's value
     * appended when linePosition is set. Not together with a column mapped to external_id.
     */
    externalIdFrom: z
      .object({ columns: z.array(columnName).min(1).max(5), linePosition: z.boolean().default(false) })
      .strict()
      .nullable()
      .default(null),
    signs: signsSchema.default(DEFAULT_SIGNS),
    /** revenues: the column with occurred_at's time of day, for exports that split them ("Date", "Time"). */
    timeColumn: columnName.nullable().default(null),
    /** revenues: the column naming each row's zone: an IANA name, an abbreviation such as PDT, or an offset such as +02:00. */
    timeZoneColumn: columnName.nullable().default(null),
    /** revenues: the zone of times that carry none and have no zone column; null: the org's time zone. */
    timeZone: timeZoneSchema.nullable().default(null),
  })
  .strict();

export type Mapping = z.infer<typeof mappingSchema>;

export const profileSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    entity: z.enum(IMPORT_ENTITIES),
    description: z.string().max(500).default(''),
    /** The header this layout has; a file with the same header gets the profile automatically. */
    header: z.array(columnName).min(1).max(500),
    mapping: mappingSchema,
  })
  .strict();

export type MappingProfile = z.infer<typeof profileSchema>;

export interface ProfileSummary {
  name: string;
  entity: ImportEntity;
  description: string;
  builtIn: boolean;
  columnCount: number;
  /** The header the profile is for: a file with these columns gets it automatically. */
  header: string[];
}

/** profiles.importFile's error detail when the file's profile has a name in use (code profile_name_taken). */
export interface ProfileNameTakenDetail {
  issues: Array<{ field: string; message: string }>;
  existing: { name: string; builtIn: boolean };
  /** The profile read from the file, checked: save it under another name with profiles.save. */
  profile: MappingProfile;
}

/**
 * A question the file leaves open, with every reading, for the wizard to ask. 'encoding'
 * is asked when the encoding was detected by falling back to Windows-1252 (no BOM, not
 * chosen, the first bytes not UTF-8); its choices ('windows-1252', 'utf-8') show the
 * file's own cells as each reads them. The answer sets the mapping field of the same name.
 */
export interface ImportQuestion {
  kind: 'number_convention' | 'date_format' | 'encoding' | 'delimiter';
  column: string | null;
  message: string;
  /** The choices, each with what the example values would become. */
  choices: Array<{ value: string; label: string; examples: string[] }>;
}

export interface RowProblem {
  rowNumber: number;
  column: string | null;
  message: string;
  /** What the row comes to: error (the default), blocked_locked_period, or skipped_duplicate of an earlier row's record. */
  outcome?: 'error' | 'blocked_locked_period' | 'skipped_duplicate';
  /** The row names the same record as this earlier row of the file (skipped when identical, else an error). */
  sameAsRow?: number;
  /** Technical words for the details line (a database's own message), when there are any. */
  details?: string;
}

/** Rows naming the same record as an earlier row of the file: skipped as identical, or refused as different. */
export interface SameRecordRows {
  identical: number;
  different: number;
}

export interface ImportInspection {
  file: { name: string; size: number };
  encoding: { value: string; detected: boolean; reason: string };
  delimiter: { value: string; detected: boolean; reason: string };
  header: string[];
  /** The profile applied (chosen, or matched by header), or null. */
  profile: string | null;
  /** Where the mapping came from: the caller's, the named profile's, a profile matched by header, or guessed from the column names. */
  mappingSource: 'input' | 'profile' | 'header' | 'guess';
  /** The mapping used for the preview: the profile's, the caller's, or a guess from header names. */
  mapping: Mapping;
  /**
   * What in the mapping does not fit this file (a required field not mapped, a column the
   * file lacks), each naming the field or column. The preview leaves those parts out;
   * imports.check and imports.commit refuse the file (invalid_mapping) until they are fixed.
   */
  mappingIssues: Array<{ field: string; message: string }>;
  questions: ImportQuestion[];
  /** Decisions the reading took that the user should know of, in plain words (times read on the org's clock). */
  notes: string[];
  /** First rows: the raw cells and the record as it will be stored (or the row's problem). */
  preview: Array<{ rowNumber: number; cells: string[]; record: Record<string, string | null> | null; problem: RowProblem | null }>;
}

export interface ImportCheck {
  totalRows: number;
  /** What committing would do, row by row, counted. Nothing was written. */
  counts: OutcomeCounts;
  /** Of those, rows naming the same record as an earlier row (in counts as skipped_duplicate or error). */
  sameRecordRows: SameRecordRows;
  /** The first problem rows (errors, blocked rows, rows repeating an earlier row's record), at most 1,000. */
  problems: RowProblem[];
  /** The control totals a commit now would have: records created or updated, and the amounts they would hold, per currency. */
  rowsToWrite: number;
  amountToWrite: CurrencyAmount[];
  /** An earlier committed import of the same file (same org, entity and SHA-256), if any. */
  sameFileBatchId: number | null;
}

export interface ImportCommitResult {
  batchId: number | null;
  status: 'committed' | 'rejected';
  totalRows: number;
  /** committed: what each row came to. rejected: what each row would have come to; nothing was written. */
  counts: OutcomeCounts;
  sameRecordRows: SameRecordRows;
  /** committed: records created or updated, and the amounts they hold now, per currency. rejected: 0 and []. */
  rowsWritten: number;
  amountWritten: CurrencyAmount[];
  /** An earlier committed import of the same file: this one created nothing new if all rows were duplicates. */
  sameFileBatchId: number | null;
  problems: RowProblem[];
}

const fileFields = {
  orgId: orgIdSchema,
  entity: z.enum(IMPORT_ENTITIES),
  /** The file on this machine. Browser mode uploads it first (imports.upload) and passes the staged path. */
  path: z.string().min(1).max(4096),
  /** A saved or built-in profile by name; null: match by header, else guess. */
  profile: z.string().max(100).nullable().default(null),
  /** Overrides the profile when given (the wizard's edited mapping). */
  mapping: mappingSchema.nullable().default(null),
};

const runFields = {
  ...fileFields,
  /** Not given: the entity's DEFAULT_OPERATION (revenues: create_only). */
  operation: z.enum(IMPORT_OPERATIONS).optional(),
  onError: z.enum(ON_ERROR_CHOICES).default('reject'),
};

/** A check or commit: the operation defaults by entity, so a revenue file never overwrites stored revenues unless asked to. */
const runSchema = z
  .object(runFields)
  .strict()
  .transform((input) => ({ ...input, operation: input.operation ?? DEFAULT_OPERATION[input.entity] }));

export const importFilesMethods = {
  'imports.upload': method<{ path: string; name: string; size: number }>()({
    summary: 'Stage a file sent by the browser for inspection and import; returns the staged path.',
    permission: 'write:imports',
    readsUpload: true,
    input: z.object({ name: z.string().min(1).max(255), path: z.string().min(1) }).strict(),
  }),
  'imports.inspect': method<ImportInspection>()({
    summary: 'Detect encoding, delimiter and header; apply or guess a mapping; preview the first rows as stored.',
    permission: 'read:imports',
    input: z.object({ ...fileFields, previewRows: z.number().int().min(1).max(200).default(20) }).strict(),
  }),
  'imports.check': method<ImportCheck>()({
    summary: 'Validate every row of a file against the workspace without writing anything.',
    permission: 'read:imports',
    input: runSchema,
  }),
  'imports.commit': method<ImportCommitResult>()({
    summary: 'Import a file as one batch: all of it lands, or (onError reject) none of it. operation defaults to create_only for revenues, create_or_update otherwise.',
    permission: 'write:imports',
    input: runSchema,
  }),
  'profiles.list': method<{ profiles: ProfileSummary[] }>()({
    summary: 'Mapping profiles, built-in and saved, optionally for one entity.',
    permission: 'read:imports',
    input: z.object({ entity: z.enum(IMPORT_ENTITIES).optional() }).strict(),
  }),
  'profiles.get': method<MappingProfile & { builtIn: boolean }>()({
    summary: 'One mapping profile by name.',
    permission: 'read:imports',
    input: z.object({ name: z.string().min(1).max(100) }).strict(),
  }),
  'profiles.save': method<{ name: string }>()({
    summary: 'Save a mapping profile under its name (replacing a saved one; built-in names are refused).',
    permission: 'write:imports',
    input: z.object({ profile: profileSchema }).strict(),
  }),
  'profiles.delete': method<{ name: string }>()({
    summary: 'Delete a saved mapping profile.',
    permission: 'write:imports',
    input: z.object({ name: z.string().min(1).max(100) }).strict(),
  }),
  'profiles.exportFile': method<{ path: string; bytes: number }>()({
    summary: 'Write a mapping profile to a JSON file.',
    permission: 'read:imports',
    writesFile: true,
    fileType: 'json',
    input: z.object({ name: z.string().min(1).max(100), path: z.string().min(1) }).strict(),
  }),
  'profiles.importFile': method<{ name: string }>()({
    summary: 'Read a mapping profile from a JSON file and save it; a name in use is refused (profile_name_taken, the profile read in detail.profile).',
    permission: 'write:imports',
    readsUpload: true,
    input: z.object({ path: z.string().min(1) }).strict(),
  }),
};
