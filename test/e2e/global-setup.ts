import { execFileSync } from 'node:child_process';

// Build the renderer once before any test, so end-to-end tests serve what `npm run web` serves.
export default function setup(): void {
  if (process.env.CLOSEBOOK_SKIP_UI_BUILD === '1') return;
  try {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  } catch {
    throw new Error('Building the renderer for the end-to-end tests failed (see above)');
  }
}
