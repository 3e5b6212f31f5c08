// How fast the fake seed 001 server alone serves every revenue page (limit 100, by offset)
// to a client that reads each body and throws it away (node:http, one keep-alive socket):
// the floor under a first sync's fetching. Also the same pages through the sync's getJson.
//   npx tsx bench/sync-server-alone.ts [--revenues 1000000]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson } from '../src/main/sync/http-client';
import { discardRevenuePages } from './discard-pages';
import { numberArg } from './bench-args';

const REVENUES = numberArg('--revenues', 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'closebook-bench-server-'));

async function timed(label: string, work: () => Promise<string>) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const said = await work();
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(52)} ${((performance.now() - start) / 1000).toFixed(2).padStart(7)} s wall  ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s client CPU  load ${loadavg()[0].toFixed(2)}  ${said}`);
}

async function main() {
  const child = fork(join(import.meta.dirname, 'sync-fake-servers.ts'), [String(REVENUES), '0', dir], { execArgv: ['--import', 'tsx'] });
  const servers = await new Promise<{ allocora: string; key: string }>((resolve) => child.on('message', (m: { ready?: boolean; allocora: string; key: string }) => m.ready && resolve(m)));
  const pages = Math.ceil(REVENUES / 100);
  const url = (n: number) => `${servers.allocora}/api/v1/revenues?limit=100&offset=${n * 100}`;
  for (let round = 1; round <= 2; round++) {
    await timed(`server alone: ${pages} pages, body discarded (${round})`, async () => `${((await discardRevenuePages(servers.allocora, servers.key, REVENUES)) / 2 ** 20).toFixed(0)} MiB`);
    await timed(`getJson (node:http + JSON.parse): ${pages} pages (${round})`, async () => {
      let records = 0;
      for (let n = 0; n < pages; n++) records += ((await getJson(url(n), { label: 'bench', key: servers.key, unauthorized: '', forbidden: '' })).body as { records: unknown[] }).records.length;
      return `${records} records`;
    });
  }
  child.send({ stop: true });
  rmSync(dir, { recursive: true, force: true });
}

void main();
