import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/main/api/registry';
import { createAppRegistry } from '../../src/main/api/handlers';
import { ApiFailure } from '../../src/main/api/failure';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

describe('the API registry', () => {
  it('refuses a method registered twice', () => {
    const registry = createRegistry();
    registry.register({ ping: () => ({}) as never });
    expect(() => registry.register({ ping: () => ({}) as never })).toThrow(/already registered/);
  });

  it('refuses a handler for a name the contract does not declare', () => {
    expect(() => createRegistry().register({ 'secret.backdoor': () => 1 } as never)).toThrow(/not in the contract/);
  });

  it('binds every contract method in the app registry', () => {
    expect(() => createAppRegistry()).not.toThrow();
    expect(() => createRegistry().assertComplete()).toThrow(/without a handler/);
  });

  it('reports an unknown method as not_found', async () => {
    const { core } = tempWorkspace();
    const result = await core.call('revenues.delete_everything', {}, { name: 't', permissions: 'all' }).result;
    expect(result).toMatchObject({ ok: false, error: { type: 'not_found', code: 'unknown_method' } });
  });

  it('validates input before the handler and reports every failing field', async () => {
    const { core, workspace } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const result = await core.call('revenues.list', { orgId: '', startRow: -1, endRow: 'x', period: '2026-13', extra: 1 }, { name: 't', permissions: 'all' }).result;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ type: 'validation_error', code: 'invalid_input' });
    const fields = (result.error.detail as { issues: Array<{ field: string }> }).issues.map((i) => i.field).sort();
    expect(fields).toEqual(['endRow', 'extra', 'orgId', 'period', 'startRow']);
    expect(typeof result.error.timestamp).toBe('string');
  });

  it('checks the permission a key needs', async () => {
    const { core } = tempWorkspace();
    const result = await core.call('revenues.list', { orgId: 'x', startRow: 0, endRow: 10 }, { name: 'reader', permissions: ['read:payees'] }).result;
    expect(result).toMatchObject({ ok: false, error: { type: 'permission_error', code: 'missing_permission', detail: { required: 'read:revenues' } } });
  });

  it('turns an unexpected exception into an internal error with a reference, and logs it', async () => {
    const logged: string[] = [];
    const registry = createRegistry((reference) => logged.push(reference));
    registry.register({ ping: () => { throw new TypeError('boom'); } });
    const { workspace } = tempWorkspace();
    const result = await registry.call('ping', {}, { workspace, principal: { name: 't', permissions: 'all' }, progress: () => {}, signal: { aborted: false } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.type).toBe('internal_error');
    expect(result.error.message).toContain(logged[0]);
    expect(result.error.message).not.toContain('boom');
  });

  it('passes expected failures through as data', async () => {
    const registry = createRegistry();
    registry.register({ ping: () => { throw new ApiFailure('conflict', 'period_locked', 'October is closed', { period: '2026-10' }); } });
    const { workspace } = tempWorkspace();
    const result = await registry.call('ping', {}, { workspace, principal: { name: 't', permissions: 'all' }, progress: () => {}, signal: { aborted: false } });
    expect(result).toMatchObject({ ok: false, error: { type: 'conflict', code: 'period_locked', detail: { period: '2026-10' } } });
  });

  it('answers orgs.list parents first and periods newest first', async () => {
    const { core, workspace } = tempWorkspace();
    seedOrgWithRevenues(workspace.db, []);
    const { orgs } = await callOk<{ orgs: Array<{ id: string; parentId: string | null }> }>(core, 'orgs.list', {});
    expect(orgs.map((o) => o.id)).toEqual(['org-parent', 'org-parent-child']);
    const { periods } = await callOk<{ periods: Array<{ period: string; status: string }> }>(core, 'periods.list', { orgId: 'org-parent' });
    expect(periods).toMatchObject([{ period: '2026-10', status: 'in_progress' }, { period: '2026-09', status: 'finalized' }]);
    const missing = await core.call('periods.list', { orgId: 'nope' }, { name: 't', permissions: 'all' }).result;
    expect(missing).toMatchObject({ ok: false, error: { type: 'not_found', code: 'org_not_found' } });
  });
});
