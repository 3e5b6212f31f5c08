import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REVENUE_COLUMNS } from '../../src/shared/contract/revenues';
import { linesWorkersStarted, runningLinesWorkers } from '../../src/main/export/lines-worker/start';
import { TWO_THREAD_EXPORT } from '../../src/main/export/two-thread-csv';
import { exportRevenues } from '../../src/main/revenues/export';
import { tempWorkspace } from '../support/temp-workspace';

// A lines worker stopped early (this thread took every chunk before it started, or a cancel)
// is terminated: its connection and the temporary file must not stay open in the process.

const limits = { ...TWO_THREAD_EXPORT };
afterEach(() => Object.assign(TWO_THREAD_EXPORT, { chunkRows: undefined, waitForWorker: undefined }, limits));

/** What each open descriptor of this process is (a descriptor closed meanwhile reads as '?'). */
const fdNames = () =>
  readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '?';
    }
  });

describe.runIf(process.platform === 'linux')('a lines worker stopped early', () => {
  it('leaves no file descriptor open, export after export, finished or cancelled', async () => {
    const { workspace, dir } = tempWorkspace();
    workspace.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('org-f', 'Fd Org', NULL, '2026-11-01T00:00:00Z')").run();
    const insert = workspace.db.prepare(`INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, created_at, updated_at)
      VALUES ('org-f', ?, 'sale', '2026-03-01T10:00:00Z', '2026-03', 1000000, 'USD', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`);
    workspace.db.transaction(() => {
      for (let i = 0; i < 3_000; i++) insert.run(`f_${i}`);
    })();
    Object.assign(TWO_THREAD_EXPORT, { minRows: 1, maxLoad: Infinity });
    const view = { orgId: 'org-f', period: null, sortModel: [], filterModel: {}, columns: [...REVENUE_COLUMNS], path: join(dir, 'f.csv') };
    // Warm up: the first export loads modules and opens what stays open (the log, the loader).
    await exportRevenues(workspace.db, view);
    const before = fdNames();
    const started = linesWorkersStarted();
    const cancelled = async () => {
      const signal = { aborted: false };
      await expect(exportRevenues(workspace.db, view, { signal, progressEvery: 8, onProgress: () => (signal.aborted = true) })).rejects.toThrow(/cancelled/);
    };
    for (let i = 0; i < 3; i++) await exportRevenues(workspace.db, view);
    // Cancelled while the worker reads (it wrote a chunk, its connection is open): it is terminated.
    Object.assign(TWO_THREAD_EXPORT, { chunkRows: 8, waitForWorker: true });
    for (let i = 0; i < 2; i++) await cancelled();
    const between = fdNames();
    for (let i = 0; i < 6; i++) await cancelled();
    expect(linesWorkersStarted() - started).toBe(11);
    expect(runningLinesWorkers()).toBe(0);
    // SQLite keeps at most one closed connection's descriptor of the workspace file while this
    // connection holds a lock on it (POSIX locks are per process) and reuses it: none per export.
    const added = [...between];
    for (const name of before) if (added.includes(name)) added.splice(added.indexOf(name), 1);
    expect(added.filter((name) => name !== workspace.db.name)).toEqual([]);
    expect(added.length).toBeLessThanOrEqual(1);
    expect(fdNames().sort()).toEqual(between.sort());
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});
