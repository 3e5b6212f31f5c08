/** A value two readings disagree on, with both, for the wizard to ask (or the import to refuse). */
export interface Ambiguity {
  kind: 'number_convention' | 'date_format';
  column: string;
  text: string;
  /** value: the choice (a convention or a date format); reading: what the cell becomes under it. */
  readings: Array<{ value: string; reading: string }>;
}

/** Why a cell could not be read. A class, so a value and a failure tell apart with instanceof. */
export class ReadFailure {
  constructor(
    /** Names the column: "Gross: "12,5,0" is not a number." */
    readonly message: string,
    readonly ambiguity: Ambiguity | null = null,
  ) {}
}

export function readFailure(message: string, ambiguity: Ambiguity | null = null): ReadFailure {
  return new ReadFailure(message, ambiguity);
}
