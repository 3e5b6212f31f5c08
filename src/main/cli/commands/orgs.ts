import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command';
import { workspacePathFrom } from '../workspace-option';
import { callAndPrint } from './call';

const USAGE = [
  'closebook orgs list [--workspace FILE]',
  '       closebook orgs create --name NAME --currency CODE [--parent ORG_ID] [--workspace FILE]',
  '       closebook orgs update --id ORG_ID [--name NAME] [--currency CODE] [--parent ORG_ID | --top-level] [--workspace FILE]',
].join('\n');

/** `orgs create` is how a new workspace starts: the file is created when it does not exist yet. */
export const orgsCommand: Command = {
  name: 'orgs',
  summary: 'List, create or rename organizations (create makes the workspace file if needed)',
  usage: USAGE,
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        currency: { type: 'string' },
        parent: { type: 'string' },
        'top-level': { type: 'boolean' },
      },
    });
    const [action] = positionals;
    let method: string;
    let input: Record<string, unknown>;
    if (action === 'list') {
      method = 'orgs.list';
      input = {};
    } else if (action === 'create') {
      if (values.name === undefined) throw new UsageError('Name the organization with --name NAME');
      if (values.currency === undefined) throw new UsageError('Give its reporting currency with --currency CODE (ISO 4217, such as USD)');
      method = 'orgs.create';
      input = { name: values.name, currency: values.currency, ...(values.parent !== undefined && { parentId: values.parent }) };
    } else if (action === 'update') {
      if (values.id === undefined) throw new UsageError('Name the organization to change with --id ORG_ID');
      if (values.parent !== undefined && values['top-level']) throw new UsageError('Give --parent or --top-level, not both');
      method = 'orgs.update';
      input = {
        id: values.id,
        ...(values.name !== undefined && { name: values.name }),
        ...(values.currency !== undefined && { currency: values.currency }),
        ...(values.parent !== undefined && { parentId: values.parent }),
        ...(values['top-level'] && { parentId: null }),
      };
    } else {
      throw new UsageError(action ? `Unknown action "${action}": use list, create or update` : 'Say what to do: list, create or update');
    }
    const path = workspacePathFrom(values.workspace);
    // A new workspace starts here: its folder too, if need be.
    if (action === 'create') mkdirSync(dirname(path), { recursive: true });
    return callAndPrint(path, method, input);
  },
};
