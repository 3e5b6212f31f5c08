import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root (where package.json names closebook), from the sources or from the CLI bundle in .cache/cli. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'closebook') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Closebook checkout (its package.json) above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
