import type { ChildProcess } from 'node:child_process';

// Small helpers the sync benches share: a numeric option, and the next message of a forked
// fake server that carries a given field.

/** `--name N` from the command line, or `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The child's next message holding `has`; rejects if the child exits first. */
export function nextMessage<T>(child: ChildProcess, has: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!(has in message)) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the fake server exited (${code})`)));
  });
}
