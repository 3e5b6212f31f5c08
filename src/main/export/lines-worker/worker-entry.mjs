// Source-mode entry of the export lines worker (CLI from source, tests): load TypeScript through tsx.
// Bundles build worker.ts itself as export-lines-worker.js beside the main bundle.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
