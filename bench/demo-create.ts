import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoWorkspace } from '../src/main/demo/create';
import { numberArg } from './bench-args';

// Demo creation time (the e2e tests make a demo per file): `--revenues N` (default 30,000,
// what most e2e files ask for), `--runs N` (default 3). Wall clock and this process's CPU
// time per run, with the load average: the machine is shared.

const revenues = numberArg('--revenues', 30_000);
const runs = numberArg('--runs', 3);
const dir = mkdtempSync(join(tmpdir(), 'closebook-demo-bench-'));
try {
  for (let run = 1; run <= runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    createDemoWorkspace(join(dir, `demo-${run}.closebook`), { revenues, seed: 7, endPeriod: '2026-11' });
    const wall = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    console.log(`demo of ${revenues.toLocaleString('en-US')} revenues, run ${run}: ${wall.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (load average ${loadavg()[0].toFixed(1)})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
