/** One `closebook <name>` subcommand. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

/** Raised for a wrong command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
