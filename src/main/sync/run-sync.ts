import { PULLED_SOURCES, type SyncRun, type SyncSource } from '../../shared/contract/sync';
import type { ProgressEvent } from '../../shared/progress';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { ADAPTERS } from './adapters';
import { commitRun } from './commit-run';
import { isFirstSync, runFirstSyncStreamed, streamsFirstSync } from './first-sync';
import { getConnection } from './connections';
import { getRun, insertRun, NO_COUNTS } from './history';
import { syncKeyStore } from './key-store';
import { storePull } from './store-pull';
import { storeReportsPull } from './store-reports';
import { storeStatementsPull } from './store-statements';
import type { PullWatch } from './sources/source-adapter';
import { isListedTasks } from './sources/report-tasks';
import { SyncFault } from './sync-fault';

/** Sources to run: the ones asked for, else every connected source that can be pulled. */
function sourcesToRun(db: Database.Database, orgId: string, asked: SyncSource[] | undefined): SyncSource[] {
  if (asked) {
    for (const source of asked) {
      if (!ADAPTERS[source]) throw new ApiFailure('validation_error', 'source_not_pulled', `Sync cannot pull the ${source} source yet (it pulls ${PULLED_SOURCES.join(', ')})`, { source });
      getConnection(db, orgId, source);
    }
    return [...new Set(asked)];
  }
  const connected = db.prepare('SELECT source FROM sync_connections WHERE org_id = ?').pluck().all(orgId) as SyncSource[];
  return PULLED_SOURCES.filter((s) => connected.includes(s));
}

function begin(db: Database.Database): void {
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new ApiFailure('conflict', 'workspace_busy', 'The workspace is being written by another program; try again when it is done.');
    throw error;
  }
}

/**
 * One source: fetch every page first (nothing is written while the network is used), then
 * store it in one transaction with its cursors and its run. Any fault rolls the whole
 * source back and is recorded as a failed run; a pull that changes nothing writes nothing
 * but its history row. A first sync of the revenue source writes its pages as they are
 * read instead, in the same one transaction (first-sync.ts).
 */
interface RunWatch {
  progress: (event: ProgressEvent) => void;
  signal: { aborted: boolean };
}

async function runSource(db: Database.Database, orgId: string, source: SyncSource, watch: RunWatch, full: boolean): Promise<SyncRun> {
  const startedAt = new Date().toISOString();
  const adapter = ADAPTERS[source]!;
  const failed = (message: string) => getRun(db, insertRun(db, { orgId, source, status: 'failed', startedAt, counts: NO_COUNTS, batches: {}, message }));
  const connection = getConnection(db, orgId, source);
  const key = syncKeyStore().get(orgId, source);
  if (key === null) return failed(`${adapter.label}: no API key; set ${syncKeyStore().describe(orgId, source)}`);
  const pullWatch: PullWatch = {
    page: (entity, read) => watch.progress({ task: 'sync.run', done: read, total: null, message: `${adapter.label}: ${read.toLocaleString('en-US')} ${entity} read` }),
    cancelled: () => watch.signal.aborted,
  };
  // A first sync writes its pages as they come (first-sync.ts); null: a record came twice, read it whole below.
  if (streamsFirstSync(source) && isFirstSync(db, orgId, source)) {
    const streamed = await runFirstSyncStreamed(db, { orgId, source, label: adapter.label, baseUrl: connection.baseUrl, key, cursors: connection.cursors, startedAt }, pullWatch, begin);
    if (streamed) return streamed;
  }
  let pull;
  try {
    pull = await adapter.pull(connection.baseUrl, key, connection.cursors, pullWatch, { full });
  } catch (error) {
    if (error instanceof SyncFault) return failed(error.message);
    throw error;
  }
  const fetched = pull.entities.reduce((n, e) => n + e.records.length, 0);
  // A complete listing can show a deletion even when no record came (a tasks window read again whose only task is gone).
  if (fetched === 0 && !pull.entities.some((e) => e.listing || isListedTasks(e))) return getRun(db, insertRun(db, { orgId, source, status: 'nothing_changed', startedAt, counts: NO_COUNTS, batches: {}, message: null }));
  begin(db);
  try {
    const runId = insertRun(db, { orgId, source, status: 'committed', startedAt, counts: NO_COUNTS, batches: {}, message: null });
    // Statements (004) and report results (000) have tables of their own, not import batches.
    const store = source === 'statements' ? storeStatementsPull : source === 'reports' ? storeReportsPull : storePull;
    const stored = store(db, orgId, source, adapter.label, pull, runId, startedAt);
    return commitRun(db, orgId, source, runId, startedAt, stored, pull.cursors);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof SyncFault) return failed(error.message);
    throw error;
  }
}

/**
 * Cancel stops between pages: the source being read is recorded as failed (cancelled) with
 * nothing written, the sources after it are not run. The write itself is one short
 * synchronous transaction and is not interrupted.
 */
export async function runSync(db: Database.Database, input: { orgId: string; sources?: SyncSource[]; full?: boolean }, watch: RunWatch): Promise<{ runs: SyncRun[] }> {
  assertOrg(db, input.orgId);
  const runs: SyncRun[] = [];
  for (const source of sourcesToRun(db, input.orgId, input.sources)) {
    if (watch.signal.aborted) break;
    runs.push(await runSource(db, input.orgId, source, watch, input.full === true));
  }
  return { runs };
}
