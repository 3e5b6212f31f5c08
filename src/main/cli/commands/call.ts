import { parseArgs } from 'node:util';
import { openWorkspace } from '../../db/workspace';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../core/in-process';
import { UsageError, type Command } from '../command';
import { workspacePathFrom } from '../workspace-option';

export const callCommand: Command = {
  name: 'call',
  summary: 'Call one API method and print its JSON result',
  usage: "closebook call <method> ['<json input>'] [--workspace FILE]",
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { workspace: { type: 'string' } } });
    const [method, json = '{}'] = positionals;
    if (!method) throw new UsageError('Name the method to call (see `closebook methods`)');
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch (error) {
      throw new UsageError(`The input is not valid JSON: ${(error as Error).message}`);
    }
    return callAndPrint(workspacePathFrom(values.workspace), method, input);
  },
};

/** Call one method on the workspace at `path`: the value as JSON on stdout (exit 0), or the error on stderr (exit 1). */
export async function callAndPrint(path: string, method: string, input: unknown): Promise<number> {
  const core = inProcessCore(openWorkspace(path));
  try {
    const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
    if (result.ok) {
      process.stdout.write(JSON.stringify(result.value, null, 2) + '\n');
      return 0;
    }
    process.stderr.write(JSON.stringify(result.error, null, 2) + '\n');
    return 1;
  } finally {
    await core.close();
  }
}
