import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ensureDemoWorkspace, type DemoRunner } from '../../../src/main/electron/demo-workspace';
import { tempDir } from '../../support/temp-workspace';

describe('the first-launch demo workspace', () => {
  it('is generated aside and moved into place, reporting progress', async () => {
    const dir = tempDir();
    const target = join(dir, 'Demo.closebook');
    const progress = vi.fn();
    const run: DemoRunner = async (path, onProgress) => {
      expect(path).not.toBe(target);
      onProgress(10, 20);
      writeFileSync(path, 'demo');
    };
    await ensureDemoWorkspace(target, run, progress);
    expect(existsSync(target)).toBe(true);
    expect(progress).toHaveBeenCalledWith(10, 20);
    expect(readdirSync(dir)).toEqual(['Demo.closebook']);
  });

  it('leaves nothing behind when generation fails', async () => {
    const dir = tempDir();
    const run: DemoRunner = async (path) => {
      writeFileSync(path, 'half');
      throw new Error('disk full');
    };
    await expect(ensureDemoWorkspace(join(dir, 'Demo.closebook'), run)).rejects.toThrow('disk full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reuses a demo that already exists', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Demo.closebook'), 'made earlier');
    const run = vi.fn();
    await ensureDemoWorkspace(join(dir, 'Demo.closebook'), run);
    expect(run).not.toHaveBeenCalled();
  });
});
