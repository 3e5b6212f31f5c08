// Source-mode entry of the core worker (CLI, browser mode): load TypeScript through tsx.
// The desktop build bundles worker.ts itself as out/main/core-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
