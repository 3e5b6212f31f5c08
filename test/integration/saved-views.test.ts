import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/shared/errors';
import type { SavedView } from '../../src/shared/contract/views';
import { openWorkspace } from '../../src/main/db/workspace';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';

// A screen's review setup kept in the workspace file: the current one, and named views.

const GRID = {
  columns: [
    { colId: 'externalId', hide: false, width: 128 },
    { colId: 'amount', hide: true },
  ],
  sortModel: [{ colId: 'amount', sort: 'desc' as const }],
  filterModel: { payeeName: { filterType: 'text' as const, type: 'contains' as const, filter: 'Müller' } },
};

async function callError(core: ReturnType<typeof tempWorkspace>['core'], method: string, input: unknown): Promise<ApiError> {
  const result = await core.call(method, input, LOCAL).result;
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

describe('saved views', () => {
  it('keeps the current setup of a screen in the workspace file, across a reopen', async () => {
    const { core, workspace } = tempWorkspace();
    expect(await callOk(core, 'views.get', { screen: 'revenues' })).toEqual({ view: null });
    await callOk(core, 'views.save', { screen: 'revenues', state: { grid: GRID, includeChildren: true } });
    await callOk(core, 'views.save', { screen: 'app', state: { orgId: 'org-1', period: null } });
    const reopened = openWorkspace(workspace.path);
    try {
      const row = reopened.db.prepare("SELECT state FROM saved_views WHERE screen = 'revenues' AND name = ''").pluck().get() as string;
      expect(JSON.parse(row)).toEqual({ grid: GRID, includeChildren: true });
    } finally {
      reopened.close();
    }
    const { view } = await callOk<{ view: SavedView }>(core, 'views.get', { screen: 'revenues', name: null });
    expect(view).toMatchObject({ screen: 'revenues', name: null, state: { grid: GRID, includeChildren: true } });
    // Saving the current setup again replaces it without asking.
    await callOk(core, 'views.save', { screen: 'revenues', state: { grid: { ...GRID, sortModel: [] } } });
    expect((await callOk<{ view: SavedView }>(core, 'views.get', { screen: 'revenues' })).view.state.grid?.sortModel).toEqual([]);
    // The current setup is not a named view.
    expect(await callOk(core, 'views.list', { screen: 'revenues' })).toEqual({ views: [] });
  });

  it('saves a view under a name, lists and reopens it, refuses a name in use unless replacing, deletes it', async () => {
    const { core } = tempWorkspace();
    await callOk(core, 'views.save', { screen: 'revenues', name: '  Refunds over 1000 ', state: { grid: GRID } });
    const taken = await callError(core, 'views.save', { screen: 'revenues', name: 'refunds OVER 1000', state: { grid: GRID } });
    expect(taken).toMatchObject({ type: 'conflict', code: 'view_name_taken', detail: { field: 'name', name: 'Refunds over 1000' } });
    await callOk(core, 'views.save', { screen: 'revenues', name: 'refunds over 1000', state: { grid: { ...GRID, filterModel: {} } }, replace: true });
    const { views } = await callOk<{ views: Array<{ name: string }> }>(core, 'views.list', { screen: 'revenues' });
    expect(views.map((v) => v.name)).toEqual(['refunds over 1000']);
    expect((await callOk<{ view: SavedView }>(core, 'views.get', { screen: 'revenues', name: 'Refunds Over 1000' })).view.state.grid?.filterModel).toEqual({});
    // Another screen has its own names.
    expect(await callOk(core, 'views.list', { screen: 'payouts' })).toEqual({ views: [] });
    expect(await callOk(core, 'views.delete', { screen: 'revenues', name: 'REFUNDS over 1000' })).toEqual({ deleted: true });
    expect(await callError(core, 'views.delete', { screen: 'revenues', name: 'refunds over 1000' })).toMatchObject({ code: 'view_not_found' });
  });

  it('stores a view naming columns the grid no longer has (the screen drops them), but refuses a malformed one', async () => {
    const { core } = tempWorkspace();
    const gone = { ...GRID, columns: [...GRID.columns, { colId: 'colour', hide: false }], sortModel: [{ colId: 'colour', sort: 'asc' }] };
    await callOk(core, 'views.save', { screen: 'revenues', name: 'Old', state: { grid: gone } });
    const bad = await callError(core, 'views.save', { screen: 'Revenues!', name: '', state: { grid: { ...GRID, sortModel: [{ colId: 'amount', sort: 'up' }] }, colour: 1 } });
    const fields = ((bad.detail as { issues: Array<{ field: string }> }).issues ?? []).map((i) => i.field).sort();
    expect(fields).toEqual(['name', 'screen', 'state.colour', 'state.grid.sortModel.0.sort']);
  });
});
