import { z } from 'zod';
import { method } from './define';
import { orgIdSchema } from './orgs';

// Allocation reports (seed 000): one catalog of report types, each declaring its parameters
// and columns; one report's rows for a calendar month as JSON or CSV; the months it can be
// asked for. Parameters travel in one `params` object (the seed's query parameters, by
// name), so a misspelt one is refused by name instead of being mistaken for a field of ours.

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_CADENCES = ['daily', 'monthly'] as const;

/** What a report type accepts and returns (the same fields as src/main/reports/report-definition.ts). */
export interface ReportParameterInfo {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'date' | 'enum';
  description: string;
  required: boolean;
  default: string | number | boolean | null;
  values?: string[];
}

export interface ReportColumnInfo {
  name: string;
  type: 'string' | 'integer' | 'decimal' | 'money' | 'date' | 'boolean';
  description: string;
  currency_column?: string;
}

export interface ReportCatalogEntry {
  report_type: string;
  title: string;
  description: string;
  update_cadence: (typeof REPORT_CADENCES)[number];
  parameters: ReportParameterInfo[];
  columns: ReportColumnInfo[];
  /** Hidden for this org (only listed with include_hidden). */
  hidden: boolean;
}

export type ReportPeriodStatus = 'finalized' | 'in_progress';

export interface ReportPeriod {
  year: number;
  month: number;
  status: ReportPeriodStatus;
}

export type ReportCellValue = string | number | boolean | null;
export type ReportParamValues = Record<string, string | number | boolean | null>;

interface ReportAnswerBase {
  report_type: string;
  title: string;
  year: number;
  month: number;
  status: ReportPeriodStatus;
  /** Every declared parameter, as validated, defaults filled in. */
  parameters: ReportParamValues;
  row_count: number;
}

export interface ReportJson extends ReportAnswerBase {
  format: 'json';
  columns: ReportColumnInfo[];
  rows: Array<Record<string, ReportCellValue>>;
}

/**
 * The CSV export: a UTF-8 byte-order mark (Excel reads UTF-8 by it), then comment lines
 * "# key: value" (report type, month, status, each parameter, inputs_sha256), then the
 * header row and the rows, CRLF line ends. A finalized month's CSV is the same bytes on
 * every export: nothing in it depends on when it was made.
 */
export interface ReportCsv extends ReportAnswerBase {
  format: 'csv';
  file_name: string;
  /** sha256 (hex) of the report's inputs: type, month, parameters and rows as canonical JSON. */
  inputs_sha256: string;
  csv: string;
}

/** What reports.export wrote, and the task that did it. */
export interface ReportExportResult {
  path: string;
  rowCount: number;
  bytes: number;
  task_uuid: string;
  inputs_sha256: string;
}

const reportTypeSchema = z.string().trim().min(1, 'name a report type').max(100);
const paramValueSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
const paramsSchema = z.record(z.string().max(100), paramValueSchema).optional();
const yearSchema = z
  .number({ error: 'must be a year such as 2026' })
  .int('must be a whole year')
  .min(1, 'must be a year from 1 to 9999 (0 is not a year)')
  .max(9999, 'must be a year from 1 to 9999');
const monthSchema = z
  .number({ error: 'must be a month from 1 to 12' })
  .int('must be a month from 1 to 12')
  .min(1, 'must be a month from 1 to 12')
  .max(12, 'must be a month from 1 to 12');
/** The report and month that reports.get and reports.export both name. */
const reportMonthFields = { orgId: orgIdSchema, report_type: reportTypeSchema, year: yearSchema, month: monthSchema };

export const reportsMethods = {
  'reports.list': method<{ reports: ReportCatalogEntry[] }>()({
    summary: "The org's catalog of report types: parameters, columns and update cadence of each (hidden ones only with include_hidden).",
    permission: 'read:reports',
    input: z.object({ orgId: orgIdSchema, include_hidden: z.boolean().default(false) }).strict(),
  }),
  'reports.get': method<ReportJson | ReportCsv>()({
    summary:
      "One report's rows for a calendar month, as JSON or CSV. 404 for an unknown or hidden report, 404 period_not_available for a month outside its periods, 400 naming a bad parameter.",
    permission: 'read:reports',
    input: z.object({ ...reportMonthFields, format: z.enum(REPORT_FORMATS).default('json'), params: paramsSchema }).strict(),
  }),
  'reports.periods': method<{ report_type: string; periods: ReportPeriod[] }>()({
    summary: "The (year, month) pairs a report can be asked for with these parameters, newest first: finalized (closed) months, and the current month as in_progress for a daily report.",
    permission: 'read:reports',
    input: z.object({ orgId: orgIdSchema, report_type: reportTypeSchema, params: paramsSchema }).strict(),
  }),
  'reports.export': method<ReportExportResult>()({
    summary:
      "Write one report's CSV for a month to a file, as a ReportExport task (listed by tasks.list, Failed with a note if it cannot finish); the same checks and the same bytes as reports.get with format csv.",
    permission: 'read:reports',
    writesFile: true,
    input: z.object({ ...reportMonthFields, params: paramsSchema, path: z.string().min(1) }).strict(),
  }),
  'reports.setHidden': method<{ report_type: string; hidden: boolean }>()({
    summary: "Hide a report type from this org's catalog, or show it again.",
    permission: 'write:reports',
    input: z.object({ orgId: orgIdSchema, report_type: reportTypeSchema, hidden: z.boolean() }).strict(),
  }),
};
