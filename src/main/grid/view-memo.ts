import type { Database } from '../db/driver';
import { writeState } from '../db/write-state';

// A grid asks for one page per block as the accountant scrolls, and every answer carries
// the view's row count. Counting a million rows costs more than reading a page, and the
// count is the same for every block of a view until something is written. Likewise a view
// no index orders (sorted by product name, say) makes SQLite sort every matching row for
// each page; its keys in order are the same for every block too. Both are kept per
// connection under the workspace's write state (see writeState) and the view's SQL.

const KEPT_COUNTS = 64;
/** Whole orders are lists of keys (8 bytes each: 8 MB for a million rows); keep few. */
const KEPT_ORDERS = 4;

interface Memo {
  state: string;
  counts: Map<string, number>;
  orders: Map<string, readonly unknown[]>;
  groups: Map<string, readonly ViewGroup[]>;
}

/** How many of a view's rows have one value of the column its order starts with (see page-query.ts). */
export interface ViewGroup {
  value: unknown;
  rows: number;
}

const memos = new WeakMap<Database.Database, Memo>();

function memoOf(db: Database.Database): Memo {
  const state = writeState(db);
  let memo = memos.get(db);
  if (!memo || memo.state !== state) memos.set(db, (memo = { state, counts: new Map(), orders: new Map(), groups: new Map() }));
  return memo;
}

function viewKey(sql: string, params: readonly unknown[]): string {
  return sql + '\u0000' + JSON.stringify(params, (_, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
}

// Reading wrote nothing, so the state is unchanged; the oldest entry makes room.
function keep<T>(map: Map<string, T>, limit: number, key: string, value: T): T {
  if (map.size >= limit) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

/** The view's row count: `count()` the first time, then kept until the next write. */
export function rememberedCount(db: Database.Database, sql: string, params: readonly unknown[], count: () => number): number {
  const { counts } = memoOf(db);
  const key = viewKey(sql, params);
  return counts.get(key) ?? keep(counts, KEPT_COUNTS, key, count());
}

/** The view's keys in order: `read()` the first time, then kept until the next write. */
export function rememberedOrder(db: Database.Database, sql: string, params: readonly unknown[], read: () => unknown[]): readonly unknown[] {
  const { orders } = memoOf(db);
  const key = viewKey(sql, params);
  return orders.get(key) ?? keep(orders, KEPT_ORDERS, key, read());
}

/** The view's rows counted per value of its leading sort column: `read()` the first time, then kept until the next write. */
export function rememberedGroups(db: Database.Database, sql: string, params: readonly unknown[], read: () => ViewGroup[]): readonly ViewGroup[] {
  const { groups } = memoOf(db);
  const key = viewKey(sql, params);
  return groups.get(key) ?? keep(groups, KEPT_COUNTS, key, read());
}

/** Forget what is kept for this connection (benchmarks time a view's first page with this). */
export function forgetViews(db: Database.Database): void {
  memos.delete(db);
}
