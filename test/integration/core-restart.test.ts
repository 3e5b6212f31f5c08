import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHost } from '../../src/main/core/host';
import { ALL_PERMISSIONS_PRINCIPAL } from '../../src/main/core/in-process';
import { tempDir } from '../support/temp-workspace';

// The core worker can stop under the app (a native crash, an exit): the calls it was
// running fail with core_stopped, a new worker opens the same workspace, and no later
// call waits forever.

let core: CoreHost | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('a core worker that stops', () => {
  it('is started again on the same workspace; calls in flight fail, later calls and key checks work', async () => {
    const workers: Worker[] = [];
    core = await startCore({ workspacePath: join(tempDir(), 'w.closebook'), onWorker: (w) => workers.push(w) });
    const key = await core.call('keys.create', { name: 'reader', permissions: ['read:orgs'] }, ALL_PERMISSIONS_PRINCIPAL).result;
    const secret = key.ok ? (key.value as { secret: string }).secret : '';

    // A long call is running when the worker dies.
    const inFlight = core.call('demo.load', { revenues: 2_000_000 }, ALL_PERMISSIONS_PRINCIPAL);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await workers[0].terminate();
    expect(await inFlight.result).toMatchObject({ ok: false, error: { code: 'core_stopped' } });

    // Later calls reach a new worker on the same file: the killed demo left nothing, the key is there.
    const listed = await core.call('orgs.list', {}, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(listed).toEqual({ ok: true, value: { orgs: [] } });
    expect(workers).toHaveLength(2);
    const created = await core.call('orgs.create', { name: 'After', currency: 'USD' }, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(created.ok).toBe(true);
    expect(await core.authenticate(secret)).toMatchObject({ name: 'reader', permissions: ['read:orgs'] });
  });

  it('stops being started again after repeated failures, and calls then fail instead of waiting', async () => {
    const workers: Worker[] = [];
    core = await startCore({ workspacePath: join(tempDir(), 'w.closebook'), onWorker: (w) => workers.push(w), maxRestartsPerMinute: 2 });
    for (let i = 0; i < 3; i++) {
      const worker = workers.at(-1)!;
      await worker.terminate();
      // Wait for the replacement (or the refusal) before killing again.
      await core.call('ping', {}, ALL_PERMISSIONS_PRINCIPAL).result;
    }
    const result = await core.call('ping', {}, ALL_PERMISSIONS_PRINCIPAL).result;
    expect(result).toMatchObject({ ok: false, error: { code: 'core_stopped', message: expect.stringContaining('not started again') } });
    expect(await core.authenticate('anything')).toBeNull();
  });
});
