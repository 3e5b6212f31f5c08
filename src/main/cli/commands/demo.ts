import type { Command } from '../command';

// Placeholder until the demo generator lands (src/main/demo).
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Create a demo workspace',
  usage: 'closebook demo --workspace FILE [--revenues N] [--seed N]',
  async run() {
    process.stderr.write('not yet\n');
    return 1;
  },
};
