import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoWorkspace, resolveDemoOptions } from '../../demo/create';
import { DemoError, type DemoOptionName } from '../../demo/demo-error';
import { UsageError, type Command } from '../command';

/** Below this many rows a demo is done in about a second: no progress lines. */
const PROGRESS_FROM_ROWS = 100_000;
const PROGRESS_INTERVAL_MS = 1000;
const FLAGS: Record<DemoOptionName, string> = { revenues: '--revenues', seed: '--seed', endPeriod: '--end-period' };

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Create a demo workspace: a parent org, two child orgs and a year of revenues',
  usage: 'closebook demo --workspace FILE [--revenues N (default 200000)] [--seed N (default 1)] [--end-period YYYY-MM (default: this month)]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { workspace: { type: 'string' }, revenues: { type: 'string' }, seed: { type: 'string' }, 'end-period': { type: 'string' } },
    });
    // Required here, unlike other commands: a demo must never land in the user's real default workspace.
    if (!values.workspace) throw new UsageError('Name the new workspace file with --workspace FILE');
    let options;
    try {
      options = resolveDemoOptions({
        revenues: wholeNumber('--revenues', values.revenues),
        seed: wholeNumber('--seed', values.seed),
        endPeriod: values['end-period'],
      });
    } catch (error) {
      if (error instanceof DemoError && error.option) throw new UsageError(`${FLAGS[error.option]} ${error.reason}`);
      throw error;
    }
    const path = resolve(values.workspace);
    try {
      const summary = createDemoWorkspace(path, { ...options, onProgress: options.revenues >= PROGRESS_FROM_ROWS ? progressPrinter() : undefined });
      process.stdout.write(JSON.stringify(summary) + '\n');
      return 0;
    } catch (error) {
      if (error instanceof DemoError) {
        process.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

/** A strict whole number: "2000000" yes; "2e6", "-1", "12abc" no (Number() would accept some). */
function wholeNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} must be a whole number of 0 or more, got "${text}"`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UsageError(`${flag} ${text} is too large`);
  return value;
}

/** Progress on stderr (stdout carries only the JSON summary): one updating line on a terminal, a line per second otherwise. */
function progressPrinter(): (done: number, total: number) => void {
  const terminal = process.stderr.isTTY;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    const finished = done === total;
    if (!finished && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
    const text = `demo: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} revenues (${percent}%)`;
    process.stderr.write(terminal ? `\r${text}${finished ? '\n' : ''}` : `${text}\n`);
  };
}
