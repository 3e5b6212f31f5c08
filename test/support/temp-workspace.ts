import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/db/workspace';
import { inProcessCore } from '../../src/main/core/in-process';
import type { CoreHost } from '../../src/main/core/host';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'closebook-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempWorkspace(): { workspace: Workspace; core: CoreHost; dir: string } {
  const dir = tempDir();
  const workspace = openWorkspace(join(dir, 'test.closebook'));
  cleanups.unshift(() => workspace.close());
  return { workspace, core: inProcessCore(workspace), dir };
}

export const LOCAL = { name: 'test', permissions: 'all' as const };

/** Call through the registry and return the value, failing loudly on an error result. */
export async function callOk<T = unknown>(core: CoreHost, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input, LOCAL).result;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
