import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import type { CallContext } from '../../src/main/api/context';
import { createRegistry } from '../../src/main/api/registry';
import { contract } from '../../src/shared/contract';
import { tempWorkspace } from '../support/temp-workspace';

// What the registry answers when a call cannot run, word for word: these are the error
// shapes every transport passes on (registry.test.ts covers which calls fail).

function context(permissions: CallContext['principal']['permissions'] = 'all'): CallContext {
  const { workspace } = tempWorkspace();
  return { workspace, principal: { name: 'test', permissions }, progress: () => {}, signal: { aborted: false } };
}

const noTimestamp = <T extends { ok: boolean }>(result: T) => ({ ...result, error: { ...(result as { error?: object }).error, timestamp: undefined } });

describe('the registry’s answers', () => {
  it('a name the contract does not have (own properties only) is not_found, named', async () => {
    const registry = createRegistry();
    registry.register({ ping: () => ({}) as never });
    for (const method of ['revenues.drop', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(noTimestamp(await registry.call(method, {}, context()))).toEqual({
        ok: false,
        error: { type: 'not_found', code: 'unknown_method', message: `There is no API method "${method}"`, detail: { method }, timestamp: undefined },
      });
    }
  });

  it('a contract method without a handler is not_found too, saying so', async () => {
    expect(noTimestamp(await createRegistry().call('ping', {}, context()))).toEqual({
      ok: false,
      error: { type: 'not_found', code: 'unknown_method', message: 'API method "ping" has no handler', detail: { method: 'ping' }, timestamp: undefined },
    });
  });

  it('a key without the permission is told which one the method needs', async () => {
    const registry = createRegistry();
    registry.register({ 'orgs.list': () => ({ orgs: [] }) });
    expect(noTimestamp(await registry.call('orgs.list', {}, context(new Set(['read:payees']))))).toEqual({
      ok: false,
      error: {
        type: 'permission_error',
        code: 'missing_permission',
        message: 'This key lacks the "read:orgs" permission that orgs.list requires',
        detail: { required: 'read:orgs' },
        timestamp: undefined,
      },
    });
  });

  it('assertComplete names every method without a handler', () => {
    const registry = createRegistry();
    registry.register({ ping: () => ({}) as never });
    const missing = Object.keys(contract).filter((name) => name !== 'ping');
    expect(() => registry.assertComplete()).toThrow(new Error(`API methods without a handler: ${missing.join(', ')}`));
  });

  it('an unexpected exception is an internal error with a short reference, logged with the method', async () => {
    const logged: Array<[string, string, unknown]> = [];
    const registry = createRegistry((reference, method, error) => logged.push([reference, method, error]));
    const boom = new TypeError('boom');
    registry.register({
      ping: () => {
        throw boom;
      },
    });
    const result = await registry.call('ping', {}, context());
    expect(logged).toHaveLength(1);
    const [reference, method, error] = logged[0];
    expect([method, error]).toEqual(['ping', boom]);
    expect(reference).toMatch(/^ERR-[0-9a-z]+-[0-9a-z]{1,6}$/);
    expect(result).toEqual({
      ok: false,
      error: { type: 'internal_error', code: 'internal', message: `Something went wrong in ping. Reference ${reference} is in the log.`, detail: { reference }, timestamp: expect.any(String) },
    });
  });

  it('logs an unexpected exception to the console by default, with its reference and method', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const registry = createRegistry();
      const boom = new Error('boom');
      registry.register({
        ping: () => {
          throw boom;
        },
      });
      const result = await registry.call('ping', {}, context());
      const { reference } = (result as { error: { detail: { reference: string } } }).error.detail;
      expect(logged.mock.calls).toEqual([[`[closebook] ${reference} ping failed:`, boom]]);
    } finally {
      logged.mockRestore();
    }
  });

  it('names the app that holds a busy workspace', async () => {
    const ctx = context();
    writeFileSync(`${ctx.workspace.path}.lock`, JSON.stringify({ app: 'Closebook browser mode', pid: 4242, host: hostname(), since: '2026-12-01T09:30:12.000Z' }));
    const registry = createRegistry(() => {});
    registry.register({
      ping: () => {
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      },
    });
    expect(await registry.call('ping', {}, ctx)).toMatchObject({
      ok: false,
      error: {
        code: 'workspace_busy',
        message: 'The workspace is being written by Closebook browser mode (process 4242, since 2026-12-01 09:30 UTC); nothing was changed. Try again when it is done.',
        detail: { holder: { app: 'Closebook browser mode', pid: 4242 } },
      },
    });
  });

  it('SQLite’s busy and locked errors are a 409 workspace_busy that changed nothing; other SQLite errors stay internal', async () => {
    const failing = (code: string) => {
      const registry = createRegistry(() => {});
      registry.register({
        ping: () => {
          throw Object.assign(new Error('database is locked'), { code });
        },
      });
      return registry.call('ping', {}, context());
    };
    const busy = {
      ok: false,
      error: {
        type: 'conflict',
        code: 'workspace_busy',
        message: 'The workspace is being written by another program; nothing was changed. Try again when it is done.',
        detail: { holder: null },
        timestamp: undefined,
      },
    };
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']) expect(noTimestamp(await failing(code)), code).toEqual(busy);
    for (const code of ['SQLITE_CONSTRAINT', 'XSQLITE_BUSY']) expect(await failing(code), code).toMatchObject({ ok: false, error: { type: 'internal_error' } });
  });
});
