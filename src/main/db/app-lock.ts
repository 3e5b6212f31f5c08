import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { WorkspaceError } from './workspace-error';

// Two apps (the desktop, browser mode) writing one workspace would take turns on SQLite's
// write lock and each see the other's changes only on reload. So an app holds the workspace:
// a small file beside it says which app, which process and since when. A second app is
// refused with that; the CLI takes no hold, so its reads keep working, and a write it
// cannot make while an app writes is a 409 that names the holder (see describeHolder).

export interface LockHolder {
  app: string;
  pid: number;
  host: string;
  since: string;
}

export function lockPathOf(workspacePath: string): string {
  return `${workspacePath}.lock`;
}

/** Hold the workspace for this app; throws `workspace_in_use` when a running app holds it. Returns the release. */
export function holdWorkspace(workspacePath: string, app: string): () => void {
  const path = lockPathOf(workspacePath);
  const me: LockHolder = { app, pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return () => {
        if (readHolder(workspacePath)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return () => {}; // a read-only folder: no hold, SQLite still guards writes
      const holder = readHolder(workspacePath);
      if (holder && isAlive(holder)) {
        throw new WorkspaceError('workspace_in_use', workspacePath, `${workspacePath} is open in ${describeHolder(holder)}. Close it there first, or open another workspace.`);
      }
      rmSync(path, { force: true }); // left by an app that crashed
    }
  }
  throw new WorkspaceError('workspace_in_use', workspacePath, `${workspacePath} is being opened by another app at the same moment; try again.`);
}

export function readHolder(workspacePath: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(lockPathOf(workspacePath), 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' && typeof holder.app === 'string' ? holder : null;
  } catch {
    return null;
  }
}

export function describeHolder(holder: LockHolder): string {
  return `${holder.app} (process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, since ${holder.since.slice(0, 16).replace('T', ' ')} UTC)`;
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process: cannot tell, assume so
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
