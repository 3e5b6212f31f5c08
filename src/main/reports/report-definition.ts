import type Database from 'better-sqlite3';

/**
 * One report type in the allocation-reports catalog (seed 000). Every tabular result in
 * Closebook is declared this way; the catalog (reports.list), reports.get and
 * reports.periods read nothing but these declarations, so a new area adds a report by
 * adding one definition to the catalog's list.
 */

export type ReportParameterType = 'string' | 'integer' | 'boolean' | 'date' | 'enum';

export interface ReportParameter {
  name: string;
  type: ReportParameterType;
  description: string;
  required: boolean;
  /** Used when the caller leaves the parameter out; null when there is none. */
  default: string | number | boolean | null;
  /** The accepted values of an `enum` parameter. */
  values?: string[];
}

/** `money` columns hold decimal strings in the row's currency (see `currency_column`). */
export type ReportColumnType = 'string' | 'integer' | 'decimal' | 'money' | 'date' | 'boolean';

export interface ReportColumn {
  name: string;
  type: ReportColumnType;
  description: string;
  /** For a money column: the column of the same row that names its ISO currency. */
  currency_column?: string;
}

export type ReportCadence = 'daily' | 'monthly';

/** A cell: money as a decimal string ("12.34"), never a float that could round. */
export type ReportCell = string | number | boolean | null;
export type ReportRow = Record<string, ReportCell>;

/** Parameters after validation and defaults, by name. */
export type ReportParams = Record<string, string | number | boolean | null>;

export interface ReportMonth {
  year: number;
  month: number;
}

export interface ReportDefinition {
  report_type: string;
  title: string;
  description: string;
  update_cadence: ReportCadence;
  parameters: ReportParameter[];
  columns: ReportColumn[];
  /** Months (any order) for which this org has data for the report, given the parameters. */
  months(db: Database.Database, orgId: string, params: ReportParams): ReportMonth[];
  /** The month's rows, in a stable order (a finalized month's CSV must be byte-identical). */
  rows(db: Database.Database, orgId: string, month: ReportMonth, params: ReportParams): ReportRow[];
}
