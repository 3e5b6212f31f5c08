import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLOSEBOOK_APPLICATION_ID, openWorkspace } from '../../src/main/db/workspace';
import { WorkspaceError } from '../../src/main/db/workspace-error';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { tempDir } from '../support/temp-workspace';

function refusal(path: string, options = {}): WorkspaceError {
  try {
    openWorkspace(path, options).close();
  } catch (error) {
    if (error instanceof WorkspaceError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('opening a workspace file', () => {
  it('creates a new file with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const path = join(tempDir(), 'new.closebook');
    const ws = openWorkspace(path, { busyTimeoutMs: 1234 });
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(ws.db.pragma('cache_size', { simple: true })).toBe(-65536);
    expect(ws.db.pragma('application_id', { simple: true })).toBe(CLOSEBOOK_APPLICATION_ID);
    const steps = ws.db.prepare('SELECT id, name FROM closebook_migrations ORDER BY id').all();
    expect(steps).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
    ws.close();
  });

  it('applies only the missing steps when an older workspace is opened', () => {
    const path = join(tempDir(), 'old.closebook');
    openWorkspace(path, { migrations: MIGRATIONS.slice(0, 2) }).close();
    const ws = openWorkspace(path);
    expect(ws.db.prepare('SELECT count(*) FROM closebook_migrations').pluck().get()).toBe(MIGRATIONS.length);
    ws.close();
  });

  it('rolls a failing migration step back whole and records nothing for it', () => {
    const path = join(tempDir(), 'failing.closebook');
    const broken = [...MIGRATIONS, { id: Math.max(...MIGRATIONS.map((m) => m.id)) + 1, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    expect(() => openWorkspace(path, { migrations: broken })).toThrow(WorkspaceError);
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM closebook_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a folder', () => {
    const dir = join(tempDir(), 'folder.closebook');
    mkdirSync(dir);
    expect(refusal(dir)).toMatchObject({ code: 'workspace_is_directory', message: expect.stringMatching(/is a folder/) });
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const path = join(tempDir(), 'notes.closebook');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const before = readFileSync(path);
    expect(refusal(path)).toMatchObject({ code: 'workspace_not_sqlite', message: expect.stringMatching(/not an SQLite database/) });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite database and leaves it untouched", () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ada\');');
    other.close();
    const before = readFileSync(path);
    expect(refusal(path)).toMatchObject({ code: 'workspace_not_closebook' });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a workspace saved by a newer version, untouched', () => {
    const path = join(tempDir(), 'newer.closebook');
    const future = [...MIGRATIONS, { id: Math.max(...MIGRATIONS.map((m) => m.id)) + 1, name: 'from-the-future', sql: 'CREATE TABLE future (x);' }];
    openWorkspace(path, { migrations: future }).close();
    const before = readFileSync(path);
    const error = refusal(path);
    expect(error.code).toBe('workspace_newer');
    expect(error.message).toMatch(/newer version of Closebook/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a workspace whose applied steps diverge from the code', () => {
    const path = join(tempDir(), 'diverged.closebook');
    const other = [MIGRATIONS[0], { id: 2, name: 'someone-elses-step', sql: 'CREATE TABLE x (y);' }];
    openWorkspace(path, { migrations: other }).close();
    const before = readFileSync(path);
    expect(refusal(path)).toMatchObject({ code: 'workspace_diverged', message: expect.stringMatching(/someone-elses-step/) });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged file with a clear message', () => {
    const path = join(tempDir(), 'damaged.closebook');
    const ws = openWorkspace(path);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.pragma('journal_mode = DELETE');
    ws.close();
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 100, 4096); // keep the header, wreck the schema page
    writeFileSync(path, bytes);
    const error = refusal(path);
    expect(['workspace_corrupt', 'workspace_not_sqlite']).toContain(error.code);
    expect(error.message).toMatch(/damaged|could not be opened|not an SQLite/);
  });

  it('refuses a file another program holds locked', async () => {
    const path = join(tempDir(), 'locked.closebook');
    const ws = openWorkspace(path);
    ws.db.pragma('journal_mode = DELETE');
    ws.close();
    // A separate process takes an exclusive lock and holds it.
    const holder = spawn(process.execPath, [
      '-e',
      `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path)});d.pragma('locking_mode=EXCLUSIVE');d.exec('BEGIN EXCLUSIVE');d.prepare('SELECT 1').get();console.log('locked');setTimeout(()=>{},60000);`,
    ]);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      const error = refusal(path, { busyTimeoutMs: 200 });
      expect(error.code).toBe('workspace_locked');
      expect(error.message).toMatch(/locked by another program/);
    } finally {
      holder.kill();
    }
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file it may not read or write', () => {
    const path = join(tempDir(), 'private.closebook');
    openWorkspace(path).close();
    execFileSync('chmod', ['000', path]);
    expect(refusal(path).code).toBe('workspace_unreadable');
  });

  it('refuses a path it cannot create a file at, with the reason', () => {
    const notAFolder = join(tempDir(), 'notes.txt');
    writeFileSync(notAFolder, 'a file, not a folder');
    const error = refusal(join(notAFolder, 'inside.closebook'));
    expect(error.code).toBe('workspace_unreadable');
    expect(error.message).toMatch(/cannot open/);
  });

  it('refuses a missing file when asked not to create one', () => {
    expect(refusal(join(tempDir(), 'absent.closebook'), { create: false }).code).toBe('workspace_missing');
  });
});
