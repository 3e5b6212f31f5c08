import { linkSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { backupWorkspaceFile } from '../../../src/main/electron/workspace-backup';
import { tempDir } from '../../support/temp-workspace';

// A backup target that is the workspace under another name would overwrite the file
// being copied: refused by real path and by file identity, and the workspace's bytes stay.
describe('Save a Backup Copy refuses the workspace under another name', () => {
  it.each([
    ['a symlink to it', (dir: string, live: string) => (symlinkSync(live, join(dir, 'link.closebook')), join(dir, 'link.closebook'))],
    ['a hard link to it', (dir: string, live: string) => (linkSync(live, join(dir, 'hard.closebook')), join(dir, 'hard.closebook'))],
    ['its path through a symlinked folder', (dir: string) => (symlinkSync(dir, join(dir, 'alias')), join(dir, 'alias', 'Live.closebook'))],
    ['its -wal file', (_dir: string, live: string) => `${live}-wal`],
  ])('%s', async (_name, targetOf) => {
    const dir = tempDir();
    const live = openWorkspace(join(dir, 'Live.closebook'));
    try {
      live.db.prepare("INSERT INTO workspace_meta (key, value) VALUES ('k', 'v')").run();
      live.db.pragma('wal_checkpoint(TRUNCATE)');
      const before = readFileSync(live.path);
      const target = targetOf(dir, live.path);
      await expect(backupWorkspaceFile(live.path, target)).rejects.toThrow(/cannot replace the workspace itself/);
      expect(readFileSync(live.path).equals(before)).toBe(true);
    } finally {
      live.close();
    }
  });
});
