import { rmSync, statSync } from 'node:fs';
import { addMonths, isPeriod, periodOfDate, type Period } from '../../shared/period';
import type { Database } from '../db/driver';
import { openWorkspace } from '../db/workspace';
import { archiveMidYear } from './archive';
import { DemoError, invalidDemoOption } from './demo-error';
import { MAX_SEQUENCE } from './external-ids';
import { planMonths } from './month-plan';
import { buildOrgs } from './orgs';
import { buildPayees } from './payees';
import { buildPeriods, demoMonths } from './periods';
import { buildProducts } from './products';
import { SeededRandom } from './random';
import { revenueStream } from './revenue-stream';
import { buildRules } from './rules';
import { writeReferenceRows, writeRevenueRows } from './write-rows';
import { writeDemoImportBatches } from './import-batches';
import { writeDemoShowback } from './showback';
import { writeDemoPayoutRuns } from './payout-runs';
import { writeDemoConsumption } from './consumption';
import { writeDemoStatements } from './statements';
import { writeDemoSync } from './demo-sync';
import { recordDemoCloses } from '../close/demo-closes';

export interface DemoOptions {
  /** Revenue rows to generate (default 200,000). */
  revenues?: number;
  /** Same seed and end period give the same rows, byte for byte (default 1). */
  seed?: number;
  /** Last month of the demo year, 'YYYY-MM' (default: the current UTC month). */
  endPeriod?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  path: string;
  orgs: number;
  payees: number;
  products: number;
  revenues: number;
  ms: number;
}

export const DEFAULT_DEMO_REVENUES = 200_000;
/** A guard against a typo'd count filling the disk; ids would allow up to 2^32. */
export const MAX_DEMO_REVENUES = Math.min(100_000_000, MAX_SEQUENCE);
/** workspace_meta key recording what made the demo, so a script can tell if it can reuse a file. */
export const DEMO_META_KEY = 'demo';
/** Bump when the generator's output changes for the same options. */
export const DEMO_GENERATOR_VERSION = 7;
const PROGRESS_EVERY = 10_000;

/** Check options and fill in defaults; throws DemoError('demo_invalid_option'). */
export interface ResolvedDemoOptions {
  revenues: number;
  seed: number;
  endPeriod: Period;
}

export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const { revenues = DEFAULT_DEMO_REVENUES, seed = 1, endPeriod = periodOfDate(new Date()) } = options;
  if (!Number.isSafeInteger(revenues) || revenues < 0 || revenues > MAX_DEMO_REVENUES) {
    throw invalidDemoOption('revenues', `must be a whole number from 0 to ${MAX_DEMO_REVENUES}, got ${revenues}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw invalidDemoOption('seed', `must be a whole number of 0 or more, got ${seed}`);
  }
  if (!isPeriod(endPeriod) || endPeriod < '1971-01') {
    throw invalidDemoOption('endPeriod', `must be a calendar month YYYY-MM from 1971-01 on, got "${endPeriod}"`);
  }
  return { revenues, seed, endPeriod };
}

/**
 * Create a new workspace file filled with a year of realistic data for one parent org
 * and two children: payees, a product catalog, periods (the last two open) and
 * `revenues` revenue rows. Refuses an existing non-empty file; removes a file it
 * created if anything fails.
 */
export function createDemoWorkspace(path: string, options: DemoOptions = {}): DemoSummary {
  const started = performance.now();
  const resolved = resolveDemoOptions(options);
  const existed = refuseNonEmptyFile(path);
  const workspace = openWorkspace(path);
  let counts: DemoCounts;
  try {
    // 256 MB of page cache for this connection only: the bulk insert and the index builds at its end.
    workspace.db.pragma('cache_size = -262144');
    counts = writeDemo(workspace.db, resolved, { onProgress: options.onProgress, workspaceName: true });
    workspace.close();
  } catch (error) {
    workspace.close();
    if (!existed) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw error;
  }
  return { path, ...counts, ms: Math.round(performance.now() - started) };
}

export type DemoCounts = Pick<DemoSummary, 'orgs' | 'payees' | 'products' | 'revenues'>;

/**
 * Write the demo's rows into an open workspace, in the order createDemoWorkspace does.
 * `workspaceName`: also name the workspace after the demo's parent org (a new file only:
 * an open workspace keeps the name it was opened with).
 */
export function writeDemo(
  db: Database.Database,
  { revenues, seed, endPeriod }: ResolvedDemoOptions,
  { onProgress, workspaceName = false }: { onProgress?: (done: number, total: number) => void; workspaceName?: boolean } = {},
): DemoCounts {
  const root = new SeededRandom(seed);
  const key = root.fork('external-ids').uint32();
  const months = demoMonths(endPeriod);
  const setUpAt = `${addMonths(months[0], -1)}-15T10:00:00Z`;
  const orgs = buildOrgs(root.fork('orgs'), setUpAt);
  const periods = buildPeriods(root.fork('periods'), orgs, endPeriod);
  const payees = buildPayees(root.fork('payees'), orgs, setUpAt, key);
  const products = buildProducts(root.fork('products'), orgs, payees, setUpAt, key);
  archiveMidYear(root.fork('archive'), orgs, products, months);
  const rules = buildRules(root.fork('rules'), orgs, payees, products, months, setUpAt);
  const slots = planMonths(root.fork('month-plan'), orgs, months, revenues);
  const meta: Record<string, string> = {
    [DEMO_META_KEY]: JSON.stringify({ generator: DEMO_GENERATOR_VERSION, seed, revenues, endPeriod }),
  };
  if (workspaceName) meta.name = `${orgs[0].name} (demo)`;

  writeReferenceRows(db, { orgs, periods, payees, products, rules, meta });
  // Price plans, a year of usage, credits and the statements they make (their own stream).
  db.transaction(() => writeDemoStatements(db, root.fork('statements'), orgs, months))();
  // The finalized months in the Close screen's history (a stream of its own: nothing else shifts).
  db.transaction(() => recordDemoCloses(db, root.fork('closes'), periods))();
  // A year of consumption records, estimated and billed, for reconciliation (its own stream).
  db.transaction(() => writeDemoConsumption(db, root.fork('consumption'), orgs, periods, months))();
  onProgress?.(0, revenues);
  const stream = revenueStream({ random: root.fork('revenues'), orgs, payees, products, slots, key });
  writeRevenueRows(db, stream, (done) => {
    if (done % PROGRESS_EVERY === 0 || done === revenues) onProgress?.(done, revenues);
  });
  // A year of commitments and usage for the showback reports (forked last: no other stream shifts).
  db.transaction(() => writeDemoShowback(db, root.fork('showback'), orgs, months))();
  // The closed months' payout runs, from the revenues above (no random stream of their own).
  writeDemoPayoutRuns(db, periods);
  // The Imports screen's batches: one kept with refused rows, one undone, one rejected (no random stream).
  writeDemoImportBatches(db, orgs, endPeriod, `${endPeriod}-01T09:15:00Z`);
  // The Sync screen's connections and history, through the sync's store functions (forked last: no other stream shifts).
  writeDemoSync(db, root.fork('sync'), orgs, months);
  return { orgs: orgs.length, payees: payees.length, products: products.length, revenues };
}

/** Returns whether an (empty) file is already there; throws if it holds anything. */
function refuseNonEmptyFile(path: string): boolean {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return true; // openWorkspace explains that a folder is not a workspace
    size = stats.size;
  } catch {
    return false;
  }
  if (size > 0) {
    throw new DemoError('demo_workspace_not_empty', `${path} already exists and is not empty; a demo workspace is only created in a new or empty file.`);
  }
  return true;
}
