import { afterEach, beforeEach } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { setRetryPolicy, type RetryPolicy } from '../../src/main/sync/http-client';
import { MemoryKeyStore, setSyncKeyStore, type SyncKeyStore } from '../../src/main/sync/key-store';
import type { SyncRun } from '../../src/shared/contract/sync';
import type { CoreHost } from '../../src/main/core/host';
import { callOk, tempWorkspace } from '../support/temp-workspace';

export const ORG = 'org-sync';
export const OPEN = '2026-10';
export const CLOSED = '2026-09';

export let keys: MemoryKeyStore;
let previousKeys: SyncKeyStore;
let previousPolicy: RetryPolicy;

/** Every sync test: keys in memory, retries that wait milliseconds, not seconds. */
export function useSyncTestSetup(): void {
  beforeEach(() => {
    keys = new MemoryKeyStore();
    previousKeys = setSyncKeyStore(keys);
    previousPolicy = setRetryPolicy({ attempts: 3, baseDelayMs: 5, maxRetryAfterMs: 50, timeoutMs: 2000 });
  });
  afterEach(() => {
    setSyncKeyStore(previousKeys);
    setRetryPolicy(previousPolicy);
  });
}

/** An org in USD with a finalized September and an open October. */
export function seedSyncOrg(db: Database.Database): void {
  const now = '2026-10-01T00:00:00Z';
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Sync Org', now);
  db.prepare("INSERT INTO periods VALUES (?, ?, 'finalized', ?)").run(ORG, CLOSED, now);
  db.prepare("INSERT INTO periods VALUES (?, ?, 'in_progress', NULL)").run(ORG, OPEN);
}

export function syncWorkspace() {
  const ctx = tempWorkspace();
  seedSyncOrg(ctx.workspace.db);
  return ctx;
}

export async function runOne(core: CoreHost, source: 'revenue' | 'consumption' | 'tasks'): Promise<SyncRun> {
  const { runs } = await callOk<{ runs: SyncRun[] }>(core, 'sync.run', { orgId: ORG, sources: [source] });
  return runs[0];
}

/** Every row of the tables a sync writes, for "nothing written" checks. */
export function dataDigest(db: Database.Database): string {
  return ['payees', 'products', 'revenues', 'consumption_records', 'import_batches', 'sync_links', 'sync_connections']
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw(true).all()))
    .join('\n');
}
