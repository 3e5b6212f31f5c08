import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** A path in the project, whatever the working directory. */
const resolve = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Three builds. `npm run build:renderer` (vite.renderer.config.ts) builds the same
// renderer into out/renderer for browser mode.
export default defineConfig({
  main: {
    build: {
      // Bundle every JS dependency into out/main, so at run time the app needs from
      // node_modules only better-sqlite3, whose native part is built per runtime
      // (scripts/electron-native.mjs) and named through CLOSEBOOK_SQLITE_BINDING.
      externalizeDeps: false,
      rolldownOptions: {
        input: {
          index: resolve('./src/main/index.ts'),
          // The core's worker thread; src/main/core/host.ts looks for it beside the main bundle.
          'core-worker': resolve('./src/main/core/worker.ts'),
          // A large file import's reader (src/main/imports/parse-worker/parse-worker.ts looks for it beside the bundle).
          'import-parse-worker': resolve('./src/main/imports/parse-worker/worker.ts'),
          // A big export's second thread (src/main/export/lines-worker/start.ts looks for it beside the bundle).
          'export-lines-worker': resolve('./src/main/export/lines-worker/worker.ts'),
          // A first sync's page reader (src/main/sync/sources/allocora-thread.ts looks for it beside the bundle).
          'sync-pull-worker': resolve('./src/main/sync/sources/allocora-worker.ts'),
        },
        external: ['better-sqlite3'],
        output: {
          // ES modules, as package.json says; spelled out because electron-vite otherwise
          // decides from the package.json in the working directory.
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('./src/preload/index.ts') },
        output: {
          // Sandboxed preloads are plain scripts that may require only 'electron': one
          // CommonJS file, no chunks. .cjs because package.json says "type": "module".
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  renderer: {
    root: resolve('./src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('./out/renderer'),
      rolldownOptions: {
        input: resolve('./src/renderer/index.html'),
      },
    },
  },
});
