// Times grid pages through revenues.list: in process (the registry call the desktop
// app's worker makes) and over the loopback HTTP transport (browser mode).
import { loadavg } from 'node:os';
import { ALL_PERMISSIONS_PRINCIPAL, inProcessCore } from '../src/main/core/in-process';
import { startHttpServer } from '../src/main/api/http-server';
import type { CoreHost } from '../src/main/core/host';
import { openWorkspace } from '../src/main/db/workspace';
import { forgetViews } from '../src/main/grid/view-memo';
import { PAGE_ROWS, pageOffsets, type GridView } from './grid-views';
import { formatLatency, timeEach, type LatencySummary } from './latency';
import { revenueListPlans } from './query-plan';

export const P95_TARGET_MS = 50;
const OPENINGS = 10;

export async function callOk<T>(core: CoreHost, method: string, input: object): Promise<T> {
  const result = await core.call(method, input, ALL_PERMISSIONS_PRINCIPAL).result;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

export async function timeGridViews(
  path: string,
  views: readonly GridView[],
  options: { requests: number; http: boolean; log: (line: string) => void },
): Promise<LatencySummary[]> {
  const { log } = options;
  const workspace = openWorkspace(path, { create: false });
  const core = inProcessCore(workspace);
  const server = options.http ? await startHttpServer({ core }) : null;
  // Between two HTTP series the socket idles while the in-process series runs; with
  // Node's 5 s keep-alive the server may close it just as fetch reuses it (ECONNRESET).
  if (server) server.server.keepAliveTimeout = 10 * 60_000;
  const results: LatencySummary[] = [];
  try {
    for (const view of views) {
      const input = { orgId: view.orgId, period: view.period, sortModel: view.sortModel, filterModel: view.filterModel };
      const { rowCount } = await callOk<{ rowCount: number }>(core, 'revenues.list', { ...input, startRow: 0, endRow: 1 });
      // Opening the view: its first page with the count (kept afterwards until the next write).
      const opening = await timeEach(Array.from({ length: OPENINGS }, () => 0), (startRow) => {
        forgetViews(workspace.db);
        return callOk(core, 'revenues.list', { ...input, startRow, endRow: startRow + PAGE_ROWS });
      });
      const offsets = pageOffsets(rowCount, options.requests);
      log(`\n  ${view.label}: ${rowCount.toLocaleString('en-US')} rows (load average ${loadavg()[0].toFixed(2)})`);
      const plans = revenueListPlans(workspace.db, view);
      log(`    plan (page):  ${plans.page.join(' | ')}`);
      log(`    plan (count): ${plans.count.join(' | ')}`);
      const inProcess = await timeEach(offsets, (startRow) => callOk(core, 'revenues.list', { ...input, startRow, endRow: startRow + PAGE_ROWS }));
      log(`    opening     ${formatLatency(opening)}${opening.p95Ms < P95_TARGET_MS ? '' : '  (misses the target)'}  (first page with the count)`);
      log(`    in-process  ${formatLatency(inProcess)}${inProcess.p95Ms < P95_TARGET_MS ? '' : '  (misses the target)'}  (scrolling: the count is kept)`);
      results.push(inProcess);
      if (server) {
        const http = await timeEach(offsets, async (startRow) => {
          const response = await fetch(`http://127.0.0.1:${server.port}/api/revenues.list`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...input, startRow, endRow: startRow + PAGE_ROWS }),
          });
          const body = (await response.json()) as { ok: boolean };
          if (!body.ok) throw new Error(`HTTP revenues.list failed: ${JSON.stringify(body)}`);
        });
        log(`    http        ${formatLatency(http)}`);
      }
    }
  } finally {
    await server?.close();
    await core.close();
  }
  return results;
}
