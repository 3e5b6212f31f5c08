// "Include child orgs" benchmark: grid pages and totals of the parent org alone and of the
// parent with its children (revenues.list / revenues.summary, in process), on the demo
// workspace (a parent and two children; random id order, USD/EUR/GBP). Prints figures;
// asserts nothing.
//   node --import tsx bench/revenues-include-children.ts [--revenues N] [--requests N]
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import type { Org } from '../src/shared/contract/orgs';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { ensureBenchWorkspace } from './bench-workspace';
import { PAGE_ROWS, pageOffsets } from './grid-views';
import { callOk, P95_TARGET_MS } from './time-grid-views';

const { values } = parseArgs({ options: { revenues: { type: 'string', default: '1000000' }, requests: { type: 'string', default: '30' } } });
const revenues = Number(values.revenues);
const requests = Number(values.requests);
const log = (line = '') => process.stdout.write(line + '\n');

const bench = ensureBenchWorkspace({ revenues, seed: 1, endPeriod: '2026-11', fresh: false });
log(`workspace ${bench.path}: ${revenues.toLocaleString('en-US')} revenues; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
const workspace = openWorkspace(bench.path, { create: false });
const core = inProcessCore(workspace);
const { orgs } = await callOk<{ orgs: Org[] }>(core, 'orgs.list', {});
const parent = orgs.find((o) => o.parentId === null)!;
const month = '2026-11';

const views = [
  { label: `sales of ${month} by amount (desc)`, period: month, sortModel: [{ colId: 'amount', sort: 'desc' }], filterModel: { kind: { filterType: 'set', values: ['sale'] } } },
  { label: `all of ${month}, unsorted`, period: month, sortModel: [], filterModel: {} },
  { label: 'all periods by date (desc)', period: null, sortModel: [{ colId: 'occurredAt', sort: 'desc' }], filterModel: {} },
  { label: `${month} by organization, then date`, period: month, sortModel: [{ colId: 'orgName', sort: 'asc' }, { colId: 'occurredAt', sort: 'asc' }], filterModel: {} },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(run: () => Promise<unknown>, times: number): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const p95 = percentile(ms, 95);
  return `median ${percentile(ms, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms${p95 < P95_TARGET_MS ? '' : ' (over the 50 ms target)'}`;
}

for (const view of views) {
  for (const includeChildren of [false, true]) {
    const input = { orgId: parent.id, includeChildren, period: view.period, sortModel: view.sortModel, filterModel: view.filterModel };
    const { rowCount } = await callOk<{ rowCount: number }>(core, 'revenues.list', { ...input, startRow: 0, endRow: 1 });
    const offsets = pageOffsets(rowCount, requests);
    let next = 0;
    const pages = await time(() => {
      const startRow = offsets[next++ % offsets.length];
      return callOk(core, 'revenues.list', { ...input, startRow, endRow: startRow + PAGE_ROWS });
    }, offsets.length);
    const summary = await time(() => callOk(core, 'revenues.summary', input), 5);
    log(`\n${view.label}, ${includeChildren ? 'with children' : 'parent alone'}: ${rowCount.toLocaleString('en-US')} rows`);
    log(`  pages (${offsets.length}, top and deep): ${pages}`);
    log(`  count and totals per currency (5): ${summary}`);
  }
}
workspace.close();
