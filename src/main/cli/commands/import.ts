import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CSV_ENCODINGS } from '../../../shared/contract/file-format';
import { DEFAULT_OPERATION, IMPORT_ENTITIES, IMPORT_OPERATIONS, ON_ERROR_CHOICES } from '../../../shared/contract/imports';
import type { ApiError } from '../../../shared/errors';
import type { ProgressEvent } from '../../../shared/progress';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../../core/in-process';
import { openWorkspace } from '../../db/workspace';
import { UsageError, type Command } from '../command';
import { workspacePathFrom } from '../workspace-option';

const PROGRESS_INTERVAL_MS = 1000;

function oneOf<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a CSV file as one batch (all of it, or none with --on-error reject) and print the outcome counts as JSON',
  usage:
    `closebook import <${IMPORT_ENTITIES.join('|')}> FILE --workspace FILE --org ORG [--profile NAME] ` +
    `[--operation ${IMPORT_OPERATIONS.join('|')} (default ${DEFAULT_OPERATION.revenues} for revenues, create_or_update otherwise)] [--on-error ${ON_ERROR_CHOICES.join('|')} (default reject)] ` +
    `[--encoding ${CSV_ENCODINGS.join('|')} (default: the profile's, else detected)] [--check]`,
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        org: { type: 'string' },
        profile: { type: 'string' },
        operation: { type: 'string' },
        'on-error': { type: 'string' },
        check: { type: 'boolean' },
        encoding: { type: 'string' },
      },
    });
    const [entityName, file, ...extra] = positionals;
    if (!entityName) throw new UsageError('Name what the file holds and the file');
    const entity = oneOf('The first argument', entityName, IMPORT_ENTITIES)!;
    if (!file) throw new UsageError('Name the CSV file to import');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
    if (!values.org) throw new UsageError('Name the org to import into with --org ORG');
    const operation = oneOf('--operation', values.operation, IMPORT_OPERATIONS);
    const onError = oneOf('--on-error', values['on-error'], ON_ERROR_CHOICES);
    const encoding = oneOf('--encoding', values.encoding, CSV_ENCODINGS);
    const method = values.check ? 'imports.check' : 'imports.commit';
    const input = { orgId: values.org, entity, path: resolve(file), profile: values.profile ?? null, mapping: null as unknown, operation, onError };

    const workspace = openWorkspace(workspacePathFrom(values.workspace), { create: false });
    const core = inProcessCore(workspace);
    try {
      if (encoding) {
        // The mapping the import would use (the profile's, or guessed), read with the encoding chosen.
        const inspected = await core.call('imports.inspect', { orgId: input.orgId, entity, path: input.path, profile: input.profile }, ALL_PERMISSIONS_PRINCIPAL).result;
        if (!inspected.ok) return failed(inspected.error);
        input.mapping = { ...(inspected.value as { mapping: object }).mapping, encoding };
      }
      const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL, progressPrinter()).result;
      if (!result.ok) return failed(result.error);
      process.stdout.write(JSON.stringify(result.value) + '\n');
      // A rejected file wrote nothing (or, checked, would be rejected): a script must not carry on as if it had.
      const value = result.value as { status?: string; counts: { error: number; blocked_locked_period: number } };
      const refused = value.counts.error + value.counts.blocked_locked_period > 0 && (onError ?? 'reject') === 'reject';
      return value.status === 'rejected' || (values.check && refused) ? 1 : 0;
    } finally {
      await core.close();
    }
  },
};

/** The error on stderr, and as JSON on stdout for scripts. */
function failed(error: ApiError): number {
  process.stderr.write(`${error.message}\n`);
  process.stdout.write(JSON.stringify({ ok: false, error }) + '\n');
  return 1;
}

/** Progress on stderr (stdout carries only the JSON result): one updating line on a terminal, a line a second otherwise. */
function progressPrinter(): (event: ProgressEvent) => void {
  const terminal = process.stderr.isTTY;
  let last = 0;
  let lastDone = -1;
  return (event) => {
    const now = Date.now();
    const finished = event.total !== null && event.done === event.total;
    if ((!finished && now - last < PROGRESS_INTERVAL_MS) || event.done === lastDone) return;
    last = now;
    lastDone = event.done;
    const text = `import: ${event.message ?? `${event.done} rows`}`;
    process.stderr.write(terminal ? `\r${text}${finished ? '\n' : ''}` : `${text}\n`);
  };
}
