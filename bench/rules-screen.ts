// Rules screen benchmark: what the screen asks on a workspace with 1,000 product rules of
// 3 versions each, 200 payees and one month of revenues (the payouts benchmark's
// workspace: ids in random order, four currencies, refunds and adjustments). Times a grid
// page of rules.list (default order, sorted by name, filtered), opening a rule (rules.get
// and rules.versions), rules.compareVersion, rules.save of a changed split, and
// rules.conflicts for the month (the banner: a pass over the month's revenues).
// Prints figures; asserts nothing. Writes go to a copy, so the payouts figures stay as made.
//   npx tsx bench/rules-screen.ts [--revenues N] [--requests N]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RuleRecord } from '../src/shared/contract/rules';
import { inProcessCore } from '../src/main/core/in-process';
import { openWorkspace } from '../src/main/db/workspace';
import { BENCH_DATA_DIR } from './bench-workspace';
import { formatLatency, timeEach } from './latency';
import { callOk, P95_TARGET_MS } from './time-grid-views';

const ORG = 'bench-org';
const PERIOD = '2026-10';
const RULES = 1_000;

const { values } = parseArgs({ options: { revenues: { type: 'string', default: '1000000' }, requests: { type: 'string', default: '50' } } });
const revenues = Number(values.revenues);
const requests = Math.max(1, Number(values.requests));
const log = (line = '') => process.stdout.write(line + '\n');

/** A seeded sequence of rule ids, so every run asks for the same rules in the same (scattered) order. */
function ruleIds(count: number): number[] {
  let a = 11;
  return Array.from({ length: count }, () => {
    a = (a * 48271) % 2147483647;
    return 1 + (a % RULES);
  });
}

async function main() {
  log(`Closebook rules screen benchmark: node ${process.version}, ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  const made = join(BENCH_DATA_DIR, `payouts-${revenues}-v1.closebook`);
  if (!existsSync(made)) {
    log(`making the payouts benchmark's workspace first (${made})…`);
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/payouts-run.ts', '--revenues', String(revenues), '--runs', '1', '--requests', '1'], { stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'closebook-rules-bench-'));
  const path = join(dir, 'rules.closebook');
  copyFileSync(made, path);
  const workspace = openWorkspace(path, { create: false });
  const core = inProcessCore(workspace);
  try {
    log(`\n${RULES.toLocaleString('en-US')} rules x 3 versions, ${revenues.toLocaleString('en-US')} revenues in ${PERIOD}; ${requests} requests per line (target p95 < ${P95_TARGET_MS} ms for screen calls)`);
    const ids = ruleIds(requests);
    const offsets = ids.map((id) => Math.min(RULES - 100, id - 1));
    const page = (extra: object) => (start: number) => callOk(core, 'rules.list', { orgId: ORG, startRow: start, endRow: start + 100, ...extra });
    const lines: Array<[string, () => Promise<string>]> = [
      ['rules.list, default order', async () => formatLatency(await timeEach(offsets, page({})))],
      ['rules.list, by name desc', async () => formatLatency(await timeEach(offsets, page({ sortModel: [{ colId: 'name', sort: 'desc' }] })))],
      [
        'rules.list, name contains "9"',
        async () => formatLatency(await timeEach(ids.map(() => 0), page({ filterModel: { name: { filterType: 'text', type: 'contains', filter: '9' } } }))),
      ],
      ['open a rule: get + versions', async () => formatLatency(await timeEach(ids, (id) => Promise.all([callOk(core, 'rules.get', { orgId: ORG, id }), callOk(core, 'rules.versions', { ruleId: id })])))],
      ['rules.compareVersion (v1 vs now)', async () => formatLatency(await timeEach(ids, (id) => callOk(core, 'rules.compareVersion', { ruleId: id, version: 1 })))],
      [
        'rules.save, one split changed',
        async () =>
          formatLatency(
            await timeEach(ids.slice(0, 20), async (id) => {
              const rule = await callOk<RuleRecord>(core, 'rules.get', { orgId: ORG, id });
              const splits = rule.splits.map((s, i) => ({ payee_external_id: s.payeeExternalId, percentage: i === 0 ? '1' : s.percentage, fixed_amount: s.fixedAmount }));
              return callOk(core, 'rules.save', { orgId: ORG, id, record: { splits } });
            }),
          ),
      ],
      ['rules.conflicts for the month', async () => formatLatency(await timeEach([1, 2, 3], () => callOk(core, 'rules.conflicts', { orgId: ORG, period: PERIOD })))],
    ];
    for (const [label, run] of lines) log(`  ${label.padEnd(34)} ${await run()}`);
  } finally {
    await core.close(); // closes the workspace too
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
