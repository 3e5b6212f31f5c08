import { METHOD_NAMES, contract } from '../../../shared/contract';
import type { Command } from '../command';

export const methodsCommand: Command = {
  name: 'methods',
  summary: 'List every API method, one per line',
  usage: 'closebook methods [--verbose]',
  async run(args) {
    const verbose = args.includes('--verbose');
    for (const name of METHOD_NAMES) {
      const spec = contract[name];
      process.stdout.write(verbose ? `${name}\t${spec.permission ?? '-'}\t${spec.summary}\n` : `${name}\n`);
    }
    return 0;
  },
};
