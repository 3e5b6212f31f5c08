import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHttpServer } from '../../api/http-server';
import { startCore } from '../../core/host';
import { UsageError, type Command } from '../command';
import { projectRoot } from '../project-root';
import { workspacePathFrom } from '../workspace-option';

/** The renderer build that `npm run web` makes before starting. */
export function rendererBuildDir(): string {
  return join(projectRoot(), 'out', 'renderer');
}

export const webCommand: Command = {
  name: 'web',
  summary: 'Run the app in browser mode on 127.0.0.1 (use `npm run web`, which builds the UI first)',
  usage: 'closebook web [--workspace FILE] [--port N] [--max-upload-mb N (default 2560)]',
  async run(args) {
    const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, port: { type: 'string' }, 'max-upload-mb': { type: 'string' } } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port} is not a port number`);
    const maxUploadMb = values['max-upload-mb'] === undefined ? undefined : Number(values['max-upload-mb']);
    if (maxUploadMb !== undefined && (!Number.isInteger(maxUploadMb) || maxUploadMb < 1)) {
      throw new UsageError(`--max-upload-mb must be a whole number of megabytes, 1 or more, got "${values['max-upload-mb']}"`);
    }
    const rendererDir = rendererBuildDir();
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new UsageError(`The user interface is not built (${rendererDir}). Start browser mode with \`npm run web\`.`);
    }
    const core = await startCore({ workspacePath: workspacePathFrom(values.workspace), holder: 'Closebook browser mode' });
    const server = await startHttpServer({ core, rendererDir, port, maxUploadBytes: maxUploadMb === undefined ? undefined : maxUploadMb * 1024 ** 2 });
    process.stdout.write(`Closebook is running at ${server.url}\n`);
    const stop = async () => {
      await server.close();
      await core.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {}); // serve until stopped
    return 0;
  },
};
