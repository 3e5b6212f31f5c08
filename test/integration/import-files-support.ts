import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CoreHost } from '../../src/main/core/host';
import type { Database } from '../../src/main/db/driver';
import type { ImportCommitResult } from '../../src/shared/contract/import-files';
import type { ApiError, Result } from '../../src/shared/errors';
import type { ProgressEvent } from '../../src/shared/progress';
import { LOCAL, tempWorkspace } from '../support/temp-workspace';

export const ORG = 'org-a';
export const OPEN = '2026-10';
export const CLOSED = '2026-09';
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'imports');

/** An org with a finalized September and an open October 2026, and a payee (inserted directly). */
export function seedOrg(db: Database.Database): void {
  const now = '2026-10-01T00:00:00Z';
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Org A', now);
  db.prepare("INSERT INTO periods VALUES (?, ?, 'finalized', ?)").run(ORG, CLOSED, now);
  db.prepare("INSERT INTO periods VALUES (?, ?, 'in_progress', NULL)").run(ORG, OPEN);
  db.prepare('INSERT INTO payees (org_id, external_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(ORG, 'pe_1', 'Ada Books', now, now);
}

export function setup() {
  const ctx = tempWorkspace();
  seedOrg(ctx.workspace.db);
  return ctx;
}

/** The tables records live in; imports also write import_batches and import_outcomes. */
export const RECORD_TABLES = ['revenues', 'payees', 'products', 'consumption_records', 'cycle_usage', 'statements', 'showback_commitments', 'showback_usage'];
const TABLES = [...RECORD_TABLES, 'import_batches', 'import_outcomes', 'import_profiles'];

/** SHA-256 of every row of the tables (default: every table an import or a profile could write). */
export function digest(db: Database.Database, tables: readonly string[] = TABLES): string {
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`#${table}\n`);
    for (const row of db.prepare(`SELECT * FROM ${table}`).raw(true).iterate() as Iterable<unknown[]>) hash.update(JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? String(v) : v)) + '\n');
  }
  return hash.digest('hex');
}

export function writeCsv(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

export async function call(core: CoreHost, method: string, input: unknown, onProgress?: (e: ProgressEvent) => void): Promise<Result<unknown>> {
  return core.call(method, input, LOCAL, onProgress).result;
}

export async function ok<T>(core: CoreHost, method: string, input: unknown, onProgress?: (e: ProgressEvent) => void): Promise<T> {
  const result = await call(core, method, input, onProgress);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export async function fails(core: CoreHost, method: string, input: unknown): Promise<ApiError> {
  const result = await call(core, method, input);
  if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(result.value).slice(0, 500)}`);
  return result.error;
}

/** Stored revenues of the org, by external_id, as the tests compare them. */
export function revenuesOf(db: Database.Database): Array<Record<string, unknown>> {
  return db
    .prepare('SELECT external_id, kind, occurred_at, amount_micros, currency, quantity, description, refund_of FROM revenues WHERE org_id = ? ORDER BY id')
    .all(ORG) as Array<Record<string, unknown>>;
}

/** A generic revenue file in the layout a guessed mapping reads (header names are the field names). */
export const REVENUE_HEADER = 'external_id,kind,occurred_at,amount,currency,description';

/** An import's problem rows by row number, as [column, message, outcome]. */
export function problemsByRow(result: ImportCommitResult): Record<number, [string | null, string, string]> {
  return Object.fromEntries(result.problems.map((p) => [p.rowNumber, [p.column, p.message, p.outcome ?? 'error']]));
}

/**
 * Commits a file with onError reject, checking it left the tables as they were, then with
 * skip; returns both results. `input` is imports.commit's input with the onError given.
 */
export async function rejectThenSkip(
  core: CoreHost,
  db: Database.Database,
  tables: readonly string[],
  input: (onError: 'reject' | 'skip') => object,
): Promise<{ rejected: ImportCommitResult; skipped: ImportCommitResult }> {
  const before = digest(db, tables);
  const rejected = await ok<ImportCommitResult>(core, 'imports.commit', input('reject'));
  expect(digest(db, tables)).toBe(before);
  const skipped = await ok<ImportCommitResult>(core, 'imports.commit', input('skip'));
  return { rejected, skipped };
}
