// The benchmark's demo workspace under bench/.data/, made once and reused while its
// parameters (rows, seed, end period, generator version) stay the same.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/db/workspace';
import { DEMO_GENERATOR_VERSION, DEMO_META_KEY, createDemoWorkspace } from '../src/main/demo/create';

export const BENCH_DATA_DIR = join(import.meta.dirname, '.data');

export interface BenchWorkspace {
  path: string;
  /** How long creating it took (this run, or the run that made it). */
  createdMs: number;
  reused: boolean;
}

export function ensureBenchWorkspace(params: { revenues: number; seed: number; endPeriod: string; fresh: boolean }): BenchWorkspace {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const path = join(BENCH_DATA_DIR, `demo-${params.revenues}-seed${params.seed}-${params.endPeriod}.closebook`);
  const timingPath = `${path}.timing.json`;
  const wanted = JSON.stringify({ generator: DEMO_GENERATOR_VERSION, seed: params.seed, revenues: params.revenues, endPeriod: params.endPeriod });
  if (!params.fresh && existsSync(path) && existsSync(timingPath) && demoMetaOf(path) === wanted) {
    return { path, createdMs: (JSON.parse(readFileSync(timingPath, 'utf8')) as { ms: number }).ms, reused: true };
  }
  for (const suffix of ['', '-wal', '-shm', '.timing.json']) rmSync(path + suffix, { force: true });
  let lastShown = 0;
  const summary = createDemoWorkspace(path, {
    revenues: params.revenues,
    seed: params.seed,
    endPeriod: params.endPeriod,
    onProgress: (done, total) => {
      if (Date.now() - lastShown < 2000 && done !== total) return;
      lastShown = Date.now();
      process.stderr.write(`  creating demo: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}\n`);
    },
  });
  writeFileSync(timingPath, JSON.stringify({ ms: summary.ms, at: new Date().toISOString() }));
  return { path, createdMs: summary.ms, reused: false };
}

function demoMetaOf(path: string): string | null {
  try {
    const workspace = openWorkspace(path, { create: false });
    try {
      const row = workspace.db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(DEMO_META_KEY) as { value: string } | undefined;
      return row?.value ?? null;
    } finally {
      workspace.close();
    }
  } catch {
    return null;
  }
}
