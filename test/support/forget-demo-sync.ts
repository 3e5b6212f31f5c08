import Database from 'better-sqlite3';

/**
 * The demo's sync history (src/main/demo/demo-sync.ts) taken out of a demo workspace, as if
 * no org had ever been connected: the tests that sync a demo org against a fake server
 * count what a first sync does. Its connections, runs, links, conflicts, synced statements,
 * tasks and report results go; the import batches its runs wrote stay (they are imports).
 */
export function forgetDemoSync(workspacePath: string): void {
  const db = new Database(workspacePath);
  try {
    db.transaction(() => {
      for (const table of ['sync_conflicts', 'sync_links', 'synced_report_results', 'sync_runs', 'sync_connections']) db.prepare(`DELETE FROM ${table}`).run();
      db.prepare("DELETE FROM statements WHERE origin = 'synced'").run();
      db.prepare("DELETE FROM tasks WHERE origin = 'synced'").run();
    })();
  } finally {
    db.close();
  }
}
