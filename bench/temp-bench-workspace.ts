// A bench's own new workspace in a temporary folder, gone when the bench ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../src/main/db/workspace';

export interface TempBenchWorkspace {
  /** The temporary folder (the workspace file and any file the bench writes). */
  dir: string;
  workspace: Workspace;
  /** Closes the workspace and deletes the folder. */
  remove(): void;
}

export function tempBenchWorkspace(name: string): TempBenchWorkspace {
  const dir = mkdtempSync(join(tmpdir(), `closebook-bench-${name}-`));
  const workspace = openWorkspace(join(dir, 'bench.closebook'));
  return {
    dir,
    workspace,
    remove() {
      workspace.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
