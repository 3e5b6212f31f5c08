export interface Migration {
  /** Position in the ordered list, starting at 1, never reused. */
  id: number;
  name: string;
  sql: string;
}
