/**
 * Runs jobs one at a time, in arrival order. The workspace has one connection: an import
 * waiting on file reads must not have another call's writes land inside (and roll back
 * with) its transaction, nor let reads see its uncommitted rows.
 */
export function createCallQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function enqueue<T>(job: () => Promise<T> | T): Promise<T> {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
