import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Builds the renderer on its own (browser mode and the end-to-end tests serve out/renderer).
// base './' so the same build loads from the loopback server and from the desktop protocol.
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    // An Electron-era Chromium: no legacy syntax lowering needed.
    target: 'chrome120',
    // The strict CSP forbids inline scripts; the modulepreload polyfill would be one.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
});
