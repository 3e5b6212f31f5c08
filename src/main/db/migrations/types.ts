export interface Migration {
  /** Position in the ordered list, starting at 1, never reused. */
  id: number;
  name: string;
  sql: string;
  /**
   * The step rebuilds a table other tables reference (SQLite's documented rebuild): foreign
   * keys are off while it runs, and foreign_key_check must find nothing before it commits.
   */
  foreignKeysOff?: boolean;
}
