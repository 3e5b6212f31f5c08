import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/db/workspace';
import { backupWorkspaceFile } from '../../../src/main/electron/workspace-backup';
import { tempDir } from '../../support/temp-workspace';

describe('Save a Backup Copy', () => {
  it("copies what another connection (the core's) has written, WAL included, while it stays open", async () => {
    const dir = tempDir();
    const live = openWorkspace(join(dir, 'Live.closebook'));
    try {
      live.db.pragma('wal_autocheckpoint = 0'); // keep the write in the WAL, not yet in the main file
      live.db.prepare("INSERT INTO workspace_meta (key, value) VALUES ('backup-test', 'written by the core')").run();
      expect(existsSync(`${live.path}-wal`)).toBe(true);
      const backup = await backupWorkspaceFile(live.path, join(dir, 'Copy.closebook'));
      expect(backup.pages).toBeGreaterThan(0);
      const copy = openWorkspace(backup.path, { create: false });
      const row = copy.db.prepare("SELECT value FROM workspace_meta WHERE key = 'backup-test'").get() as { value: string } | undefined;
      copy.close();
      expect(row?.value).toBe('written by the core');
      // The live workspace keeps working after the copy.
      live.db.prepare("UPDATE workspace_meta SET value = 'still writable' WHERE key = 'backup-test'").run();
    } finally {
      live.close();
    }
  });

  it('refuses to overwrite the workspace itself', async () => {
    const dir = tempDir();
    const live = openWorkspace(join(dir, 'Live.closebook'));
    try {
      await expect(backupWorkspaceFile(live.path, join(dir, '.', 'Live.closebook'))).rejects.toThrow(/cannot replace the workspace itself/);
    } finally {
      live.close();
    }
  });
});
