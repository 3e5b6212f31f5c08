import type { Database } from '../db/driver';
import { writeState } from '../db/write-state';

// A grid asks for one page per block as the accountant scrolls, and every answer carries
// the view's row count. Counting a million rows costs more than reading a page, and the
// count is the same for every block of a view until something is written, so it is kept
// per connection under the workspace's write state (see writeState) and the view's SQL.

const KEPT_VIEWS = 64;

interface Counts {
  state: string;
  byView: Map<string, number>;
}

const memo = new WeakMap<Database.Database, Counts>();

export function rememberedCount(db: Database.Database, sql: string, params: readonly unknown[], count: () => number): number {
  const state = writeState(db);
  let counts = memo.get(db);
  if (!counts || counts.state !== state) memo.set(db, (counts = { state, byView: new Map() }));
  const key = sql + '\u0000' + JSON.stringify(params, (_, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
  const known = counts.byView.get(key);
  if (known !== undefined) return known;
  const fresh = count();
  // Reading the count wrote nothing, so the state is unchanged; the oldest view makes room.
  if (counts.byView.size >= KEPT_VIEWS) counts.byView.delete(counts.byView.keys().next().value as string);
  counts.byView.set(key, fresh);
  return fresh;
}

/** Forget every kept count of this connection (benchmarks time a view's first page with this). */
export function forgetCounts(db: Database.Database): void {
  memo.delete(db);
}
