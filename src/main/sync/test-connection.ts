import type { SyncSource, SyncTestResult } from '../../shared/contract/sync';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { ADAPTERS } from './adapters';
import { getConnection } from './connections';
import { syncKeyStore } from './key-store';
import { SyncFault } from './sync-fault';

/** Call the source's cheapest endpoint with its key: a fault is the answer, not an error of this call. */
export async function testConnection(db: Database.Database, orgId: string, source: SyncSource): Promise<SyncTestResult> {
  const connection = getConnection(db, orgId, source);
  const adapter = ADAPTERS[source];
  if (!adapter) throw new ApiFailure('validation_error', 'source_not_pulled', `Sync cannot talk to the ${source} source yet`, { source });
  const key = syncKeyStore().get(orgId, source);
  if (key === null) return { source, ok: false, status: null, message: `${adapter.label}: no API key; set ${syncKeyStore().describe(orgId, source)}` };
  try {
    await adapter.test(connection.baseUrl, key);
    return { source, ok: true, status: 200, message: `${adapter.label}: the key works` };
  } catch (error) {
    if (error instanceof SyncFault) return { source, ok: false, status: error.status, message: error.message };
    throw error;
  }
}
