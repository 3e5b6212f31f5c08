/** How a grid column is stored, which decides the filters it accepts and how values bind. */
export type ColumnKind = 'text' | 'number' | 'money' | 'date' | 'set';

export interface GridColumn {
  /** SQL expression for the column: fixed text from code, never from a request. */
  sql: string;
  kind: ColumnKind;
  /**
   * Terms to sort by instead of `sql`, when an equivalent order can use an index: a date
   * sorts as (period, date) because the period is the date's month.
   */
  sortTerms?: readonly string[];
  /** For 'set' columns: the values a filter may name. */
  values?: readonly string[];
  /**
   * A text column read through a join on a key (a revenue's payee name through
   * r.payee_id). Its filters are written as `key IN (SELECT id FROM table WHERE ...)`, so
   * an index on the key counts and finds the rows without reading each one's join.
   */
  lookup?: { key: string; table: string; column: string };
}

/** A grid's allowlist: the only column ids a request may sort or filter on. */
export type ColumnMap = Readonly<Record<string, GridColumn>>;
