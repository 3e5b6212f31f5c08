import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions, type MenuState } from '../../../src/main/electron/menu';

function actions(): MenuActions {
  return {
    newWorkspace: vi.fn(),
    openWorkspace: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    saveBackupCopy: vi.fn(),
    importFile: vi.fn(),
    exportView: vi.fn(),
    toggleSidebar: vi.fn(),
  };
}

const state: MenuState = { recent: ['/w/b.closebook', '/w/a.closebook'], hasWorkspace: true, platform: 'linux', dev: false };
const submenu = (item: MenuItemConstructorOptions | undefined) => item?.submenu as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help', () => {
    const template = menuTemplate(state, actions());
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', 'editMenu', '&View', 'windowMenu', 'help']);
    expect(menuTemplate({ ...state, platform: 'darwin' }, actions())[0].role).toBe('appMenu');
  });

  it('offers the File commands, ending with Quit', () => {
    const file = submenu(menuTemplate(state, actions())[0]);
    const labels = file.map((i) => i.label ?? i.role ?? i.type);
    expect(labels).toEqual(['New Workspace…', 'Open Workspace…', 'Open Recent', 'separator', 'Save a Backup Copy…', 'separator', 'Import…', 'Export Current View…', 'separator', 'quit']);
  });

  it('wires each File item to its action', () => {
    const a = actions();
    const file = submenu(menuTemplate(state, a)[0]);
    click(find(file, 'New Workspace…'));
    click(find(file, 'Open Workspace…'));
    click(find(file, 'Save a Backup Copy…'));
    click(find(file, 'Import…'));
    click(find(file, 'Export Current View…'));
    click(find(submenu(menuTemplate(state, a)[2]), 'Toggle Sidebar'));
    for (const name of ['newWorkspace', 'openWorkspace', 'saveBackupCopy', 'importFile', 'exportView', 'toggleSidebar'] as const) expect(a[name]).toHaveBeenCalledTimes(1);
  });

  it('lists recent workspaces most recent first, each opening its file', () => {
    const a = actions();
    const recent = submenu(find(submenu(menuTemplate(state, a)[0]), 'Open Recent'));
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['/w/b.closebook', '/w/a.closebook', 'separator', 'Clear Recent']);
    click(recent[1]);
    expect(a.openRecent).toHaveBeenCalledWith('/w/a.closebook');
    click(recent[3]);
    expect(a.clearRecent).toHaveBeenCalled();
    const empty = submenu(find(submenu(menuTemplate({ ...state, recent: [] }, a)[0]), 'Open Recent'));
    expect(empty).toEqual([{ label: 'No recent workspaces', enabled: false }]);
  });

  it('disables backup, import and export without an open workspace', () => {
    const file = submenu(menuTemplate({ ...state, hasWorkspace: false }, actions())[0]);
    for (const label of ['Save a Backup Copy…', 'Import…', 'Export Current View…']) expect(find(file, label)?.enabled).toBe(false);
  });

  it('shows developer tools only in --dev mode', () => {
    const roles = (dev: boolean) => submenu(menuTemplate({ ...state, dev }, actions())[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
