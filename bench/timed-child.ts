// A child process timed on the wall clock and, through /usr/bin/time where present, in CPU
// seconds (user + system): on a machine other work keeps busy the CPU time is the steadier figure.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';

const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export interface TimedChild {
  seconds: number;
  cpuSeconds: number | null;
  stdout: string;
  stderr: string;
  code: number | null;
}

export async function timedChild(command: string, args: string[], input?: string): Promise<TimedChild> {
  const started = performance.now();
  const child = TIME_BIN ? spawn(TIME_BIN, ['-f', '@@ %U %S', command, ...args]) : spawn(command, args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(input ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  const usage = /@@ ([\d.]+) ([\d.]+)/.exec(stderr);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: usage ? Number(usage[1]) + Number(usage[2]) : null,
    stdout,
    stderr: stderr.replace(/@@ .*\n?/, ''),
    code,
  };
}

/** Wall and CPU seconds of an in-process step. */
export function timedStep<T>(run: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}
