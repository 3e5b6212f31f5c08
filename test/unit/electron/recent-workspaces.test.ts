import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, RECENT_FILE_NAME, recentWorkspacesStore, withoutMissing, withRecent } from '../../../src/main/electron/recent-workspaces';
import { tempDir } from '../../support/temp-workspace';

const paths = (n: number) => Array.from({ length: n }, (_, i) => `/w/${i}.closebook`);

describe('the recent workspaces list', () => {
  it('puts the latest first without duplicates', () => {
    expect(withRecent(['/w/a.closebook', '/w/b.closebook'], '/w/c.closebook')).toEqual(['/w/c.closebook', '/w/a.closebook', '/w/b.closebook']);
    expect(withRecent(['/w/a.closebook', '/w/b.closebook'], '/w/b.closebook')).toEqual(['/w/b.closebook', '/w/a.closebook']);
    expect(withRecent(['/w/a.closebook'], '/w/x/../a.closebook')).toEqual(['/w/a.closebook']);
  });

  it('keeps at most ten', () => {
    const list = paths(MAX_RECENT).reduce<string[]>((acc, p) => withRecent(acc, p), []);
    expect(list).toHaveLength(10);
    const more = withRecent(list, '/w/new.closebook');
    expect(more).toHaveLength(10);
    expect(more[0]).toBe('/w/new.closebook');
    expect(more).not.toContain('/w/0.closebook');
  });

  it('drops files that no longer exist', () => {
    expect(withoutMissing(['/a', '/b', '/c'], (p) => p !== '/b')).toEqual(['/a', '/c']);
  });

  it('is stored as JSON in the user-data folder and survives a restart', () => {
    const dir = tempDir();
    const files = [join(dir, 'one.closebook'), join(dir, 'two.closebook')];
    for (const file of files) writeFileSync(file, '');
    const store = recentWorkspacesStore(dir);
    expect(store.list()).toEqual([]);
    store.remember(files[0]);
    store.remember(files[1]);
    store.remember(files[0]);
    const saved = JSON.parse(readFileSync(join(dir, RECENT_FILE_NAME), 'utf8'));
    expect(saved).toEqual({ version: 1, recent: [files[0], files[1]] });
    expect(recentWorkspacesStore(dir).list()).toEqual([files[0], files[1]]);
  });

  it('prunes missing files on load and on listing, and saves the pruned list', () => {
    const dir = tempDir();
    const present = join(dir, 'present.closebook');
    const later = join(dir, 'deleted-later.closebook');
    writeFileSync(present, '');
    writeFileSync(later, '');
    writeFileSync(join(dir, RECENT_FILE_NAME), JSON.stringify({ version: 1, recent: [join(dir, 'gone.closebook'), later, present] }));
    const store = recentWorkspacesStore(dir, (p) => existsSync(p));
    expect(store.list()).toEqual([later, present]);
    let laterExists = true;
    const watching = recentWorkspacesStore(dir, (p) => (p === later ? laterExists : existsSync(p)));
    laterExists = false;
    expect(watching.list()).toEqual([present]);
    expect(JSON.parse(readFileSync(join(dir, RECENT_FILE_NAME), 'utf8')).recent).toEqual([present]);
  });

  it('forgets and clears', () => {
    const dir = tempDir();
    const file = join(dir, 'a.closebook');
    writeFileSync(file, '');
    const store = recentWorkspacesStore(dir);
    store.remember(file);
    expect(store.forget(file)).toEqual([]);
    store.remember(file);
    expect(store.clear()).toEqual([]);
    expect(recentWorkspacesStore(dir).list()).toEqual([]);
  });

  it('treats a damaged file as an empty list', () => {
    const dir = tempDir();
    writeFileSync(join(dir, RECENT_FILE_NAME), '{ not json');
    expect(recentWorkspacesStore(dir).list()).toEqual([]);
    writeFileSync(join(dir, RECENT_FILE_NAME), JSON.stringify({ recent: [42, null, ''] }));
    expect(recentWorkspacesStore(dir).list()).toEqual([]);
  });
});
