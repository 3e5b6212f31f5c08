import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it, onTestFailed } from 'vitest';
import { openWorkspace } from '../../src/main/db/workspace';
import { SeededRandom } from '../../src/main/demo/random';
import { tempDir } from '../support/temp-workspace';
import { digest, ORG, REVENUE_HEADER, seedOrg, writeCsv } from './import-files-support';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'closebook.mjs');
const ROWS = 300_000;
// The kill moments are drawn from this seed: a new one each run, printed with the moments
// when the test fails; CLOSEBOOK_KILL_SEED=<seed> replays them.
const SEED = process.env.CLOSEBOOK_KILL_SEED ? Number(process.env.CLOSEBOOK_KILL_SEED) : Math.floor(Math.random() * 2 ** 32);

interface State {
  revenues: bigint;
  total: bigint;
  batches: bigint;
  digest: string;
  integrity: string;
}

function stateOf(path: string): State {
  const workspace = openWorkspace(path, { create: false });
  try {
    const db = workspace.db;
    const { revenues, total } = db.prepare('SELECT count(*) AS revenues, coalesce(sum(amount_micros), 0) AS total FROM revenues').safeIntegers(true).get() as { revenues: bigint; total: bigint };
    const batches = db.prepare('SELECT count(*) FROM import_batches').pluck().safeIntegers(true).get() as bigint;
    return { revenues, total, batches, digest: digest(db), integrity: db.pragma('integrity_check', { simple: true }) as string };
  } finally {
    workspace.close();
  }
}

async function generate(path: string): Promise<bigint> {
  const out = createWriteStream(path);
  let chunk = REVENUE_HEADER + '\n';
  let total = 0n;
  for (let i = 0; i < ROWS; i++) {
    const cents = (i * 7919) % 1_000_000;
    total += BigInt(cents) * 10_000n;
    chunk += `k${i},sale,2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},USD,row ${i}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return total;
}

/** Run the CLI import; kill it `delay` ms after its first progress line (inside the import's transaction), or `delay` ms after start. */
async function importKilled(workspace: string, file: string, delay: number, after: 'start' | 'progress'): Promise<{ killed: boolean; code: number | null }> {
  const child = spawn(process.execPath, [BIN, 'import', 'revenues', file, '--workspace', workspace, '--org', ORG], { stdio: ['ignore', 'pipe', 'pipe'] });
  let timer: NodeJS.Timeout | undefined;
  const kill = () => (timer = setTimeout(() => child.kill('SIGKILL'), delay));
  if (after === 'start') kill();
  else child.stderr.once('data', kill);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { killed: signal === 'SIGKILL', code };
}

describe('an import killed at any moment', () => {
  it('leaves the workspace exactly as before: rows, exact sums, integrity', async () => {
    const dir = tempDir();
    const base = join(dir, 'base.closebook');
    const workspace = openWorkspace(base);
    seedOrg(workspace.db);
    workspace.close();
    // Some data already there, from an earlier import.
    const earlier = writeCsv(dir, 'earlier.csv', [REVENUE_HEADER, 'e1,sale,2026-10-01,123.45,USD,earlier', 'e2,refund,2026-10-02,-0.45,USD,earlier']);
    const seeded = await importKilled(base, earlier, 60_000, 'start');
    expect(seeded).toEqual({ killed: false, code: 0 });
    const file = join(dir, 'big.csv');
    const fileTotal = await generate(file);
    const before = stateOf(base);
    expect(before).toMatchObject({ revenues: 2n, total: 123_000_000n, batches: 1n, integrity: 'ok' });

    const random = new SeededRandom(SEED);
    const moments: Array<[number, 'start' | 'progress']> = [
      [random.between(400, 799), 'start'],
      [random.between(0, 49), 'progress'],
      [random.between(200, 499), 'progress'],
      [random.between(600, 999), 'progress'],
      [random.between(1100, 1599), 'progress'],
    ];
    const runs: string[] = [];
    onTestFailed(() => {
      console.error(`import-files-kill: seed ${SEED} (replay with CLOSEBOOK_KILL_SEED=${SEED}); moments ${JSON.stringify(moments)}\n  ${runs.join('\n  ')}`);
    });
    const complete = { revenues: before.revenues + BigInt(ROWS), total: before.total + fileTotal, integrity: 'ok' };
    let rolledBack = 0;
    for (const [delay, after] of moments) {
      const run = join(dir, `run-${delay}.closebook`);
      copyFileSync(base, run);
      const outcome = await importKilled(run, file, delay, after);
      const state = stateOf(run);
      const label = `run killed ${delay} ms after ${after} (seed ${SEED})`;
      runs.push(`${label}: killed ${outcome.killed}, exit code ${outcome.code}, revenues ${state.revenues}, batches ${state.batches}, integrity ${state.integrity}`);
      expect(existsSync(run), label).toBe(true);
      // All or nothing: a kill before COMMIT leaves the workspace exactly as it was; one
      // that came after it (or never came: the import had finished) finds all of it.
      if (outcome.killed && state.revenues === before.revenues) {
        expect(state, label).toEqual(before);
        if (after === 'progress') rolledBack++;
      } else {
        if (!outcome.killed) expect(outcome.code, label).toBe(0);
        expect(state, label).toMatchObject(complete);
      }
    }
    // Most kills come mid-import, after its first progress line: inside the transaction.
    expect(rolledBack, `kills inside the transaction (seed ${SEED})`).toBeGreaterThanOrEqual(2);

    // Left alone, the same import lands whole.
    const finished = await importKilled(base, file, 60_000, 'start');
    expect(finished).toEqual({ killed: false, code: 0 });
    expect(stateOf(base)).toMatchObject({ ...complete, batches: 2n });
  }, 90_000);
});
