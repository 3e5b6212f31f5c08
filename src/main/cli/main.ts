import { WorkspaceError } from '../db/workspace-error';
import { UsageError, type Command } from './command';
import { callCommand } from './commands/call';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
import { methodsCommand } from './commands/methods';
import { orgsCommand } from './commands/orgs';
import { webCommand } from './commands/web';

const COMMANDS: Command[] = [methodsCommand, callCommand, webCommand, demoCommand, orgsCommand, importCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Closebook: month-end reconciliation on a local workspace file.',
    '',
    'Usage: closebook <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command that reads or writes data takes --workspace FILE (default: Workspace.closebook',
    "in the app's user-data folder). `closebook <command> --help` shows a command's options.",
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof WorkspaceError) {
      process.stderr.write(`Cannot open the workspace: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
