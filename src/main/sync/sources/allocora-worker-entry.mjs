// Source-mode entry of the seed 001 pull thread (tests, benches, CLI): load TypeScript
// through tsx. A desktop build bundles allocora-worker.ts itself as sync-pull-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./allocora-worker.ts');
