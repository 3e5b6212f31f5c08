/**
 * A record that cannot be written as given: the field at fault and why. Thrown by the
 * field readers and the entity writers, caught per row by the batch writer and turned
 * into that row's `error` outcome. Not an Error: no stack is captured for a bad row.
 */
export class FieldProblem {
  constructor(
    /** The record's field name ("amount"), or "" when the record as a whole is wrong. */
    readonly field: string,
    readonly message: string,
  ) {}
}

export function problem(field: string, message: string): FieldProblem {
  return new FieldProblem(field, message);
}
