import { SYNC_SOURCES, type SyncSource } from '../../shared/contract/sync';
import type { Database } from '../db/driver';
import { saveConnection } from '../sync/connections';
import { syncDemoConsumptionSource } from './demo-sync-consumption';
import { syncDemoReportsSource } from './demo-sync-reports';
import { syncDemoRevenueSource } from './demo-sync-revenue';
import { syncDemoStatementsSource } from './demo-sync-statements';
import { syncDemoTasksSource } from './demo-sync-tasks';
import type { SeededRandom } from './random';

// The Sync screen's demo: every org connected to its online systems (one connection per
// source, no key stored: Test fails offline with the usual message) and a history as if
// synced before, written by the sync's own store functions from made-up server records
// (demo-sync-run.ts): first syncs late in the month being closed, the accountant's edits a
// few days later, second syncs on the first of the newest month. What it leaves: counts of
// every kind, records linked to the server's ids, synced statements, tasks (one deleted on
// the server) and report results, open conflicts (a revenue, a rule, the current statement)
// and a closed month's revenue blocked. Its own random stream; no network.

/** Plausible org servers, one per source (seed 000 and 004 paths name the org). */
function baseUrl(source: SyncSource, orgId: string): string {
  switch (source) {
    case 'revenue':
      return 'https://billing.example.org';
    case 'consumption':
      return 'https://cloud.example.org';
    case 'tasks':
      return 'https://reports.example.org';
    case 'statements':
      return `https://accounts.example.org/organizations/statement/list/organization/org_${orgId.slice(0, 8)}`;
    case 'reports':
      return `https://analytics.example.org/beta/v1/org/${orgId}`;
  }
}

interface DemoSyncOrg {
  id: string;
}

export function writeDemoSync(db: Database.Database, random: SeededRandom, orgs: readonly DemoSyncOrg[], months: readonly string[]): void {
  const newest = months[months.length - 1]!;
  const closing = months[months.length - 2]!;
  const locked = months[months.length - 3]!;
  const times = {
    first: `${closing}-20T06:00:00Z`,
    edit: `${closing}-24T14:10:00Z`,
    second: `${newest}-01T07:30:00Z`,
  };
  const connectedAt = `${closing}-19T16:45:00Z`;
  db.transaction(() => {
    orgs.forEach((org, index) => {
      const own = random.fork(org.id);
      for (const source of SYNC_SOURCES)
        saveConnection(db, {
          orgId: org.id,
          source,
          baseUrl: baseUrl(source, org.id),
        });
      db.prepare('UPDATE sync_connections SET created_at = ?, updated_at = ? WHERE org_id = ?').run(connectedAt, connectedAt, org.id);
      // In time order, so the history's run ids follow its times.
      const tasksLater = syncDemoTasksSource(db, own.fork('tasks'), org.id, 4_100 + index, { closing, locked }, times);
      const revenueLater = syncDemoRevenueSource(db, own.fork('revenue'), org.id, { locked, closing, recent: months.slice(-4) }, times);
      syncDemoStatementsSource(db, own.fork('statements'), org.id, times.first.replace('06:00', '06:02'));
      tasksLater();
      revenueLater?.();
      syncDemoConsumptionSource(db, org.id, newest, times.second.replace('07:30', '07:31'));
      syncDemoReportsSource(db, org.id, { subCent: locked, missingRow: months[months.length - 4]! }, times.second.replace('07:30', '07:33'));
    });
  })();
}
