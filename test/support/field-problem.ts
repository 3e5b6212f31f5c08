import { FieldProblem } from '../../src/main/imports/records/field-problem';

/** The FieldProblem `run` throws; fails the test when it throws nothing or something else. */
export function problemOf(run: () => unknown): FieldProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldProblem) return error;
    throw error;
  }
  throw new Error('expected a FieldProblem');
}
